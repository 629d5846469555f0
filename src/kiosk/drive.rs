//! Synthetic input for the real app without a window: mouse clicks, finger taps, drags, pinches and
//! long holds, delivered the way winit delivers them. Used by the headless tests and the monkey.

use bevy::input::ButtonState;
use bevy::input::mouse::MouseButtonInput;
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent};

fn window(app: &mut App) -> Entity {
    let w = app.world_mut();
    let mut q = w.query_filtered::<Entity, With<PrimaryWindow>>();
    q.single(w).expect("a primary window")
}

/// Moves the mouse to `position` (logical pixels).
pub fn mouse_move(app: &mut App, position: Vec2) {
    let window = window(app);
    app.world_mut().write_message(WindowEvent::CursorMoved(CursorMoved { window, position, delta: None }));
    app.update();
}

/// Presses or releases the left mouse button where the mouse is.
pub fn mouse_button(app: &mut App, pressed: bool) {
    let window = window(app);
    let state = if pressed { ButtonState::Pressed } else { ButtonState::Released };
    let ev = MouseButtonInput { button: MouseButton::Left, state, window };
    app.world_mut().write_message(WindowEvent::MouseButtonInput(ev));
    app.world_mut().write_message(ev);
    app.update();
}

/// A mouse click at `position`, then two frames for the result.
pub fn click(app: &mut App, position: Vec2) {
    mouse_move(app, position);
    mouse_button(app, true);
    mouse_button(app, false);
    app.update();
    app.update();
}

/// One touch event of finger `id`.
pub fn touch(app: &mut App, id: u64, phase: TouchPhase, position: Vec2) {
    let window = window(app);
    let ev = TouchInput { phase, position, window, force: None, id };
    app.world_mut().write_message(WindowEvent::TouchInput(ev));
    app.world_mut().write_message(ev);
    app.update();
}

/// A finger tap at `position`, then two frames for the result.
pub fn tap(app: &mut App, position: Vec2) {
    touch(app, 7, TouchPhase::Started, position);
    touch(app, 7, TouchPhase::Ended, position);
    app.update();
    app.update();
}

/// One finger from `from` to `to` in `steps` moves.
pub fn drag(app: &mut App, from: Vec2, to: Vec2, steps: u32) {
    touch(app, 8, TouchPhase::Started, from);
    for i in 1..=steps.max(1) {
        touch(app, 8, TouchPhase::Moved, from.lerp(to, i as f32 / steps.max(1) as f32));
    }
    touch(app, 8, TouchPhase::Ended, to);
}

/// Two fingers around `centre`, from `d0` to `d1` pixels apart, in `steps` moves.
pub fn pinch(app: &mut App, centre: Vec2, d0: f32, d1: f32, steps: u32) {
    let at = |d: f32| (centre - Vec2::new(d / 2.0, 0.0), centre + Vec2::new(d / 2.0, 0.0));
    let (a, b) = at(d0);
    touch(app, 1, TouchPhase::Started, a);
    touch(app, 2, TouchPhase::Started, b);
    for i in 1..=steps.max(1) {
        let (a, b) = at(d0 + (d1 - d0) * i as f32 / steps.max(1) as f32);
        touch(app, 1, TouchPhase::Moved, a);
        touch(app, 2, TouchPhase::Moved, b);
    }
    let (a, b) = at(d1);
    touch(app, 1, TouchPhase::Ended, a);
    touch(app, 2, TouchPhase::Ended, b);
}

/// A finger held still at `position` for `frames` frames.
pub fn hold(app: &mut App, position: Vec2, frames: u32) {
    touch(app, 9, TouchPhase::Started, position);
    for _ in 0..frames {
        app.update();
    }
    touch(app, 9, TouchPhase::Ended, position);
}

/// How a display server's winit backend delivers a finger: X11 sends a `CursorMoved` at the first
/// finger's position before each of its `Touch` Started and Moved events (and no mouse button);
/// Wayland sends the `Touch` events only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wire {
    /// winit on X11 (a desktop, Xvfb, cage's Xwayland).
    X11,
    /// winit on native Wayland (cage).
    Wayland,
}

impl Wire {
    /// Both.
    pub const ALL: [Wire; 2] = [Wire::X11, Wire::Wayland];
}

/// One raw window event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Raw {
    /// A `Touch` event of finger `id`.
    Touch(u64, TouchPhase, Vec2),
    /// The cursor moved.
    CursorMoved(Vec2),
    /// The left mouse button went down (`true`) or up.
    MouseButton(bool),
}

/// What winit sends over `wire` for one finger event; `first` says whether the finger is the first of
/// those down (only the first one moves X11's cursor, and not when it ends).
pub fn finger(wire: Wire, first: bool, id: u64, phase: TouchPhase, position: Vec2) -> Vec<Raw> {
    let emulated = wire == Wire::X11 && first && matches!(phase, TouchPhase::Started | TouchPhase::Moved);
    let mut out = Vec::new();
    if emulated {
        out.push(Raw::CursorMoved(position));
    }
    out.push(Raw::Touch(id, phase, position));
    out
}

/// Writes `events` the way winit does (each as a `WindowEvent` and as its own message) and runs ONE
/// frame: events that arrive together on a slow frame.
pub fn one_frame(app: &mut App, events: &[Raw]) {
    let window = window(app);
    for e in events {
        match *e {
            Raw::Touch(id, phase, position) => {
                let ev = TouchInput { phase, position, window, force: None, id };
                app.world_mut().write_message(WindowEvent::TouchInput(ev));
                app.world_mut().write_message(ev);
            }
            Raw::CursorMoved(position) => {
                let ev = CursorMoved { window, position, delta: None };
                app.world_mut().write_message(WindowEvent::CursorMoved(ev.clone()));
                app.world_mut().write_message(ev);
            }
            Raw::MouseButton(pressed) => {
                let state = if pressed { ButtonState::Pressed } else { ButtonState::Released };
                let ev = MouseButtonInput { button: MouseButton::Left, state, window };
                app.world_mut().write_message(WindowEvent::MouseButtonInput(ev));
                app.world_mut().write_message(ev);
            }
        }
    }
    app.update();
}

/// A one-finger tap at `position` over `wire`: press and release in one frame when `quick` (a quick
/// tap on a slow frame), else a frame apart; then two frames for the result.
pub fn tap_over(app: &mut App, wire: Wire, position: Vec2, quick: bool) {
    let down = finger(wire, true, 11, TouchPhase::Started, position);
    let up = finger(wire, true, 11, TouchPhase::Ended, position);
    if quick {
        one_frame(app, &[down, up].concat());
    } else {
        one_frame(app, &down);
        one_frame(app, &up);
    }
    app.update();
    app.update();
}
