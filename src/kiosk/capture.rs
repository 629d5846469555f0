//! Screenshot mode: wait until the screen has settled, capture the window, retry while the capture is
//! blank (lavapipe returns an all-black first frame), save a PNG and exit.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use std::path::PathBuf;

use super::Screen;

/// Frames to let layout, text and images settle after the screen appears.
const SETTLE_FRAMES: u32 = 12;
/// Captures to try before giving up on a blank picture.
const MAX_ATTEMPTS: u32 = 20;

/// Where to save the screenshot.
#[derive(Resource, Clone, Debug)]
pub struct CaptureTarget(pub PathBuf);

#[derive(Resource, Default)]
struct CaptureState {
    frames: u32,
    pending: bool,
    attempts: u32,
}

/// Screenshot mode: once the first screen has settled, captures the window to [`CaptureTarget`] and exits.
pub fn plugin(app: &mut App) {
    app.init_resource::<CaptureState>().add_systems(Update, request_capture);
}

fn request_capture(
    mut commands: Commands,
    mut st: ResMut<CaptureState>,
    state: Res<State<Screen>>,
    target: Res<CaptureTarget>,
) {
    if *state.get() == Screen::Loading || st.pending {
        return;
    }
    st.frames += 1;
    if st.frames < SETTLE_FRAMES {
        return;
    }
    st.pending = true;
    let path = target.0.clone();
    commands.spawn(Screenshot::primary_window()).observe(
        move |ev: On<ScreenshotCaptured>, mut st: ResMut<CaptureState>, mut exit: MessageWriter<AppExit>| {
            st.attempts += 1;
            let rgb = match ev.image.clone().try_into_dynamic() {
                Ok(img) => img.to_rgb8(),
                Err(e) => {
                    error!("screenshot could not be converted: {e}");
                    exit.write(AppExit::error());
                    return;
                }
            };
            let blank = is_blank(&rgb);
            if blank && st.attempts < MAX_ATTEMPTS {
                st.pending = false;
                st.frames = SETTLE_FRAMES - 3;
                return;
            }
            match rgb.save(&path) {
                Ok(()) if !blank => {
                    info!("saved {}", path.display());
                    exit.write(AppExit::Success);
                }
                Ok(()) => {
                    error!("every capture was blank; saved the last one to {}", path.display());
                    exit.write(AppExit::error());
                }
                Err(e) => {
                    error!("cannot save {}: {e}", path.display());
                    exit.write(AppExit::error());
                }
            }
        },
    );
}

/// True when every pixel has the same colour (lavapipe's black first frame, or nothing drawn).
pub fn is_blank(img: &image::RgbImage) -> bool {
    let mut pixels = img.pixels();
    match pixels.next() {
        Some(first) => pixels.all(|p| p == first),
        None => true,
    }
}
