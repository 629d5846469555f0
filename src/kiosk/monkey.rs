//! The monkey: random taps, drags, pinches, long holds and idle pauses on the real app (headless, with
//! simulated time), checking after each that the app is on a real screen, that leaving it alone brings it
//! back to the attract loop, and, at the end, that every visitor session it opened was closed; it samples
//! the entity count and resident memory after warm-up to show they stay flat.

use bevy::prelude::*;
use bevy::ui::UiGlobalTransform;

use super::Screen;
use super::drive;
use crate::quiz::Rng;
use crate::telemetry::Event;

/// What a monkey run did and saw, printed by `midori-kiosk monkey` and checked by the tests.
#[derive(Debug, Clone, Default)]
pub struct MonkeyReport {
    /// Actions done (taps, clicks, drags, pinches, holds and pauses).
    pub actions: u64,
    /// How many of the actions were of each kind.
    pub kinds: ActionCounts,
    /// App updates during the run, the idle checks included.
    pub frames: u64,
    /// Simulated booth time that passed.
    pub booth_seconds: f64,
    /// Every screen the app was on after an action, in the order first reached.
    pub screens_seen: Vec<Screen>,
    /// How often leaving the app alone brought it back to the attract loop.
    pub idle_returns: u64,
    /// How often the glyph atlases went over budget and were dropped back in the attract loop.
    pub glyph_atlas_trims: u64,
    /// Visitor sessions opened, counted in the SQLite log (0 without one).
    pub sessions_started: u64,
    /// Visitor sessions closed, counted in the log; a run fails unless it equals `sessions_started`.
    pub sessions_ended: u64,
    /// Taken back in the attract loop after each idle check past the warm-up, so every sample is of the
    /// same screen.
    pub samples: Vec<Sample>,
}

/// One look at the app in the attract loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// Actions done when the sample was taken.
    pub actions: u64,
    /// Entities in the world.
    pub entities: usize,
    /// Resident memory of the process, in KiB (0 where unknown).
    pub resident_kib: u64,
    /// Bevy's glyph atlas images (see `glyph_cache`).
    pub glyph_atlas_kib: u64,
    /// Image and mesh assets alive.
    pub images: usize,
    /// Mesh assets alive.
    pub meshes: usize,
}

/// Actions by kind: finger taps, mouse clicks, one-finger drags, two-finger pinches, long holds, pauses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionCounts {
    /// Finger taps, about half of them aimed at a visible button.
    pub taps: u64,
    /// Left mouse clicks on a visible button (anywhere when there is none).
    pub clicks: u64,
    /// One-finger drags between two random points.
    pub drags: u64,
    /// Two-finger pinches around a random centre.
    pub pinches: u64,
    /// Holds of 1 to 4 s, half of them in the top-left staff corner.
    pub holds: u64,
    /// Pauses of 0 to 89 s without input.
    pub pauses: u64,
}

impl MonkeyReport {
    /// Largest and smallest entity count and resident memory over the samples.
    pub fn ranges(&self) -> ((usize, usize), (u64, u64)) {
        let e = self.samples.iter().map(|s| s.entities);
        let m = self.samples.iter().map(|s| s.resident_kib);
        ((e.clone().min().unwrap_or(0), e.max().unwrap_or(0)), (m.clone().min().unwrap_or(0), m.max().unwrap_or(0)))
    }
}

/// Resident memory of this process in KiB (Linux), 0 where unknown.
pub fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse::<u64>().ok()))
        .map_or(0, |pages| pages * 4)
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn buttons(app: &mut App) -> Vec<Vec2> {
    let w = app.world_mut();
    let mut q = w.query_filtered::<(&UiGlobalTransform, &InheritedVisibility), With<Button>>();
    q.iter(w).filter(|(_, v)| v.get()).map(|(t, _)| t.affine().translation).collect()
}

fn sample(app: &mut App, actions: u64) -> Sample {
    let entities = app.world_mut().query::<Entity>().iter(app.world()).count();
    let w = app.world();
    let images = w.resource::<Assets<Image>>();
    Sample {
        actions,
        entities,
        resident_kib: resident_kib(),
        glyph_atlas_kib: w.resource::<bevy::text::FontAtlasSet>().total_bytes(images) / 1024,
        images: images.len(),
        meshes: w.resource::<Assets<Mesh>>().len(),
    }
}

/// Lets `seconds` pass without input, in steps of one second (nothing on screen needs finer steps when
/// nobody touches it); stops early when `until` holds.
fn wait(app: &mut App, seconds: u32, frame_s: f32, report: &mut MonkeyReport, until: impl Fn(&App) -> bool) -> bool {
    use bevy::time::TimeUpdateStrategy;
    app.insert_resource(TimeUpdateStrategy::ManualDuration(std::time::Duration::from_secs(1)));
    let mut reached = false;
    let _ = &report;
    for _ in 0..seconds {
        app.update();
        if until(app) {
            reached = true;
            break;
        }
    }
    app.insert_resource(TimeUpdateStrategy::ManualDuration(std::time::Duration::from_secs_f32(frame_s)));
    reached
}

/// Leaves the app alone until it is back in the attract loop; false if it never got there.
fn idle_out(app: &mut App, frame_s: f32, report: &mut MonkeyReport) -> bool {
    // The longest path: quiz timeout (120 s) + warning (20 s), with margin.
    let back = wait(app, 200, frame_s, report, |a| screen(a) == Screen::Attract);
    if back {
        report.idle_returns += 1;
    }
    back
}

/// Why a monkey run failed.
#[derive(Debug, thiserror::Error)]
pub enum MonkeyError {
    /// Left alone for 200 s, the app did not get back to the attract loop.
    #[error("after {actions} actions the app stayed on {screen:?} for 200 s without a touch (stuck)")]
    Stuck {
        /// Actions done when it got stuck.
        actions: u64,
        /// The screen it stayed on.
        screen: Screen,
    },
    /// At the end of the run the log has fewer session ends than starts, or more.
    #[error("sessions opened {started}, closed {ended}: some were never closed")]
    Unclosed {
        /// Sessions opened, according to the log.
        started: u64,
        /// Sessions closed, according to the log.
        ended: u64,
    },
}

/// How a monkey run is set up.
#[derive(Debug, Clone, Copy)]
pub struct MonkeyPlan {
    /// Random actions to perform.
    pub actions: u64,
    /// Seed of the random actions and positions: the same seed repeats the same run.
    pub seed: u64,
    /// Seconds each app update advances.
    pub frame_s: f32,
    /// Actions before memory and entities are sampled.
    pub warm_up: u64,
    /// Actions between idle checks (each leaves the app alone until it is back in the attract loop).
    pub check_every: u64,
    /// Runs every schedule on one thread: on a 2-core machine headless frames are then about three
    /// times faster, because the multi-threaded executor spends most of a small frame waking threads.
    /// The systems and their order constraints are the same; only how they are dispatched differs.
    pub single_threaded: bool,
}

/// Switches every schedule of `app` to Bevy's single-threaded executor.
pub fn run_single_threaded(app: &mut App) {
    use bevy::ecs::schedule::{Schedules, SingleThreadedExecutor};
    let mut schedules = app.world_mut().resource_mut::<Schedules>();
    for (_, schedule) in schedules.iter_mut() {
        schedule.set_executor(SingleThreadedExecutor::default());
        schedule.set_apply_final_deferred(true);
    }
}

/// Runs the plan on `app` (a headless kiosk whose `EventLog` writes to `log`; sessions are counted there).
/// `progress(done)` is called every 1 000 actions.
pub fn run(
    app: &mut App,
    plan: MonkeyPlan,
    log: &std::path::Path,
    progress: &mut dyn FnMut(u64),
) -> Result<MonkeyReport, MonkeyError> {
    let MonkeyPlan { actions, seed, frame_s, warm_up, check_every, single_threaded } = plan;
    if single_threaded {
        run_single_threaded(app);
    }
    let mut rng = Rng::new(seed);
    let mut report = MonkeyReport::default();
    let (w, h) = {
        let win = app
            .world_mut()
            .query::<&Window>()
            .single(app.world())
            .map(|w| (w.width(), w.height()))
            .unwrap_or((1920.0, 1080.0));
        (win.0, win.1)
    };
    let anywhere = |rng: &mut Rng| Vec2::new(rng.below(w as usize) as f32, rng.below(h as usize) as f32);
    // Pauses advance a whole second per update; let virtual time take such steps.
    app.world_mut().resource_mut::<Time<Virtual>>().set_max_delta(std::time::Duration::from_secs(2));
    let first_frame = app.world().resource::<bevy::diagnostic::FrameCount>().0;
    for i in 1..=actions {
        match rng.below(100) {
            // Mostly taps, half of them on a button so the monkey gets around every screen.
            0..=34 => {
                let b = buttons(app);
                let p = if b.is_empty() { anywhere(&mut rng) } else { b[rng.below(b.len())] };
                drive::tap(app, p);
                report.kinds.taps += 1;
            }
            35..=64 => {
                drive::tap(app, anywhere(&mut rng));
                report.kinds.taps += 1;
            }
            65..=74 => {
                let b = buttons(app);
                let p = if b.is_empty() { anywhere(&mut rng) } else { b[rng.below(b.len())] };
                drive::click(app, p);
                report.kinds.clicks += 1;
            }
            75..=84 => {
                let from = anywhere(&mut rng);
                drive::drag(app, from, anywhere(&mut rng), 1 + rng.below(6) as u32);
                report.kinds.drags += 1;
            }
            85..=90 => {
                let c = anywhere(&mut rng);
                let (d0, d1) = (40.0 + rng.below(400) as f32, 40.0 + rng.below(400) as f32);
                drive::pinch(app, c, d0, d1, 1 + rng.below(5) as u32);
                report.kinds.pinches += 1;
            }
            91..=95 => {
                // Long holds, sometimes in the staff corner (3 s opens the PIN pad).
                let p = if rng.below(2) == 0 { Vec2::new(20.0, 20.0) } else { anywhere(&mut rng) };
                drive::hold(app, p, ((1 + rng.below(4)) as f32 / frame_s) as u32);
                report.kinds.holds += 1;
            }
            _ => {
                // A pause: sometimes long enough for the warning, sometimes for the reset.
                let seconds = rng.below(90) as u32;
                wait(app, seconds, frame_s, &mut report, |_| false);
                report.kinds.pauses += 1;
            }
        }
        report.actions = i;
        let s = screen(app);
        if !report.screens_seen.contains(&s) {
            report.screens_seen.push(s);
        }
        if i % check_every.max(1) == 0 {
            if !idle_out(app, frame_s, &mut report) {
                return Err(MonkeyError::Stuck { actions: i, screen: screen(app) });
            }
            // A few frames in the attract loop so its entities are all there, then a sample.
            for _ in 0..3 {
                app.update();
            }
            if i > warm_up {
                report.samples.push(sample(app, i));
            }
        }
        if i % 1_000 == 0 {
            progress(i);
        }
    }
    if !idle_out(app, frame_s, &mut report) {
        return Err(MonkeyError::Stuck { actions, screen: screen(app) });
    }
    report.glyph_atlas_trims = app.world().resource::<super::glyph_cache::GlyphAtlasTrims>().0;
    report.frames = u64::from(app.world().resource::<bevy::diagnostic::FrameCount>().0.wrapping_sub(first_frame));
    report.booth_seconds = app.world().resource::<Time<Virtual>>().elapsed_secs_f64();
    let mut counts = (0, 0);
    if let Some(l) = app.world().get_resource::<super::event_bus::EventLog>() {
        l.0.flush();
        if let Ok(conn) = crate::telemetry::open_read_only(log) {
            let _ = crate::telemetry::for_each(&conn, |_, _, _, _, e| match e {
                Event::SessionStart => counts.0 += 1,
                Event::SessionEnd { .. } => counts.1 += 1,
                _ => {}
            });
        }
    }
    let (started, ended) = counts;
    report.sessions_started = started;
    report.sessions_ended = ended;
    if report.sessions_started != report.sessions_ended {
        return Err(MonkeyError::Unclosed { started: report.sessions_started, ended: report.sessions_ended });
    }
    Ok(report)
}
