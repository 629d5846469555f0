//! The monkey soak: random input never gets the kiosk stuck.

use crate::harness::*;

/// The monkey (the booth-day soak, shortened for CI: 5 000 actions, ~6 h of booth time, take about 7 min
/// in the debug build; `midori-kiosk monkey` runs the long ones): random taps, drags, pinches, holds and
/// pauses on the real app with a real log. No panic, never stuck (back in the attract loop whenever left
/// alone), every session opened is closed in the log, and the entity count in the attract loop is the
/// same at every check after warm-up.
#[test]
fn a_monkey_never_gets_the_kiosk_stuck() {
    use midori_kiosk::kiosk::monkey::{self, MonkeyPlan};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("monkey.sqlite");
    let mut k = Kiosk::logging_to(&path);
    let plan = MonkeyPlan {
        actions: 5_000,
        seed: 2013,
        frame_s: FRAME.as_secs_f32(),
        warm_up: 1_000,
        check_every: 250,
        single_threaded: true,
    };
    let r = monkey::run(&mut k.app, plan, &path, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
    println!("{r:?}");
    for s in [Screen::Map, Screen::Municipality, Screen::QuizIntro] {
        assert!(r.screens_seen.contains(&s), "the monkey never reached {s:?}: {:?}", r.screens_seen);
    }
    let k = r.kinds;
    assert_eq!(k.taps + k.clicks + k.drags + k.pinches + k.holds + k.pauses, r.actions, "{k:?}");
    assert!(k.taps > r.actions / 2 && k.drags > 0 && k.pinches > 0 && k.holds > 0 && k.pauses > 0, "{k:?}");
    assert!(r.idle_returns >= 20, "{}", r.idle_returns);
    assert!(
        r.sessions_started > 10 && r.sessions_started == r.sessions_ended,
        "{} opened, {} closed",
        r.sessions_started,
        r.sessions_ended
    );
    let ((e_min, e_max), (m_min, m_max)) = r.ranges();
    assert!(r.samples.len() >= 15);
    assert_eq!(e_min, e_max, "entities in the attract loop vary after warm-up: {:?}", r.samples);
    assert!(m_max - m_min < 64 * 1024, "resident memory grew by {} KiB: {:?}", m_max - m_min, r.samples);
    // Meshes (the map's) are freed with their screen; glyph atlases stay within the budget.
    assert!(r.samples.iter().all(|s| s.meshes == r.samples[0].meshes), "{:?}", r.samples);
    assert!(
        r.samples.iter().all(|s| s.glyph_atlas_kib > 0 && s.glyph_atlas_kib <= 64 * 1024 + 16 * 1024),
        "{:?}",
        r.samples
    );
}
