//! Time as the booth knows it: now in UTC milliseconds, the calendar date (the one date type of the
//! project, for booth files, the log and the report) and booth-local dates, hours and minutes from UTC
//! milliseconds (a fixed offset: booths don't span a DST change).

use serde::{Deserialize, Deserializer};

/// Milliseconds since 1970-01-01 UTC by the system clock (0 if the clock is before 1970).
pub fn now_utc_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A calendar date (no time, no zone), written in TOML and on the command line as `2013-12-12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDate {
    /// Full year, e.g. 2013.
    pub year: i32,
    /// Month of the year, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl LocalDate {
    /// The date `year-month-day` (not checked; see [`parse`](Self::parse)).
    pub fn new(year: i32, month: u8, day: u8) -> LocalDate {
        LocalDate { year, month, day }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(i64::from(self.year), i64::from(self.month), i64::from(self.day))
    }

    /// The date `z` days after 1970-01-01.
    pub fn from_days(z: i64) -> LocalDate {
        // Inverse of `days_from_civil` (proleptic Gregorian calendar, 400-year eras).
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        LocalDate { year, month, day }
    }

    /// `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<LocalDate> {
        let mut it = s.trim().split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = LocalDate { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        // Rejects 2013-02-30 and the like.
        (LocalDate::from_days(date.days()) == date).then_some(date)
    }
}

impl std::fmt::Display for LocalDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for LocalDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let dt = toml::value::Datetime::deserialize(d)?;
        match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Ok(LocalDate::new(i32::from(date.year), date.month, date.day)),
            _ => Err(serde::de::Error::custom(format!("expected a date like 2013-12-12, found {dt}"))),
        }
    }
}

const DAY_MS: i64 = 86_400_000;

/// The booth's local time: UTC shifted by a fixed offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalClock {
    /// Minutes east of UTC (540 in Tokyo).
    pub utc_offset_minutes: i32,
}

impl LocalClock {
    fn local_ms(self, utc_ms: i64) -> i64 {
        utc_ms + i64::from(self.utc_offset_minutes) * 60_000
    }

    /// The booth day of an instant, as days since 1970-01-01 in booth time.
    pub fn day(self, utc_ms: i64) -> i64 {
        self.local_ms(utc_ms).div_euclid(DAY_MS)
    }

    /// The booth day of an instant, as a date.
    pub fn date(self, utc_ms: i64) -> LocalDate {
        LocalDate::from_days(self.day(utc_ms))
    }

    /// The local hour (0–23) of an instant.
    pub fn hour(self, utc_ms: i64) -> u8 {
        (self.local_ms(utc_ms).rem_euclid(DAY_MS) / 3_600_000) as u8
    }

    /// Local minutes since 1970-01-01 00:00 (the unit of the showcase schedule).
    pub fn minute(self, utc_ms: i64) -> i64 {
        self.local_ms(utc_ms).div_euclid(60_000)
    }

    /// UTC milliseconds of local midnight at the start of `date`.
    pub fn start_of(self, date: LocalDate) -> i64 {
        date.days() * DAY_MS - i64::from(self.utc_offset_minutes) * 60_000
    }

    /// `2013-12-12 10:05` in local time.
    pub fn timestamp(self, utc_ms: i64) -> String {
        let m = self.local_ms(utc_ms).rem_euclid(DAY_MS) / 60_000;
        format!("{} {:02}:{:02}", self.date(utc_ms), m / 60, m % 60)
    }

    /// `UTC+09:00`.
    pub fn zone_name(self) -> String {
        let m = self.utc_offset_minutes;
        let sign = if m < 0 { '-' } else { '+' };
        format!("UTC{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_midnight_is_local() {
        for z in [-800_000, -1, 0, 1, 16_051, 20_000, 2_932_896] {
            assert_eq!(LocalDate::from_days(z).days(), z);
        }
        let jst = LocalClock { utc_offset_minutes: 540 };
        let d = LocalDate::parse("2013-12-12").unwrap();
        let midnight = jst.start_of(d);
        // 2013-12-11 15:00 UTC is midnight in Tokyo.
        assert_eq!(midnight, days_from_civil(2013, 12, 11) * DAY_MS + 15 * 3_600_000);
        assert_eq!(jst.date(midnight), d);
        assert_eq!(jst.date(midnight - 1).to_string(), "2013-12-11");
        assert_eq!(jst.hour(midnight + 10 * 3_600_000 + 59 * 60_000), 10);
        assert_eq!(jst.timestamp(midnight + 10 * 3_600_000 + 5 * 60_000), "2013-12-12 10:05");
        assert_eq!(jst.zone_name(), "UTC+09:00");
        assert_eq!(LocalClock { utc_offset_minutes: -210 }.zone_name(), "UTC-03:30");
    }

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2013, 12, 12), 16_051);
    }

    #[test]
    fn local_minutes_follow_the_offset() {
        let jst = LocalClock { utc_offset_minutes: 540 };
        assert_eq!(jst.minute(0), 540);
        assert_eq!(jst.minute(-60_001), 538);
        assert!(now_utc_ms() > days_from_civil(2024, 1, 1) * DAY_MS);
    }

    #[test]
    fn parse_rejects_impossible_dates() {
        assert_eq!(LocalDate::parse("2016-02-29").map(|d| d.day), Some(29));
        for bad in ["2013-02-30", "2013-13-01", "13-12-12", "2013/12/12", "2013-12-12-1", "", "2013-1-01"] {
            assert_eq!(LocalDate::parse(bad), None, "{bad}");
        }
    }
}
