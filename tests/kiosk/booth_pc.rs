//! The booth PC's own path inside the app: systemd readiness and watchdog pings from the frame loop, and
//! what the staff panel tells a technician about the display and the touches that arrive.

use crate::harness::*;
use midori_kiosk::kiosk::drive::{Wire, tap_over};
use midori_kiosk::kiosk::health::{NotifySink, SystemdNotifier};
use midori_kiosk::watchdog::PingSchedule;

fn sent(k: &Kiosk) -> Vec<String> {
    match &k.app.world().resource::<SystemdNotifier>().sink {
        NotifySink::Recorded(v) => v.clone(),
        NotifySink::Systemd => panic!("the test records"),
    }
}

#[test]
fn the_kiosk_says_ready_on_its_first_attract_frame_and_pings_only_from_its_frame_loop() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Attract, ..InitialView::default() });
    // A watchdog of 1 s: a ping every 500 ms, i.e. every 5th frame of 100 ms.
    k.app.insert_resource(SystemdNotifier {
        schedule: Some(PingSchedule::for_watchdog(Duration::from_secs(1))),
        ready: false,
        sink: NotifySink::Recorded(Vec::new()),
    });
    let mut ready_on = None;
    for frame in 0..40 {
        k.frames(1);
        if ready_on.is_none() && sent(&k).iter().any(|m| m == "READY=1") {
            ready_on = Some((frame, k.screen()));
        }
    }
    let (_, screen) = ready_on.expect("READY=1 sent");
    assert_eq!(screen, Screen::Attract, "ready once the attract loop is drawn");
    let all = sent(&k);
    assert_eq!(all.iter().filter(|m| *m == "READY=1").count(), 1, "ready once: {all:?}");
    let pings = all.iter().filter(|m| *m == "WATCHDOG=1").count();
    assert!((7..=9).contains(&pings), "40 frames of 100 ms, a ping every 500 ms: {pings}");
    // A stalled loop: time passes, no frame runs, nothing is sent.
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(sent(&k).len(), all.len(), "no ping without a frame");
    k.frames(5);
    assert_eq!(sent(&k).iter().filter(|m| *m == "WATCHDOG=1").count(), pings + 1);
}

#[test]
fn the_staff_panel_shows_the_display_backend_and_the_touches_that_arrived() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, lang: Some(Lang::En), ..InitialView::default() });
    k.frames(10);
    let before = {
        k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
        k.frames(5);
        k.all_text()
    };
    assert!(before.contains("Touch: none yet (mouse presses: 0)"), "{before}");
    assert!(before.contains("Display: none (no window)"), "headless: {before}");
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.frames(5);
    tap_over(&mut k.app, Wire::X11, Vec2::new(1500.0, 700.0), true);
    tap_over(&mut k.app, Wire::Wayland, Vec2::new(640.0, 360.0), false);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
    k.frames(5);
    let text = k.all_text();
    assert!(text.contains("Touch: 2 fingers so far, the last 0 s ago at (640, 360)"), "{text}");
}
