//! Report benchmark: 1 000 000 events across 4 kiosk files (written by `simulate` through the real
//! telemetry writer) → the full report in all four formats. Prints the time of each step.
//!
//! `cargo bench --no-default-features --bench report`

use std::path::Path;
use std::time::{Duration, Instant};

use midori_kiosk::clock::LocalClock;
use midori_kiosk::i18n::Localizer;
use midori_kiosk::lang::Lang;
use midori_kiosk::report::{self, Context, FluentLabels, Format, Period, Timings};
use midori_kiosk::simulate;
use simulate::Options;

const TARGET_EVENTS: u64 = 1_000_000;
const KIOSKS: u32 = 4;
const DAYS: u32 = 3;
const RUNS: usize = 3;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let booth =
        midori_kiosk::booth::load(&root.join("booth_config"), &root.join("locales")).expect("booth_config loads");
    let strings = Localizer::load(&root.join("locales"), &[Lang::Ja]).expect("locales load");
    let dir = tempfile::tempdir().expect("temp dir");
    // About 16 events per simulated visit plus heartbeats; one calibration run sets the session count.
    let mut opts = Options::for_booth(&booth, 61_000, DAYS, KIOSKS, 2013);
    let probe = simulate::run(&Options { sessions: 2_000, ..opts.clone() }, &dir.path().join("probe"), &mut |_, _| {})
        .expect("probe");
    let fixed = u64::from(KIOSKS * DAYS) * 442; // heartbeats, app start/stop, showcase per kiosk-day (about)
    let per_session = (probe.events - fixed) as f64 / probe.sessions as f64;
    opts.sessions = ((TARGET_EVENTS - fixed) as f64 / per_session * 1.01).round() as u64;
    let t = Instant::now();
    let data = dir.path().join("logs");
    let sim = simulate::run(&opts, &data, &mut |_, _| {}).expect("simulate");
    println!(
        "setup: simulate wrote {} events in {} sessions to {} files in {:.1} s",
        sim.events,
        sim.sessions,
        sim.files.len(),
        t.elapsed().as_secs_f64()
    );

    let ctx = Context::from_booth(&booth, Period::default());
    let clock = LocalClock { utc_offset_minutes: booth.settings.event.utc_offset_minutes };
    let labels = FluentLabels { strings: &strings, lang: Lang::Ja };
    let mut runs = Vec::new();
    for i in 0..RUNS {
        let out = dir.path().join(format!("out-{i}"));
        let mut tm = Timings::default();
        let total = Instant::now();
        let loaded = report::read_logs(&sim.files, Period::default(), clock, false, Some(&mut tm)).expect("read");
        let t = Instant::now();
        let r = report::aggregate(&loaded, &ctx);
        tm.aggregate = t.elapsed();
        report::write(&r, &labels, &out, &Format::ALL, Some(&mut tm)).expect("write");
        let total = total.elapsed();
        assert_eq!(loaded.rows.len() as u64, sim.events);
        runs.push((total, tm));
    }
    runs.sort_by_key(|r| r.0);
    let (total, tm) = &runs[RUNS / 2];
    println!(
        "report of {} events from {KIOSKS} files, median of {RUNS} runs: {:.0} ms (target < 3000 ms)",
        sim.events,
        ms(*total)
    );
    println!("  open + read (parallel per file): {:>7.0} ms", ms(tm.open_and_read));
    println!("  merge (dedupe by UUID, sort):    {:>7.0} ms", ms(tm.merge));
    println!("  aggregate:                       {:>7.0} ms", ms(tm.aggregate));
    for (f, d) in &tm.write {
        println!("  write {:<27} {:>7.0} ms", format!("{f:?}:"), ms(*d));
    }
    println!("  all runs: {:?} ms", runs.iter().map(|r| ms(r.0).round()).collect::<Vec<_>>());
}
