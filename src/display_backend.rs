//! Which display server the kiosk talks to: native Wayland (cage on the booth PC) or X11 (a desktop,
//! Xvfb, or cage's Xwayland). winit picks Wayland whenever `WAYLAND_DISPLAY` (or `WAYLAND_SOCKET`) is
//! set, else X11 through `DISPLAY`; the kiosk forces a backend by hiding the other one's variables
//! before the window opens.

use std::fmt;
use thiserror::Error;

/// The backend asked for on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BackendRequest {
    /// Wayland when a Wayland display is there, else X11.
    #[default]
    Auto,
    /// Native Wayland only.
    Wayland,
    /// X11 only (under cage: through Xwayland).
    X11,
}

/// A display backend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayBackend {
    /// A native Wayland client.
    Wayland,
    /// An X11 client.
    X11,
}

impl DisplayBackend {
    /// Its name in logs and on the staff panel.
    pub fn as_str(self) -> &'static str {
        match self {
            DisplayBackend::Wayland => "wayland",
            DisplayBackend::X11 => "x11",
        }
    }
}

impl fmt::Display for DisplayBackend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The display variables of the environment that decide the backend.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisplayEnv {
    /// `WAYLAND_DISPLAY` or `WAYLAND_SOCKET` is set and not empty.
    pub wayland: bool,
    /// `DISPLAY` is set and not empty.
    pub x11: bool,
}

impl DisplayEnv {
    /// Reads them from the process environment.
    pub fn from_process() -> DisplayEnv {
        let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
        DisplayEnv { wayland: set("WAYLAND_DISPLAY") || set("WAYLAND_SOCKET"), x11: set("DISPLAY") }
    }
}

/// The variables to remove from the environment before the window opens, so that winit takes `chosen`.
pub fn variables_to_hide(chosen: DisplayBackend) -> &'static [&'static str] {
    match chosen {
        DisplayBackend::Wayland => &[],
        DisplayBackend::X11 => &["WAYLAND_DISPLAY", "WAYLAND_SOCKET"],
    }
}

/// Why a backend cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum BackendError {
    /// No display server at all.
    #[error("no display: neither WAYLAND_DISPLAY nor DISPLAY is set (start the kiosk under cage, X or Xvfb)")]
    NoDisplay,
    /// Wayland asked for, none there.
    #[error("--backend wayland, but WAYLAND_DISPLAY is not set (is a Wayland compositor such as cage running?)")]
    NoWayland,
    /// X11 asked for, none there.
    #[error("--backend x11, but DISPLAY is not set (under cage, install xwayland; elsewhere start X or Xvfb)")]
    NoX11,
}

/// The backend the kiosk will use for `request` in `env`.
pub fn choose(request: BackendRequest, env: &DisplayEnv) -> Result<DisplayBackend, BackendError> {
    match (request, env.wayland, env.x11) {
        (BackendRequest::Auto, true, _) | (BackendRequest::Wayland, true, _) => Ok(DisplayBackend::Wayland),
        (BackendRequest::Auto, false, true) | (BackendRequest::X11, _, true) => Ok(DisplayBackend::X11),
        (BackendRequest::Auto, false, false) => Err(BackendError::NoDisplay),
        (BackendRequest::Wayland, false, _) => Err(BackendError::NoWayland),
        (BackendRequest::X11, _, false) => Err(BackendError::NoX11),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(wayland: bool, x11: bool) -> DisplayEnv {
        DisplayEnv { wayland, x11 }
    }

    #[test]
    fn auto_prefers_wayland_and_falls_back_to_x11() {
        assert_eq!(choose(BackendRequest::Auto, &env(true, true)), Ok(DisplayBackend::Wayland));
        assert_eq!(choose(BackendRequest::Auto, &env(false, true)), Ok(DisplayBackend::X11));
        assert_eq!(choose(BackendRequest::Auto, &env(false, false)), Err(BackendError::NoDisplay));
    }

    #[test]
    fn a_forced_backend_needs_its_own_display() {
        assert_eq!(choose(BackendRequest::X11, &env(true, true)), Ok(DisplayBackend::X11));
        assert_eq!(choose(BackendRequest::X11, &env(true, false)), Err(BackendError::NoX11));
        assert_eq!(choose(BackendRequest::Wayland, &env(true, false)), Ok(DisplayBackend::Wayland));
        assert_eq!(choose(BackendRequest::Wayland, &env(false, true)), Err(BackendError::NoWayland));
    }

    #[test]
    fn x11_hides_the_wayland_variables_and_wayland_hides_nothing() {
        assert_eq!(variables_to_hide(DisplayBackend::X11), ["WAYLAND_DISPLAY", "WAYLAND_SOCKET"]);
        assert!(variables_to_hide(DisplayBackend::Wayland).is_empty());
    }
}
