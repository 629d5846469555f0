//! The interaction log: a closed set of event kinds (no free text, no visitor identifiers), stored in one
//! SQLite file per kiosk by a writer thread so the frame never waits for the disk. No Bevy in here.

mod counters;
mod disk;
mod event;
mod store;
mod writer;

pub use counters::{DayCounters, DayCounts};
pub use disk::free_space_mb;
pub use event::{
    Aid, ErrorKind, Event, EventKind, QrKind, QrTarget, Record, SCHEMA_VERSION, ScreenName, SelectHow,
    SessionEndReason, ShowcaseOrigin, UnknownText,
};
pub use store::{Meta, StoreError, for_each, insert, meta_value, open, open_read_only, read_all, snapshot};
pub use writer::{Health, Notice, Telemetry, WriterConfig};

#[cfg(test)]
mod tests;
