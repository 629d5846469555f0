//! Booth content: the municipalities, their programs, the project's own texts and the showcase schedule,
//! each loaded and validated from its file in `booth_config/`. No Bevy in here. The whole booth, these
//! together with the quiz and the map, is [`crate::booth::Booth`].

pub mod municipalities;
pub mod programs;
pub mod project;
pub mod settings;
pub mod showcase;

pub use municipalities::{Fact, Kind, Municipalities, Municipality, Region};
pub use programs::{Program, ProgramDate, SourceRef, Theme};
pub use project::Project;
pub use settings::{BoothSettings, IdleTimings, ScreenSize};
