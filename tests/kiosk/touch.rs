//! One finger, one tap, on both display paths: what winit sends on X11 (the `Touch` events plus the
//! emulated `CursorMoved` of the first finger, no mouse button) and on Wayland (`Touch` only), slow
//! and quick (press and release in one frame). Cancelled touches, two fingers, pinches, and hover.

use crate::harness::*;
use bevy::picking::hover::HoverMap;
use bevy::picking::pointer::PointerId;
use midori_kiosk::kiosk::drive::{self, Raw, Wire, finger, one_frame, tap_over};
use midori_kiosk::kiosk::map_view::MapCamera;
use midori_kiosk::kiosk::widgets::PressColors;

/// Every `Pointer<Click>` the app sees: (pointer, entity).
#[derive(Resource, Default)]
struct Clicks(Vec<(PointerId, Entity)>);

fn counting_clicks(k: &mut Kiosk) {
    k.app.init_resource::<Clicks>();
    k.app.add_observer(|ev: On<Pointer<Click>>, mut clicks: ResMut<Clicks>| {
        // Count each click once, at the entity it was aimed at (not again as it bubbles up).
        if ev.entity == ev.original_event_target() {
            clicks.0.push((ev.pointer_id, ev.entity));
        }
    });
}

fn clicks(k: &Kiosk) -> Vec<(PointerId, Entity)> {
    k.app.world().resource::<Clicks>().0.clone()
}

fn language_button(k: &mut Kiosk, lang: Lang) -> Vec2 {
    let mut q = k.app.world_mut().query::<(&LanguageButton, &UiGlobalTransform)>();
    q.iter(k.app.world()).find(|(b, _)| b.0 == lang).map(|(_, t)| t.affine().translation).unwrap()
}

fn choice(k: &mut Kiosk, position: usize) -> Vec2 {
    let mut q = k.app.world_mut().query::<(&QuizChoice, &UiGlobalTransform)>();
    q.iter(k.app.world()).find(|(c, _)| c.0 == position).map(|(_, t)| t.affine().translation).unwrap()
}

/// Buttons drawn pressed (their background is the pressed colour).
fn pressed_buttons(k: &mut Kiosk) -> usize {
    let mut q = k.app.world_mut().query::<(&PressColors, &BackgroundColor)>();
    q.iter(k.app.world()).filter(|(c, bg)| bg.0 == c.pressed && c.pressed != c.normal).count()
}

/// Entities the mouse pointer hovers.
fn mouse_hovers(k: &Kiosk) -> usize {
    k.app.world().resource::<HoverMap>().get(&PointerId::Mouse).map_or(0, |h| h.len())
}

/// Delivers groups of events in one frame (`together`) or a frame each.
fn deliver(k: &mut Kiosk, groups: &[Vec<Raw>], together: bool) {
    if together {
        one_frame(&mut k.app, &groups.concat());
    } else {
        for g in groups {
            one_frame(&mut k.app, g);
        }
    }
}

fn camera_scale(k: &mut Kiosk) -> f32 {
    k.app.world().resource::<MapCamera>().target.map_or(0.0, |(_, s)| s)
}

#[test]
fn one_finger_tap_is_one_tap_on_buttons_the_map_and_the_quiz_on_x11_and_wayland_slow_or_quick() {
    for wire in Wire::ALL {
        for quick in [false, true] {
            let case = format!("{wire:?}, {}", if quick { "press and release in one frame" } else { "a frame apart" });
            let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
            k.frames(10);
            counting_clicks(&mut k);
            // A language button.
            let en = language_button(&mut k, Lang::En);
            tap_over(&mut k.app, wire, en, quick);
            assert_eq!(k.lang(), Lang::En, "{case}: the language button took the tap");
            assert_eq!(count(&k.events(), |e| matches!(e, Event::LanguageChange { .. })), 1, "{case}");
            // The map: a tap chooses, a second tap opens the page.
            k.frames(5);
            let at = k.map_point("13104");
            tap_over(&mut k.app, wire, at, quick);
            assert_eq!(k.card().as_deref(), Some("13104"), "{case}: the map took the tap");
            assert_eq!(count(&k.events(), |e| matches!(e, Event::MapTouch { .. })), 1, "{case}");
            // The quiz: open, start, answer.
            let open = k.centre_of::<With<QuizOpenButton>>();
            tap_over(&mut k.app, wire, open, quick);
            assert_eq!(k.screen(), Screen::QuizIntro, "{case}");
            k.frames(3);
            let start = k.centre_of::<With<QuizStartButton>>();
            tap_over(&mut k.app, wire, start, quick);
            assert_eq!(k.screen(), Screen::QuizQuestion, "{case}");
            k.frames(3);
            let c = choice(&mut k, 0);
            tap_over(&mut k.app, wire, c, quick);
            assert_eq!(k.screen(), Screen::QuizFeedback, "{case}");
            assert_eq!(count(&k.events(), |e| matches!(e, Event::QuizAnswer { .. })), 1, "{case}: one answer");
            k.frames(3);
            // Every click came from a finger, none from the mouse; nothing is left pressed or hovered.
            let seen = clicks(&k);
            assert_eq!(seen.len(), 5, "{case}: one click per tap: {seen:?}");
            assert!(seen.iter().all(|(p, _)| matches!(p, PointerId::Touch(_))), "{case}: a tap is not a mouse click");
            assert_eq!(pressed_buttons(&mut k), 0, "{case}: no button stays drawn pressed");
            assert_eq!(mouse_hovers(&k), 0, "{case}: the emulated cursor parks no hover");
        }
    }
}

#[test]
fn a_real_mouse_click_in_one_frame_still_clicks_once() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    k.frames(10);
    counting_clicks(&mut k);
    let en = language_button(&mut k, Lang::En);
    // xdotool's `mousemove x y click 1`: move, press and release between two frames.
    one_frame(&mut k.app, &[Raw::CursorMoved(en), Raw::MouseButton(true), Raw::MouseButton(false)]);
    k.frames(3);
    assert_eq!(k.lang(), Lang::En);
    assert_eq!(clicks(&k).len(), 1);
    assert_eq!(clicks(&k)[0].0, PointerId::Mouse);
    assert_eq!(pressed_buttons(&mut k), 0);
}

#[test]
fn a_cancelled_touch_presses_nothing_and_leaves_no_button_drawn_pressed() {
    for wire in Wire::ALL {
        for quick in [false, true] {
            let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
            k.frames(10);
            counting_clicks(&mut k);
            let en = language_button(&mut k, Lang::En);
            let down = finger(wire, true, 4, TouchPhase::Started, en);
            let cancel = finger(wire, true, 4, TouchPhase::Canceled, en);
            if quick {
                deliver(&mut k, &[down, cancel], true);
            } else {
                one_frame(&mut k.app, &down);
                k.frames(2);
                assert_eq!(pressed_buttons(&mut k), 1, "{wire:?}: the touched button is drawn pressed");
                one_frame(&mut k.app, &cancel);
            }
            k.frames(3);
            assert_eq!(pressed_buttons(&mut k), 0, "{wire:?} quick={quick}: cancel puts the button back");
            assert_eq!(k.lang(), Lang::Ja, "{wire:?} quick={quick}: a cancelled touch is not a tap");
            assert!(clicks(&k).is_empty());
            // The next tap works as usual.
            tap_over(&mut k.app, wire, en, quick);
            assert_eq!(k.lang(), Lang::En);
        }
    }
}

#[test]
fn two_fingers_on_two_buttons_released_one_at_a_time_press_nothing_twice() {
    for wire in Wire::ALL {
        let mut k = Kiosk::start(InitialView { screen: Screen::QuizIntro, ..InitialView::default() });
        k.frames(5);
        k.click::<With<QuizStartButton>>();
        k.frames(3);
        counting_clicks(&mut k);
        let (a, b) = (choice(&mut k, 0), choice(&mut k, 1));
        one_frame(&mut k.app, &finger(wire, true, 1, TouchPhase::Started, a));
        one_frame(&mut k.app, &finger(wire, false, 2, TouchPhase::Started, b));
        k.frames(2);
        one_frame(&mut k.app, &finger(wire, true, 1, TouchPhase::Ended, a));
        k.frames(2);
        one_frame(&mut k.app, &finger(wire, false, 2, TouchPhase::Ended, b));
        k.frames(3);
        let seen = clicks(&k);
        let mut entities: Vec<Entity> = seen.iter().map(|(_, e)| *e).collect();
        entities.sort();
        entities.dedup();
        assert_eq!(entities.len(), seen.len(), "{wire:?}: no button clicked twice: {seen:?}");
        assert_eq!(count(&k.events(), |e| matches!(e, Event::QuizAnswer { .. })), 1, "{wire:?}: one answer");
        assert_eq!(k.screen(), Screen::QuizFeedback);
        assert_eq!(pressed_buttons(&mut k), 0);
    }
}

#[test]
fn two_fingers_pinch_the_map_on_both_wires_even_when_their_moves_share_frames() {
    for wire in Wire::ALL {
        for together in [false, true] {
            let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
            k.frames(10);
            let s0 = camera_scale(&mut k);
            let mid = Vec2::new(600.0, 500.0);
            let at = |d: f32| (mid - Vec2::new(d, 0.0), mid + Vec2::new(d, 0.0));
            let (a, b) = at(50.0);
            let down = [finger(wire, true, 1, TouchPhase::Started, a), finger(wire, false, 2, TouchPhase::Started, b)];
            deliver(&mut k, &down, together);
            for i in 1..=5 {
                let (a, b) = at(50.0 + 30.0 * i as f32);
                let moves = [finger(wire, true, 1, TouchPhase::Moved, a), finger(wire, false, 2, TouchPhase::Moved, b)];
                if together {
                    one_frame(&mut k.app, &moves.concat());
                } else {
                    one_frame(&mut k.app, &moves[0]);
                    one_frame(&mut k.app, &moves[1]);
                }
            }
            let (a, b) = at(200.0);
            one_frame(
                &mut k.app,
                &[finger(wire, true, 1, TouchPhase::Ended, a), finger(wire, false, 2, TouchPhase::Ended, b)].concat(),
            );
            k.frames(5);
            let s1 = camera_scale(&mut k);
            assert!(s1 < s0 * 0.7, "{wire:?} together={together}: pinching out zooms in: {s0} → {s1}");
            assert_eq!(k.card(), None, "{wire:?}: a pinch is not a tap");
            // A one-finger drag afterwards pans without zooming: no finger was left behind.
            let start = Vec2::new(900.0, 500.0);
            drive::drag(&mut k.app, start, start + Vec2::new(120.0, 0.0), 6);
            k.frames(5);
            let s2 = camera_scale(&mut k);
            assert!((s2 - s1).abs() < 1e-4 * s1, "{wire:?}: one finger after a pinch only pans: {s1} → {s2}");
            assert_eq!(mouse_hovers(&k), 0);
        }
    }
}
