//! The display the kiosk runs on: which backend winit took (logged at start, shown on the staff panel),
//! and a full-screen window that fills the monitor even where nothing honours the full-screen request
//! (a bare X server leaves a window at 800×600 in the corner).

use bevy::prelude::*;
use bevy::window::{Monitor, PrimaryMonitor, PrimaryWindow, RawHandleWrapper, WindowMode, WindowPosition};
use raw_window_handle::RawDisplayHandle;

use crate::display_backend::DisplayBackend;

/// The backend the window is on, once it exists (none without a window, as in headless tests).
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DisplayInUse(pub Option<DisplayBackend>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DisplayInUse>().add_systems(Update, (note_backend, fill_the_monitor));
}

fn note_backend(mut in_use: ResMut<DisplayInUse>, window: Query<&RawHandleWrapper, With<PrimaryWindow>>) {
    if in_use.0.is_some() {
        return;
    }
    let Ok(handle) = window.single() else { return };
    let backend = match handle.get_display_handle() {
        RawDisplayHandle::Wayland(_) => DisplayBackend::Wayland,
        RawDisplayHandle::Xlib(_) | RawDisplayHandle::Xcb(_) => DisplayBackend::X11,
        other => {
            warn!("display: unexpected display handle {other:?}");
            return;
        }
    };
    info!("display backend: {backend}");
    eprintln!("display backend: {backend}");
    in_use.0 = Some(backend);
}

/// A borderless full-screen window takes the primary monitor's size and position itself.
fn fill_the_monitor(
    mut window: Query<&mut Window, With<PrimaryWindow>>,
    monitor: Query<&Monitor, With<PrimaryMonitor>>,
    mut done_for: Local<Option<(UVec2, IVec2)>>,
) {
    let (Ok(mut window), Ok(monitor)) = (window.single_mut(), monitor.single()) else { return };
    if !matches!(window.mode, WindowMode::BorderlessFullscreen(_)) {
        return;
    }
    let size = UVec2::new(monitor.physical_width, monitor.physical_height);
    let key = (size, monitor.physical_position);
    if *done_for == Some(key) || size.min_element() == 0 {
        return;
    }
    *done_for = Some(key);
    if window.physical_size() != size {
        info!("display: sizing the window to the monitor, {}×{}", size.x, size.y);
        window.resolution.set_physical_resolution(size.x, size.y);
    }
    window.position = WindowPosition::At(monitor.physical_position);
}
