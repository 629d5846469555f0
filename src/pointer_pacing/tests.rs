use super::*;
use FingerPhase::*;
use PointerStep::*;

fn finger(id: u64, phase: FingerPhase, at: Point) -> RawInput {
    RawInput::Finger { id, phase, at }
}

fn steps(out: &[Paced]) -> Vec<(PointerKey, PointerStep)> {
    out.iter().map(|p| (p.pointer, p.step)).collect()
}

const AT: Point = [100.0, 200.0];
const F: PointerKey = PointerKey::Finger(7);

#[test]
fn a_tap_over_two_frames_passes_through_unchanged() {
    let mut p = PointerPacer::new();
    assert_eq!(steps(&p.frame(&[finger(7, Down, AT)])), vec![(F, Appear), (F, Press)]);
    assert_eq!(steps(&p.frame(&[finger(7, Up, AT)])), vec![(F, Release), (F, Vanish)]);
    assert!(p.frame(&[]).is_empty());
    assert_eq!(p.counts().held_back, 0);
}

#[test]
fn a_press_and_release_in_one_frame_come_out_one_frame_apart() {
    let mut p = PointerPacer::new();
    let first = p.frame(&[finger(7, Down, AT), finger(7, Up, AT)]);
    assert_eq!(steps(&first), vec![(F, Appear), (F, Press)]);
    let second = p.frame(&[]);
    assert_eq!(steps(&second), vec![(F, Release), (F, Vanish)]);
    assert_eq!(second[0].at, AT);
    assert_eq!(p.counts().held_back, 1);
    assert_eq!(p.fingers_down(), 0);
}

#[test]
fn a_mouse_click_in_one_frame_is_spread_over_two_and_a_double_click_over_four() {
    let mut p = PointerPacer::new();
    let m = PointerKey::Mouse;
    let out = p.frame(&[RawInput::CursorMoved(AT), RawInput::MouseButton(true), RawInput::MouseButton(false)]);
    assert_eq!(steps(&out), vec![(m, Move), (m, Press)]);
    assert_eq!(out[1].at, AT);
    assert_eq!(steps(&p.frame(&[])), vec![(m, Release)]);
    let double = [true, false, true, false].map(RawInput::MouseButton);
    let frames: Vec<_> = (0..5).map(|i| steps(&p.frame(if i == 0 { &double } else { &[] }))).collect();
    assert_eq!(frames, vec![vec![(m, Press)], vec![(m, Release)], vec![(m, Press)], vec![(m, Release)], vec![]]);
}

#[test]
fn the_x11_emulated_cursor_of_a_finger_is_dropped_and_a_real_mouse_move_is_kept() {
    let mut p = PointerPacer::new();
    // What winit sends on X11 for the first finger: CursorMoved, then Touch, at the same place.
    let out = p.frame(&[RawInput::CursorMoved(AT), finger(7, Down, AT)]);
    assert_eq!(steps(&out), vec![(F, Appear), (F, Press)]);
    let moved = [130.0, 200.0];
    let out = p.frame(&[RawInput::CursorMoved(moved), finger(7, Moved, moved)]);
    assert_eq!(steps(&out), vec![(F, Move)]);
    assert_eq!(steps(&p.frame(&[finger(7, Up, moved)])), vec![(F, Release), (F, Vanish)]);
    assert_eq!(p.counts().emulated_cursor_moves, 2);
    let mouse = p.frame(&[RawInput::CursorMoved([500.0, 20.0])]);
    assert_eq!(steps(&mouse), vec![(PointerKey::Mouse, Move)]);
}

#[test]
fn a_cancelled_touch_cancels_instead_of_releasing() {
    let mut p = PointerPacer::new();
    p.frame(&[finger(3, Down, AT)]);
    let out = p.frame(&[finger(3, Cancelled, AT)]);
    assert_eq!(steps(&out), vec![(PointerKey::Finger(3), Cancel), (PointerKey::Finger(3), Vanish)]);
    // A cancel in the frame of its touch also waits a frame.
    let out = p.frame(&[finger(4, Down, AT), finger(4, Cancelled, AT)]);
    assert_eq!(steps(&out), vec![(PointerKey::Finger(4), Appear), (PointerKey::Finger(4), Press)]);
    assert_eq!(steps(&p.frame(&[]))[0], (PointerKey::Finger(4), Cancel));
}

#[test]
fn two_fingers_are_paced_each_on_its_own() {
    let mut p = PointerPacer::new();
    let (a, b) = (PointerKey::Finger(1), PointerKey::Finger(2));
    let out = p.frame(&[finger(1, Down, AT), finger(2, Down, [300.0, 200.0]), finger(1, Up, AT)]);
    assert_eq!(steps(&out), vec![(a, Appear), (a, Press), (b, Appear), (b, Press)]);
    assert_eq!(
        steps(&p.frame(&[finger(2, Up, [300.0, 200.0])])),
        vec![(a, Release), (a, Vanish), (b, Release), (b, Vanish)]
    );
}

#[test]
fn a_reused_touch_id_comes_back_a_frame_after_it_vanished() {
    // Wayland reuses touch ids at once: two quick taps of one finger slot in one frame.
    let mut p = PointerPacer::new();
    let inputs = [finger(0, Down, AT), finger(0, Up, AT), finger(0, Down, AT), finger(0, Up, AT)];
    let f = PointerKey::Finger(0);
    let frames: Vec<_> = (0..5).map(|i| steps(&p.frame(if i == 0 { &inputs } else { &[] }))).collect();
    assert_eq!(
        frames,
        vec![
            vec![(f, Appear), (f, Press)],
            vec![(f, Release), (f, Vanish)],
            vec![(f, Appear), (f, Press)],
            vec![(f, Release), (f, Vanish)],
            vec![],
        ]
    );
    assert_eq!(p.counts().fingers, 2);
}

#[test]
fn moves_queued_behind_a_held_release_are_merged_into_one() {
    let mut p = PointerPacer::new();
    p.frame(&[finger(5, Down, AT)]);
    let out = p.frame(&[finger(5, Moved, [110.0, 200.0]), finger(5, Moved, [120.0, 200.0])]);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].at, [120.0, 200.0]);
}

#[test]
fn events_for_fingers_never_seen_and_repeated_buttons_do_nothing() {
    let mut p = PointerPacer::new();
    assert!(p.frame(&[finger(9, Up, AT), finger(9, Moved, AT), RawInput::MouseButton(false)]).is_empty());
    p.frame(&[finger(9, Down, AT)]);
    assert!(p.frame(&[finger(9, Down, AT), finger(9, Moved, AT)]).is_empty());
    assert_eq!(p.counts().fingers, 1);
    assert_eq!(p.counts().mouse_presses, 0);
}
