//! Touch and mouse on the map: one finger (or the mouse) drags, two fingers pinch, a tap that did not move
//! selects. Input arrives as picking pointer events on `MapSurface`, a transparent UI node over the map's
//! part of the screen, so buttons and the card above it take their own taps.

use bevy::picking::pointer::PointerId;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;

use super::camera::{MapCamera, clamp};
use super::{MapLayers, MapSurface, Morph};
use crate::geo::{HitOptions, hit_test};
use crate::kiosk::theme::TARGET_MIN_MM;
use crate::kiosk::visit::{choose_municipality, open_municipality};
use crate::kiosk::{EventSender, Screen, Selection};
use crate::telemetry::{Event, SelectHow};

/// A press that moved further than this (in pixels) is a drag, not a tap.
const TAP_SLOP_PX: f32 = 12.0;

#[derive(Resource, Default)]
struct Pointers {
    /// Where each pressed pointer is, and how far it has moved since it was pressed.
    down: HashMap<PointerId, (Vec2, f32)>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Pointers>().add_systems(OnExit(Screen::Map), |mut p: ResMut<Pointers>| p.down.clear());
}

/// Spawns the surface as a child of the map area (it fills it).
pub fn spawn_surface(parent: &mut ChildSpawnerCommands) {
    parent
        .spawn((
            MapSurface,
            Node { position_type: PositionType::Absolute, width: percent(100), height: percent(100), ..default() },
        ))
        .observe(on_press)
        .observe(on_drag)
        .observe(on_release)
        .observe(on_cancel)
        .observe(on_tap);
}

fn on_press(ev: On<Pointer<Press>>, mut pointers: ResMut<Pointers>) {
    pointers.down.insert(ev.pointer_id, (ev.pointer_location.position, 0.0));
}

fn on_release(ev: On<Pointer<Release>>, mut pointers: ResMut<Pointers>) {
    // Picking triggers a pointer's Click before its Release, so `on_tap` has judged the tap by now. A
    // release without a click (the finger came up off the map) must not leave a finger behind either,
    // or the next one-finger drag would pinch against it.
    pointers.down.remove(&ev.pointer_id);
}

fn on_cancel(ev: On<Pointer<Cancel>>, mut pointers: ResMut<Pointers>) {
    pointers.down.remove(&ev.pointer_id);
}

fn on_drag(
    ev: On<Pointer<Drag>>,
    mut pointers: ResMut<Pointers>,
    mut cam: ResMut<MapCamera>,
    camera: Single<&Projection, With<Camera2d>>,
) {
    let Projection::Orthographic(o) = *camera else { return };
    let now = ev.pointer_location.position;
    let before = pointers.down.get(&ev.pointer_id).map_or(now - ev.delta, |p| p.0);
    if let Some(p) = pointers.down.get_mut(&ev.pointer_id) {
        p.0 = now;
        p.1 += ev.delta.length();
    }
    let Some((centre, scale)) = cam.target else { return };
    let others: Vec<Vec2> = pointers.down.iter().filter(|(id, _)| **id != ev.pointer_id).map(|(_, p)| p.0).collect();
    let (centre, scale) = match others.first() {
        // Pinch: the distance between the fingers scales the view around their midpoint.
        Some(other) => {
            let ratio = before.distance(*other).max(1.0) / now.distance(*other).max(1.0);
            let mid_before = (before + *other) / 2.0;
            let mid_now = (now + *other) / 2.0;
            let pan = (mid_now - mid_before) * Vec2::new(-1.0, 1.0) * o.scale;
            (centre + pan, scale * ratio)
        }
        None => (centre + ev.delta * Vec2::new(-1.0, 1.0) * o.scale, scale),
    };
    cam.target = Some(clamp(&cam, centre, scale));
}

/// Screen position (logical pixels) → map coordinates, for the camera as it is now.
pub fn screen_to_map(screen: Vec2, camera: &Transform, scale: f32, window: Vec2) -> Vec2 {
    camera.translation.truncate() + (screen - window / 2.0) * Vec2::new(1.0, -1.0) * scale
}

/// Map coordinates → screen position (logical pixels).
pub fn map_to_screen(p: Vec2, camera: &Transform, scale: f32, window: Vec2) -> Vec2 {
    (p - camera.translation.truncate()) / scale * Vec2::new(1.0, -1.0) + window / 2.0
}

/// The municipality under a screen position (logical pixels), for the camera as it is now: inside its
/// shape, or within a fingertip's reach (half the smallest target) of its name.
pub fn code_at(
    screen: Vec2,
    layers: &MapLayers,
    morph: &Morph,
    ui_scale: f32,
    camera: &Transform,
    camera_scale: f32,
    window: Vec2,
) -> Option<String> {
    let p = screen_to_map(screen, camera, camera_scale, window);
    let layout = morph.shown_layout();
    let geometry = layers.geometry(layout);
    let radius = f64::from(TARGET_MIN_MM / 2.0 * ui_scale * camera_scale);
    hit_test(geometry, [f64::from(p.x), f64::from(p.y)], HitOptions { label_radius: radius }).map(str::to_owned)
}

#[allow(clippy::too_many_arguments)]
fn on_tap(
    ev: On<Pointer<Click>>,
    mut pointers: ResMut<Pointers>,
    layers: Option<Res<MapLayers>>,
    morph: Res<Morph>,
    scale_mm: Res<UiScale>,
    camera: Single<(&Transform, &Projection), With<Camera2d>>,
    window: Single<&Window, With<bevy::window::PrimaryWindow>>,
    mut selection: ResMut<Selection>,
    mut next: ResMut<NextState<Screen>>,
    mut events: EventSender,
) {
    let moved = pointers.down.remove(&ev.pointer_id).map_or(0.0, |p| p.1);
    if moved > TAP_SLOP_PX {
        return;
    }
    let Some(layers) = layers else { return };
    let (tf, proj) = camera.into_inner();
    let Projection::Orthographic(o) = proj else { return };
    let win = Vec2::new(window.width(), window.height());
    let code = code_at(ev.pointer_location.position, &layers, &morph, scale_mm.0, tf, o.scale, win);
    events.send(Event::MapTouch { code: code.clone() });
    match code {
        // Second tap on the open card's municipality: its page.
        Some(c) if selection.municipality.as_deref() == Some(c.as_str()) => {
            let how = selection.how.unwrap_or(SelectHow::Map);
            open_municipality(&mut selection, &mut next, &mut events, &c, how);
        }
        Some(c) => choose_municipality(&mut selection, &mut events, &c, SelectHow::Map),
        None => {
            selection.municipality = None;
            selection.how = None;
        }
    }
}
