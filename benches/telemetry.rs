//! Benchmark of the interaction log (run: `cargo bench --no-default-features --bench telemetry`).
//! Reports the cost of handing an event over on the frame (p50/p99 µs) and the sustained rate of events
//! committed to disk.

use midori_kiosk::telemetry::{Event, Meta, Record, SelectHow, Telemetry, WriterConfig};
use std::time::{Duration, Instant};

fn meta() -> Meta {
    Meta { kiosk_id: "bench".into(), booth_id: "bench".into(), app_version: env!("CARGO_PKG_VERSION").into() }
}

fn event(i: i64) -> Event {
    match i % 3 {
        0 => Event::MapTouch { code: Some("13104".into()) },
        1 => Event::MunicipalitySelect { code: "13421".into(), how: SelectHow::Map },
        _ => Event::QuizAnswer { question: "goya-seeds".into(), choice: 1, correct: true, millis: 3200 },
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");

    // 1. On the frame: 60 frames a second, 20 events a frame (far more than a visitor makes), 30 s.
    let log = Telemetry::start(&dir.path().join("frame.sqlite"), meta(), WriterConfig::default()).expect("open");
    let mut costs = Vec::new();
    for frame in 0..1800i64 {
        let start = Instant::now();
        for k in 0..20 {
            let record = Record::new(event(frame * 20 + k), Some("s".into()), frame * 16);
            let t = Instant::now();
            log.send(record);
            costs.push(t.elapsed().as_secs_f64() * 1e6);
        }
        std::thread::sleep(Duration::from_micros(16_667).saturating_sub(start.elapsed()));
    }
    log.flush();
    let h = log.health();
    costs.sort_by(f64::total_cmp);
    println!(
        "frame cost of send(): p50 {:.2} µs, p99 {:.2} µs, max {:.1} µs over {} calls; committed {}, dropped {}",
        percentile(&costs, 0.5),
        percentile(&costs, 0.99),
        costs.last().copied().unwrap_or(0.0),
        costs.len(),
        h.committed,
        h.dropped
    );

    // 2. Sustained: as fast as the writer commits, 1 000 000 events, with the durable (FULL sync) setting.
    let log = Telemetry::start(&dir.path().join("sustained.sqlite"), meta(), WriterConfig::default()).expect("open");
    let n = 1_000_000i64;
    let start = Instant::now();
    for i in 0..n {
        log.send_blocking(Record::new(event(i), Some("s".into()), i));
    }
    log.flush();
    let secs = start.elapsed().as_secs_f64();
    let h = log.health();
    println!(
        "sustained: {} events committed in {:.2} s = {:.0} events/s (dropped {})",
        h.committed,
        secs,
        h.committed as f64 / secs,
        h.dropped
    );
}
