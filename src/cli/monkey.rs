//! `monkey`: the real app headless under random taps, drags, pinches, holds and pauses, for hours of
//! booth time; prints what it reached and how memory and entities behaved.

use anyhow::{Context, Result, bail};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::ConfigArgs;
use midori_kiosk::kiosk::monkey::{self, MonkeyPlan};
use midori_kiosk::kiosk::{InitialView, LoadedBooth, app, event_bus::EventLog};
use midori_kiosk::telemetry::{Meta, Telemetry, WriterConfig};

#[derive(Args)]
pub struct MonkeyArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Number of actions.
    #[arg(long, default_value_t = 20_000)]
    taps: u64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Actions between idle checks (each samples entities and memory); default taps/20, 50..2500.
    #[arg(long)]
    check_every: Option<u64>,
    /// Write the samples (actions, entities, resident KiB, glyph atlas KiB, images, meshes) as CSV.
    #[arg(long)]
    samples: Option<PathBuf>,
}

pub fn monkey(a: &MonkeyArgs) -> Result<ExitCode> {
    // The samples file is opened now, so a wrong path fails before an hour of monkeying, not after.
    let mut samples_file = match &a.samples {
        Some(path) => Some(std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?),
        None => None,
    };
    let loaded = app::load_booth(&a.config.config, &a.config.locales);
    if matches!(loaded, LoadedBooth::Broken { .. }) {
        bail!("{} has problems (run `midori-kiosk check`)", a.config.config.display());
    }
    let dir = std::env::temp_dir().join(format!("midori-monkey-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let log_path = dir.join("monkey.sqlite");
    let meta =
        Meta { kiosk_id: "monkey".into(), booth_id: "monkey".into(), app_version: env!("CARGO_PKG_VERSION").into() };
    let log = Telemetry::start(&log_path, meta, WriterConfig::default())?;
    let frame = std::time::Duration::from_millis(100);
    let mut app = app::build_headless(loaded, InitialView::default(), 1920, 1080, frame);
    app.insert_resource(EventLog(log));
    app::wait_until_loaded(&mut app, 600);
    let plan = MonkeyPlan {
        actions: a.taps,
        seed: a.seed,
        frame_s: frame.as_secs_f32(),
        warm_up: (a.taps / 5).min(50_000),
        check_every: a.check_every.unwrap_or((a.taps / 20).clamp(50, 2_500)).max(1),
        single_threaded: true,
    };
    let t = std::time::Instant::now();
    let bar = super::progress::bar("monkey", a.taps, "actions");
    let result = monkey::run(&mut app, plan, &log_path, &mut |done| bar.set_position(done));
    bar.finish_and_clear();
    let _ = std::fs::remove_dir_all(&dir);
    let r = result?;
    if let (Some(path), Some(file)) = (&a.samples, samples_file.as_mut()) {
        let mut csv = String::from("actions,entities,resident_kib,glyph_atlas_kib,images,meshes\n");
        for s in &r.samples {
            csv.push_str(&format!(
                "{},{},{},{},{},{}\n",
                s.actions, s.entities, s.resident_kib, s.glyph_atlas_kib, s.images, s.meshes
            ));
        }
        file.write_all(csv.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let ((e_min, e_max), (m_min, m_max)) = r.ranges();
    println!(
        "monkey: {} actions, {} frames ({:.1} h of booth time) in {:.0} s, seed {}",
        r.actions,
        r.frames,
        r.booth_seconds / 3600.0,
        t.elapsed().as_secs_f64(),
        a.seed
    );
    let k = r.kinds;
    println!(
        "actions: {} finger taps, {} mouse clicks, {} drags, {} pinches, {} long holds, {} pauses",
        k.taps, k.clicks, k.drags, k.pinches, k.holds, k.pauses
    );
    println!("screens reached: {:?}", r.screens_seen);
    println!("returned to the attract loop when left alone: {} times, never stuck", r.idle_returns);
    println!("glyph atlases over budget and dropped in the attract loop: {} times", r.glyph_atlas_trims);
    println!("sessions: {} opened, {} closed in the log", r.sessions_started, r.sessions_ended);
    println!(
        "after warm-up ({} samples): entities {e_min}..{e_max}, resident memory {:.1}..{:.1} MiB",
        r.samples.len(),
        m_min as f64 / 1024.0,
        m_max as f64 / 1024.0
    );
    if let (Some(first), Some(last)) = (r.samples.first(), r.samples.last()) {
        let mib = |kib: u64| kib as f64 / 1024.0;
        for s in [first, last] {
            println!(
                "at action {}: resident memory {:.1} MiB, glyph atlases {:.1} MiB, {} images, {} meshes",
                s.actions,
                mib(s.resident_kib),
                mib(s.glyph_atlas_kib),
                s.images,
                s.meshes
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
