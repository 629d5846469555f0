//! Builds the Bevy app for the kiosk, for screenshots, or for headless tests.

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::window::{CursorOptions, MonitorSelection, WindowMode, WindowResolution};
use std::path::PathBuf;

use std::path::Path;
use std::sync::Arc;

use super::capture::{self, CaptureTarget};
use super::{InitialView, KioskPlugin, LoadedBooth, Screen};
use crate::i18n::Localizer;
use crate::lang::Lang;
use crate::telemetry::{Meta, Telemetry, WriterConfig};

/// Loads the booth and the locales. On problems, prints them and returns a booth that shows them to
/// staff (in every language whose strings could be read), never the visitor experience.
pub fn load_booth(config_dir: &Path, locales_dir: &Path) -> LoadedBooth {
    match crate::booth::load_all(config_dir, locales_dir) {
        Ok((booth, strings)) => LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) },
        Err(problems) => {
            for line in problems.lines() {
                eprintln!("config error: {line}");
            }
            let strings = Localizer::load(locales_dir, &Lang::ALL).ok().map(Arc::new);
            LoadedBooth::Broken { problems: problems.lines(), strings }
        }
    }
}

/// Opens `<data>/<kiosk_id>.sqlite` (`data` defaults to booth.toml's data.dir). The kiosk runs without a
/// log rather than not at all: the error is printed and the kiosk keeps its events in memory.
pub fn open_log(loaded: &LoadedBooth, data: Option<PathBuf>) -> Option<Telemetry> {
    let LoadedBooth::Ready { booth, .. } = loaded else { return None };
    let s = &booth.settings;
    let dir = data.unwrap_or_else(|| PathBuf::from(&s.data_dir));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("error: cannot create data folder {}: {e}; events are not saved", dir.display());
        return None;
    }
    let path = dir.join(format!("{}.sqlite", s.kiosk_id));
    let meta = Meta {
        kiosk_id: s.kiosk_id.clone(),
        booth_id: s.booth_id.clone(),
        app_version: env!("CARGO_PKG_VERSION").into(),
    };
    match Telemetry::start(&path, meta, WriterConfig::default()) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("error: interaction log not available: {e}; events are not saved");
            None
        }
    }
}

/// Updates a headless app until the fonts (loaded on other threads) are in and the first screen is up,
/// for at most `max_frames` frames. Returns whether it got there.
pub fn wait_until_loaded(app: &mut App, max_frames: u32) -> bool {
    for _ in 0..max_frames {
        app.update();
        if *app.world().resource::<State<Screen>>().get() != Screen::Loading {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    false
}

/// How the window is shown.
#[derive(Debug, Clone)]
pub enum Display {
    /// Borderless full screen, cursor hidden: the booth.
    Fullscreen,
    /// A normal window for development.
    Windowed {
        /// Width of the window, in physical pixels.
        width: u32,
        /// Height of the window, in physical pixels.
        height: u32,
    },
    /// A window of exactly this many pixels; capture it to `out` and exit.
    Screenshot {
        /// Width of the picture, in pixels (the scale factor is forced to 1).
        width: u32,
        /// Height of the picture, in pixels.
        height: u32,
        /// The PNG file to write.
        out: PathBuf,
    },
}

/// Where `assets/` is: `BEVY_ASSET_ROOT`, else the working directory, else next to the executable.
pub fn asset_root() -> PathBuf {
    if let Some(root) = std::env::var_os("BEVY_ASSET_ROOT") {
        return PathBuf::from(root).join("assets");
    }
    let cwd = PathBuf::from("assets");
    if cwd.is_dir() {
        return std::path::absolute(&cwd).unwrap_or(cwd);
    }
    std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join("assets"))).unwrap_or(cwd)
}

/// Frames after which the startup benchmark counts the first frame as on screen (the render world runs a
/// frame behind the main world).
pub const FIRST_FRAMES: u32 = 3;

/// For the startup benchmark: exits once the first frames of `screen` have been rendered, printing the
/// time since `started` (the process's start).
pub fn exit_after_first_frame(app: &mut App, started: std::time::Instant, screen: super::Screen) {
    app.add_systems(
        Last,
        move |state: Res<State<super::Screen>>, mut seen: Local<u32>, mut exit: MessageWriter<AppExit>| {
            if *state.get() == screen {
                *seen += 1;
                if *seen == FIRST_FRAMES {
                    println!("first frame of {screen:?} after {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
                    exit.write(AppExit::Success);
                }
            }
        },
    );
}

/// Builds the kiosk with a window, as `display` says: the booth's full screen, a development window, or a
/// screenshot window that saves its PNG and exits.
pub fn build(startup: LoadedBooth, initial: InitialView, display: Display) -> App {
    let (window, cursor) = match &display {
        Display::Fullscreen => (
            Window {
                title: "midori-kiosk".into(),
                mode: WindowMode::BorderlessFullscreen(MonitorSelection::Primary),
                ..default()
            },
            CursorOptions { visible: false, ..default() },
        ),
        Display::Windowed { width, height } => (
            Window { title: "midori-kiosk".into(), resolution: WindowResolution::new(*width, *height), ..default() },
            CursorOptions::default(),
        ),
        Display::Screenshot { width, height, .. } => (
            Window {
                title: "midori-kiosk screenshot".into(),
                resolution: WindowResolution::new(*width, *height).with_scale_factor_override(1.0),
                resizable: false,
                ..default()
            },
            CursorOptions::default(),
        ),
    };
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin { primary_window: Some(window), primary_cursor_options: Some(cursor), ..default() })
            .set(AssetPlugin {
                file_path: asset_root().to_string_lossy().into_owned(),
                meta_check: AssetMetaCheck::Never,
                ..default()
            }),
    );
    app.add_plugins(KioskPlugin { startup, initial });
    if !matches!(display, Display::Screenshot { .. }) {
        app.insert_resource(super::speech::SpeechSettings::booth(&asset_root()));
    }
    if let Display::Screenshot { out, .. } = display {
        app.insert_resource(CaptureTarget(out)).add_plugins(capture::plugin);
    }
    app
}

/// The full kiosk without a window system or GPU: UI layout, text shaping and picking all run, so tests
/// can tap buttons. Each `update()` advances time by `frame`.
pub fn build_headless(
    startup: LoadedBooth,
    initial: InitialView,
    width: u32,
    height: u32,
    frame: std::time::Duration,
) -> App {
    use bevy::render::RenderPlugin;
    use bevy::render::settings::{RenderCreation, WgpuSettings};
    use bevy::time::TimeUpdateStrategy;
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(RenderPlugin {
                render_creation: RenderCreation::Automatic(Box::new(WgpuSettings { backends: None, ..default() })),
                ..default()
            })
            .set(WindowPlugin {
                primary_window: Some(Window {
                    resolution: WindowResolution::new(width, height).with_scale_factor_override(1.0),
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                file_path: concat!(env!("CARGO_MANIFEST_DIR"), "/assets").into(),
                meta_check: AssetMetaCheck::Never,
                ..default()
            })
            .disable::<bevy::winit::WinitPlugin>()
            .disable::<bevy::log::LogPlugin>(),
    );
    app.insert_resource(TimeUpdateStrategy::ManualDuration(frame));
    app.add_plugins(KioskPlugin { startup, initial });
    app
}
