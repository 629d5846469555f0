//! Mouse and touch into picking through `pointer_pacing`: the kiosk's replacement for bevy_picking's
//! own input systems (turned off here), so that a press and a release in one frame are still one tap,
//! the X11 emulated cursor of a finger never moves (and parks) the mouse pointer, and a cancelled touch
//! reaches the buttons as a cancel. What arrives is counted for the staff panel.

use bevy::camera::RenderTarget;
use bevy::input::ButtonState;
use bevy::input::touch::TouchPhase;
use bevy::picking::PickingSystems;
use bevy::picking::input::PointerInputSettings;
use bevy::picking::pointer::{Location, PointerAction, PointerButton, PointerId, PointerInput, PointerLocation};
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowEvent, WindowRef};

use crate::pointer_pacing::{FingerPhase, InputCounts, PointerKey, PointerPacer, PointerStep, RawInput};

/// The pacer between the window's input and picking.
#[derive(Resource, Default)]
pub struct PacedPointers {
    pacer: PointerPacer,
    window: Option<Entity>,
    at: bevy::platform::collections::HashMap<PointerKey, Vec2>,
}

impl PacedPointers {
    /// What has arrived so far (touches, mouse presses, emulated cursor moves dropped, releases held).
    pub fn counts(&self) -> InputCounts {
        self.pacer.counts()
    }

    /// Fingers on the screen now.
    pub fn fingers_down(&self) -> usize {
        self.pacer.fingers_down()
    }
}

/// The last finger that touched the screen: where (logical px) and when (seconds since start).
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct LastTouch(pub Option<(Vec2, f64)>);

/// Finger pointers whose release went out this frame; despawned in `Last`, as bevy_picking does.
#[derive(Resource, Default)]
struct Vanishing(Vec<PointerId>);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(PointerInputSettings { is_touch_enabled: false, is_mouse_enabled: false })
        .init_resource::<PacedPointers>()
        .init_resource::<LastTouch>()
        .init_resource::<Vanishing>()
        .add_systems(First, pace_pointer_input.in_set(PickingSystems::Input))
        .add_systems(Last, despawn_vanished_fingers);
}

fn raw(event: &WindowEvent) -> Option<(Entity, RawInput)> {
    let p = |v: Vec2| [v.x, v.y];
    match event {
        WindowEvent::CursorMoved(e) => Some((e.window, RawInput::CursorMoved(p(e.position)))),
        WindowEvent::MouseButtonInput(e) if e.button == MouseButton::Left => {
            Some((e.window, RawInput::MouseButton(e.state == ButtonState::Pressed)))
        }
        WindowEvent::TouchInput(t) => {
            let phase = match t.phase {
                TouchPhase::Started => FingerPhase::Down,
                TouchPhase::Moved => FingerPhase::Moved,
                TouchPhase::Ended => FingerPhase::Up,
                TouchPhase::Canceled => FingerPhase::Cancelled,
            };
            Some((t.window, RawInput::Finger { id: t.id, phase, at: p(t.position) }))
        }
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn pace_pointer_input(
    mut window_events: MessageReader<WindowEvent>,
    primary: Query<Entity, With<PrimaryWindow>>,
    mut paced: ResMut<PacedPointers>,
    mut last_touch: ResMut<LastTouch>,
    mut vanishing: ResMut<Vanishing>,
    time: Res<Time<Real>>,
    mut commands: Commands,
    mut out: MessageWriter<PointerInput>,
) {
    let mut inputs = Vec::new();
    for (window, input) in window_events.read().filter_map(raw) {
        paced.window = Some(window);
        if let RawInput::Finger { phase: FingerPhase::Down, at, .. } = input {
            last_touch.0 = Some((Vec2::from(at), time.elapsed_secs_f64()));
        }
        inputs.push(input);
    }
    let steps = paced.pacer.frame(&inputs);
    let Some(window) = paced.window.or_else(|| primary.single().ok()) else { return };
    let Some(target) = RenderTarget::Window(WindowRef::Entity(window)).normalize(primary.single().ok()) else {
        return;
    };
    for s in steps {
        let pointer = match s.pointer {
            PointerKey::Mouse => PointerId::Mouse,
            PointerKey::Finger(id) => PointerId::Touch(id),
        };
        let position = Vec2::from(s.at);
        let location = Location { target: target.clone(), position };
        let before = paced.at.insert(s.pointer, position).unwrap_or(position);
        let action = match s.step {
            PointerStep::Appear => {
                commands.spawn((pointer, PointerLocation::new(location)));
                continue;
            }
            PointerStep::Vanish => {
                paced.at.remove(&s.pointer);
                vanishing.0.push(pointer);
                continue;
            }
            PointerStep::Move => PointerAction::Move { delta: position - before },
            PointerStep::Press => PointerAction::Press(PointerButton::Primary),
            PointerStep::Release => PointerAction::Release(PointerButton::Primary),
            PointerStep::Cancel => PointerAction::Cancel,
        };
        out.write(PointerInput::new(pointer, location, action));
    }
}

fn despawn_vanished_fingers(
    mut vanishing: ResMut<Vanishing>,
    pointers: Query<(Entity, &PointerId)>,
    mut commands: Commands,
) {
    for gone in vanishing.0.drain(..) {
        for (entity, id) in &pointers {
            if *id == gone {
                commands.entity(entity).despawn();
            }
        }
    }
}
