//! One file per screen. Each spawns its UI on entering its state, under a root that is despawned on exit.

pub mod about;
pub mod attract;
pub mod config_error;
pub mod map;
pub mod municipality;
pub mod program;
pub mod quiz;
pub mod staff_panel;
pub mod staff_pin;
pub mod take_home;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        attract::plugin,
        map::plugin,
        municipality::plugin,
        take_home::plugin,
        program::plugin,
        about::plugin,
        config_error::plugin,
        quiz::plugin,
        staff_pin::plugin,
        staff_panel::plugin,
        super::widgets::plugin,
    ));
}
