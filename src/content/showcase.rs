//! `showcase.toml`: which municipality the booth features when. Times are local booth time.

use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

use super::municipalities::Municipalities;
use crate::clock::days_from_civil;
use crate::diagnostics::{Diagnostics, SourceFile};

/// The file's name inside the booth_config directory; the file may be left out.
pub const FILE: &str = "showcase.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShowcaseFile {
    #[serde(default)]
    slot: Vec<Entry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    start: Spanned<toml::value::Datetime>,
    end: Spanned<toml::value::Datetime>,
    municipality: Spanned<String>,
}

/// A time slot: from `start` (inclusive) to `end` (exclusive), in minutes since 1970-01-01 00:00 local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// First minute of the slot (inclusive).
    pub start: i64,
    /// Minute the slot ends (exclusive); after `start`.
    pub end: i64,
    /// Five-digit code of the featured municipality, defined in municipalities.toml.
    pub municipality: String,
}

/// The showcase rota from showcase.toml; empty when the file is absent (staff then choose).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    /// The slots, sorted by start and never overlapping.
    pub slots: Vec<Slot>,
}

impl Schedule {
    /// The slot running at `minute` (local minutes since 1970).
    pub fn slot_at(&self, minute: i64) -> Option<&Slot> {
        self.slots.iter().find(|s| s.start <= minute && minute < s.end)
    }
    /// The next slot boundary after `minute`, if any.
    pub fn next_boundary(&self, minute: i64) -> Option<i64> {
        self.slots.iter().flat_map(|s| [s.start, s.end]).filter(|b| *b > minute).min()
    }
}

fn local_minutes(dt: &toml::value::Datetime) -> Option<i64> {
    let (Some(date), Some(time), None) = (dt.date, dt.time, dt.offset) else { return None };
    if !(1..=12).contains(&date.month) || !(1..=31).contains(&date.day) || time.hour > 23 || time.minute > 59 {
        return None;
    }
    Some(
        days_from_civil(i64::from(date.year), i64::from(date.month), i64::from(date.day)) * 1440
            + i64::from(time.hour) * 60
            + i64::from(time.minute),
    )
}

/// Loads the schedule. A missing file means no schedule (the showcase is then chosen by staff only).
pub fn load(config_dir: &Path, municipalities: Option<&Municipalities>) -> Result<Schedule, Diagnostics> {
    let path = config_dir.join(FILE);
    if !path.exists() {
        return Ok(Schedule::default());
    }
    let src = SourceFile::read(&path).map_err(|d| Diagnostics(vec![d]))?;
    let file: ShowcaseFile = src.parse_toml().map_err(|d| Diagnostics(vec![d]))?;
    let mut out = Diagnostics::default();
    let mut slots: Vec<(Slot, std::ops::Range<usize>)> = Vec::new();
    for e in file.slot {
        let start = local_minutes(e.start.get_ref());
        let end = local_minutes(e.end.get_ref());
        for (v, span) in [(start, e.start.span()), (end, e.end.span())] {
            if v.is_none() {
                out.push(
                    src.at(span, "expected a local date and time like 2013-12-12T10:00:00 (booth time, no offset)"),
                );
            }
        }
        if let Some(all) = municipalities
            && all.get(e.municipality.get_ref()).is_none()
        {
            out.push(src.at(
                e.municipality.span(),
                format!("municipality \"{}\" is not defined in municipalities.toml", e.municipality.get_ref()),
            ));
        }
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                out.push(src.at(e.end.span(), "a slot must end after it starts"));
                continue;
            }
            if let Some((other, _)) = slots.iter().find(|(s, _)| s.start < end && start < s.end) {
                out.push(src.at(e.start.span(), format!("this slot overlaps the slot of {}", other.municipality)));
            }
            slots.push((Slot { start, end, municipality: e.municipality.into_inner() }, e.start.span()));
        }
    }
    if !out.is_empty() {
        return Err(out);
    }
    let mut slots: Vec<Slot> = slots.into_iter().map(|(s, _)| s).collect();
    slots.sort_by_key(|s| s.start);
    Ok(Schedule { slots })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_and_boundaries() {
        let s = Schedule {
            slots: vec![
                Slot { start: 600, end: 660, municipality: "13101".into() },
                Slot { start: 660, end: 720, municipality: "13102".into() },
            ],
        };
        assert_eq!(s.slot_at(599), None);
        assert_eq!(s.slot_at(600).map(|x| x.municipality.as_str()), Some("13101"));
        assert_eq!(s.slot_at(660).map(|x| x.municipality.as_str()), Some("13102"));
        assert_eq!(s.slot_at(720), None);
        assert_eq!(s.next_boundary(630), Some(660));
        assert_eq!(s.next_boundary(720), None);
    }
}
