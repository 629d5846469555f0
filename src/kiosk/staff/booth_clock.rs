//! The booth's clock: the system clock, moved by an offset (tests cross slot boundaries with it).

use bevy::prelude::*;

/// The booth's clock: the system clock, moved by `offset_ms` (tests cross slot boundaries with it).
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct BoothClock {
    /// Milliseconds added to the system clock (0 at the booth).
    pub offset_ms: i64,
}

impl BoothClock {
    /// Booth time now, in UTC milliseconds since 1970, the offset included.
    pub fn utc_ms(&self) -> i64 {
        let now = crate::clock::now_utc_ms();
        now + self.offset_ms
    }
    /// Minutes since 1970-01-01 00:00 in booth time.
    pub fn local_minute(&self, utc_offset_minutes: i32) -> i64 {
        crate::clock::LocalClock { utc_offset_minutes }.minute(self.utc_ms())
    }
}
