//! `run` (the default): the kiosk itself, full screen.

use anyhow::Result;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

use super::ConfigArgs;
use midori_kiosk::display_backend::{self, BackendRequest, DisplayEnv};
use midori_kiosk::kiosk::app::{self, Display};
use midori_kiosk::kiosk::health::SystemdNotifier;
use midori_kiosk::kiosk::{InitialView, Screen, event_bus::EventLog};

#[derive(Args, Clone)]
pub struct RunArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Data folder for the interaction log (overrides booth.toml's data.dir).
    #[arg(long)]
    data: Option<PathBuf>,
    /// A normal 1280×720 window instead of full screen (development).
    #[arg(long)]
    windowed: bool,
    /// Display backend: auto takes native Wayland when a Wayland compositor (cage) is there, else X11.
    #[arg(long, value_enum, default_value_t = Backend::Auto)]
    backend: Backend,
    /// Startup benchmark: exit once the first frames are on screen (loading, or attract), printing the time.
    #[arg(long, value_enum)]
    exit_after_first_frame: Option<FirstFrame>,
}

/// The display backend asked for.
#[derive(Clone, Copy, ValueEnum)]
enum Backend {
    /// Wayland when WAYLAND_DISPLAY is set, else X11.
    Auto,
    /// Native Wayland (cage on the booth PC).
    Wayland,
    /// X11 (a desktop, Xvfb; under cage, Xwayland).
    X11,
}

/// The first frame the startup benchmark waits for.
#[derive(Clone, Copy, ValueEnum)]
enum FirstFrame {
    /// The very first screen (fonts still loading).
    Loading,
    /// The attract loop, fonts and content ready.
    Attract,
}

pub fn run(a: RunArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    eprintln!("midori-kiosk {} starting", env!("CARGO_PKG_VERSION"));
    let request = match a.backend {
        Backend::Auto => BackendRequest::Auto,
        Backend::Wayland => BackendRequest::Wayland,
        Backend::X11 => BackendRequest::X11,
    };
    let backend = display_backend::choose(request, &DisplayEnv::from_process())?;
    for name in display_backend::variables_to_hide(backend) {
        // SAFETY: no other thread runs yet (Bevy and the log writer start below).
        unsafe { std::env::remove_var(name) };
    }
    eprintln!(
        "display backend: {backend} (asked for {})",
        a.backend.to_possible_value().map_or("?".into(), |v| v.get_name().to_owned())
    );
    let display = if a.windowed { Display::Windowed { width: 1280, height: 720 } } else { Display::Fullscreen };
    let loaded = app::load_booth(&a.config.config, &a.config.locales);
    let log = app::open_log(&loaded, a.data);
    let mut app = app::build(loaded, InitialView::default(), display);
    if let Some(first) = a.exit_after_first_frame {
        let screen = match first {
            FirstFrame::Loading => Screen::Loading,
            FirstFrame::Attract => Screen::Attract,
        };
        app::exit_after_first_frame(&mut app, started, screen);
    }
    if let Some(notifier) = SystemdNotifier::from_environment() {
        eprintln!("systemd: notify socket set, watchdog {:?}", notifier.schedule.map(|s| s.every() * 2));
        app.insert_resource(notifier);
    }
    if let Some(log) = log {
        app.insert_resource(EventLog(log));
    }
    Ok(super::exit_code(app.run()))
}
