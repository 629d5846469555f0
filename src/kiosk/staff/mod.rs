//! Staff: the long hold on the top-left corner that opens the PIN pad, the showcased municipality (the
//! schedule, or a staff choice until the next slot boundary), and the booth's clock they both read.

mod booth_clock;
mod pin_hold;
mod showcase;

use bevy::prelude::*;

pub use booth_clock::BoothClock;
pub use pin_hold::{CORNER_MM, HOLD, PinEntry, StaffLock};
pub use showcase::{ChooseShowcase, Showcase};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BoothClock>().add_plugins((pin_hold::plugin, showcase::plugin));
}
