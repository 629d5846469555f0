//! The staff panel's counters for the current booth day, kept as running totals: their memory stays
//! the same however long the kiosk runs (the log on disk has every event; this is only the live view).

use std::collections::BTreeMap;

use super::Event;
use crate::clock::LocalClock;

/// What the staff panel shows for one booth day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayCounts {
    /// Visits begun (`session_start` events).
    pub sessions: usize,
    /// Quiz rounds started.
    pub quiz_started: usize,
    /// Quiz rounds finished.
    pub quiz_completed: usize,
    /// Take-home QR codes shown, of every kind.
    pub qr_shown: usize,
    /// Selections per municipality code (at most one entry per municipality).
    pub selects: BTreeMap<String, usize>,
}

impl DayCounts {
    /// The `n` most selected municipalities, most first, ties by code.
    pub fn top_selected(&self, n: usize) -> Vec<(String, usize)> {
        let mut top: Vec<(String, usize)> = self.selects.iter().map(|(c, k)| (c.clone(), *k)).collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(n);
        top
    }
}

/// Running counts of the booth day of the last event counted.
#[derive(Debug, Clone, Default)]
pub struct DayCounters {
    day: Option<i64>,
    counts: DayCounts,
}

/// The booth day (days since 1970-01-01 in booth time) of a UTC time.
fn booth_day(utc_ms: i64, utc_offset_minutes: i32) -> i64 {
    LocalClock { utc_offset_minutes }.day(utc_ms)
}

impl DayCounters {
    /// Counts `event`, logged at `utc_ms`. An event on another booth day than the one being counted
    /// (midnight passed, or staff corrected the clock) starts the counts over.
    pub fn add(&mut self, event: &Event, utc_ms: i64, utc_offset_minutes: i32) {
        let day = booth_day(utc_ms, utc_offset_minutes);
        if self.day != Some(day) {
            self.day = Some(day);
            self.counts = DayCounts::default();
        }
        let c = &mut self.counts;
        match event {
            Event::SessionStart => c.sessions += 1,
            Event::QuizStart => c.quiz_started += 1,
            Event::QuizComplete { .. } => c.quiz_completed += 1,
            Event::QrShown { .. } => c.qr_shown += 1,
            Event::MunicipalitySelect { code, .. } => *c.selects.entry(code.clone()).or_default() += 1,
            _ => {}
        }
    }

    /// The counts of the booth day that `utc_ms` falls on: empty when nothing was counted that day.
    pub fn on(&self, utc_ms: i64, utc_offset_minutes: i32) -> DayCounts {
        if self.day == Some(booth_day(utc_ms, utc_offset_minutes)) { self.counts.clone() } else { DayCounts::default() }
    }
}
