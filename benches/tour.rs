//! Whole-app CPU benchmark: the real kiosk headless (UI layout, text, picking, map, logging — everything
//! but the GPU), taken through every screen for 10 minutes of booth time at 60 frames a second, with
//! taps, map drags and pinches. Prints the CPU time per frame (p50/p99/max), resident memory at the end,
//! and the binary size. `cargo bench --bench tour`

use bevy::prelude::*;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use midori_kiosk::kiosk::Selection;
use midori_kiosk::kiosk::app::build_headless;
use midori_kiosk::kiosk::{InitialView, LoadedBooth, Screen, drive, monkey};

const FRAME: Duration = Duration::from_micros(16_667);
const BOOTH_MINUTES: u64 = 10;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (booth, strings) =
        midori_kiosk::booth::load_all(&root.join("booth_config"), &root.join("locales")).expect("config");
    let dir = tempfile::tempdir().expect("temp dir");
    let meta = midori_kiosk::telemetry::Meta {
        kiosk_id: "tour".into(),
        booth_id: "b".into(),
        app_version: env!("CARGO_PKG_VERSION").into(),
    };
    let log = midori_kiosk::telemetry::Telemetry::start(&dir.path().join("tour.sqlite"), meta, Default::default())
        .expect("log");
    let mut app = build_headless(
        LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) },
        InitialView::default(),
        1920,
        1080,
        FRAME,
    );
    app.insert_resource(midori_kiosk::kiosk::event_bus::EventLog(log));
    assert!(midori_kiosk::kiosk::app::wait_until_loaded(&mut app, 6_000), "fonts never loaded");
    let frames_total = BOOTH_MINUTES * 60 * 60;
    let mut times: Vec<Duration> = Vec::with_capacity(frames_total as usize + 1000);
    let tour = [
        Screen::Attract,
        Screen::Map,
        Screen::Municipality,
        Screen::TakeHome,
        Screen::About,
        Screen::QuizIntro,
        Screen::QuizQuestion,
        Screen::Map,
        Screen::StaffPin,
    ];
    let codes: Vec<String> = app
        .world()
        .resource::<midori_kiosk::kiosk::Content>()
        .0
        .municipalities
        .list
        .iter()
        .map(|m| m.code.clone())
        .collect();
    let mut step = 0usize;
    let timed = |app: &mut App, times: &mut Vec<Duration>| {
        let t = Instant::now();
        app.update();
        times.push(t.elapsed());
    };
    while (times.len() as u64) < frames_total {
        let screen = tour[step % tour.len()];
        if screen == Screen::QuizQuestion {
            let content = app.world().resource::<midori_kiosk::kiosk::Content>().clone();
            app.world_mut().resource_mut::<midori_kiosk::kiosk::screens::quiz::QuizSession>().start(&content);
        }
        app.world_mut().resource_mut::<Selection>().municipality = Some(codes[step % codes.len()].clone());
        app.world_mut().resource_mut::<NextState<Screen>>().set(screen);
        // Three seconds on each screen; on the map, a tap, a drag and a pinch.
        for f in 0..180 {
            if screen == Screen::Map && f == 60 {
                drive::tap(&mut app, Vec2::new(500.0, 400.0));
            }
            if screen == Screen::Map && f == 90 {
                drive::drag(&mut app, Vec2::new(600.0, 500.0), Vec2::new(700.0, 450.0), 5);
            }
            if screen == Screen::Map && f == 120 {
                drive::pinch(&mut app, Vec2::new(600.0, 500.0), 100.0, 220.0, 5);
            }
            timed(&mut app, &mut times);
        }
        step += 1;
    }
    let rss = monkey::resident_kib();
    times.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "tour: {} frames ({} min of booth time at 60 fps) through {} screens: CPU per frame p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs (goal p99 ≤ 4000 µs)",
        times.len(),
        BOOTH_MINUTES,
        tour.len(),
        us(p(0.5)),
        us(p(0.99)),
        us(*times.last().unwrap())
    );
    println!("resident memory after the tour: {:.1} MiB", rss as f64 / 1024.0);
    if let Ok(exe) = std::env::var("MIDORI_BIN")
        && let Ok(m) = std::fs::metadata(&exe)
    {
        println!("binary {exe}: {:.1} MiB", m.len() as f64 / 1048576.0);
    }
}
