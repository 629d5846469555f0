//! `programs.toml`: environmental programs. A program without `municipality` is a joint program of all 62;
//! a program with one is that municipality's own, with the year it refers to, a theme, its source and URL.

use serde::Deserialize;
use std::fmt;
use std::path::Path;
use toml::Spanned;

use super::municipalities::Municipalities;
use crate::clock::LocalDate;
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::ids::UniqueIds;
use crate::localized::LocalizedText;
use crate::urls::check_https;

/// The file's name inside the booth_config directory.
pub const FILE: &str = "programs.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramsFile {
    #[serde(default)]
    program: Vec<Entry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: Spanned<String>,
    municipality: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    theme: Option<Spanned<String>>,
    year: Option<Spanned<String>>,
    source: Spanned<SourceRef>,
    url: Option<Spanned<String>>,
    title: LocalizedText,
    summary: LocalizedText,
}

/// Tags a joint program may carry (they group programs and quiz questions).
pub const TAGS: [&str; 6] = ["project", "energy", "greenery", "waste", "climate", "learning"];

/// What a municipality's own program is about (one theme each; the map can light up one theme).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Theme {
    /// Renewable energy and energy saving (`energy`).
    Energy,
    /// Trees, forests and green spaces (`greenery`).
    Greenery,
    /// Waste, recycling and clean-ups (`waste`).
    Waste,
    /// Water, e.g. rainwater tanks and waterside parks (`water`).
    Water,
    /// Wildlife and its habitats (`biodiversity`), shown as "Wildlife".
    Biodiversity,
    /// A climate-emergency declaration or zero-carbon pledge (`declaration`), shown as "Climate pledge".
    Declaration,
    /// Environmental learning and events (`learning`).
    Learning,
    /// Transport and getting around (`mobility`).
    Mobility,
}

impl Theme {
    /// Every theme, in the order of the map's theme buttons.
    pub const ALL: [Theme; 8] = [
        Theme::Energy,
        Theme::Greenery,
        Theme::Waste,
        Theme::Water,
        Theme::Biodiversity,
        Theme::Declaration,
        Theme::Learning,
        Theme::Mobility,
    ];

    /// The name written in booth files.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Energy => "energy",
            Theme::Greenery => "greenery",
            Theme::Waste => "waste",
            Theme::Water => "water",
            Theme::Biodiversity => "biodiversity",
            Theme::Declaration => "declaration",
            Theme::Learning => "learning",
            Theme::Mobility => "mobility",
        }
    }

    /// The Fluent key naming this theme on screen.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Energy => "theme-energy",
            Theme::Greenery => "theme-greenery",
            Theme::Waste => "theme-waste",
            Theme::Water => "theme-water",
            Theme::Biodiversity => "theme-biodiversity",
            Theme::Declaration => "theme-declaration",
            Theme::Learning => "theme-learning",
            Theme::Mobility => "theme-mobility",
        }
    }

    /// The theme whose booth-file name is `s`, or `None` for an unknown name.
    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The time a program's facts refer to, as precise as its source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProgramDate {
    /// A Japanese fiscal year (April to March), written `FY2024`.
    FiscalYear(u16),
    /// A calendar year, written `2024`.
    Year(u16),
    /// A month, written `2024-06`.
    Month(u16, u8),
    /// A day, written `2024-06-06`.
    Day(LocalDate),
}

/// Years a program may refer to (older programs still running count, e.g. a park opened in 1973).
pub const YEARS: std::ops::RangeInclusive<u16> = 1950..=2035;

impl ProgramDate {
    /// Parses `FY2024`, `2024`, `2024-06` or `2024-06-06`.
    pub fn parse(s: &str) -> Result<ProgramDate, String> {
        let bad = || format!("year \"{s}\" must be FY2024 (fiscal year), 2024, 2024-06 or 2024-06-06");
        let num = |t: &str, len: usize| -> Result<u16, String> {
            if t.len() == len && t.chars().all(|c| c.is_ascii_digit()) {
                t.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let date = if let Some(y) = s.strip_prefix("FY") {
            ProgramDate::FiscalYear(num(y, 4)?)
        } else {
            let parts: Vec<&str> = s.split('-').collect();
            match parts.as_slice() {
                [y] => ProgramDate::Year(num(y, 4)?),
                [y, m] => ProgramDate::Month(num(y, 4)?, num(m, 2)? as u8),
                [y, m, d] => {
                    ProgramDate::Day(LocalDate::new(i32::from(num(y, 4)?), num(m, 2)? as u8, num(d, 2)? as u8))
                }
                _ => return Err(bad()),
            }
        };
        let (year, month, day) = match date {
            ProgramDate::FiscalYear(y) | ProgramDate::Year(y) => (y, 1, 1),
            ProgramDate::Month(y, m) => (y, m, 1),
            ProgramDate::Day(d) => (u16::try_from(d.year).map_err(|_| bad())?, d.month, d.day),
        };
        if !YEARS.contains(&year) {
            return Err(format!("year {year} is out of range {}..={}", YEARS.start(), YEARS.end()));
        }
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(format!("\"{s}\" is not a date in the calendar"));
        }
        Ok(date)
    }

    /// The (calendar or fiscal) year, for sorting and quiz checks.
    pub fn year(self) -> u16 {
        match self {
            ProgramDate::FiscalYear(y) | ProgramDate::Year(y) | ProgramDate::Month(y, _) => y,
            ProgramDate::Day(d) => u16::try_from(d.year).unwrap_or(0),
        }
    }
}

impl fmt::Display for ProgramDate {
    /// The form written in booth files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgramDate::FiscalYear(y) => write!(f, "FY{y}"),
            ProgramDate::Year(y) => write!(f, "{y}"),
            ProgramDate::Month(y, m) => write!(f, "{y}-{m:02}"),
            ProgramDate::Day(d) => write!(f, "{d}"),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Where a program's facts come from: who publishes the page, and the page's own title.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Who publishes the source page, e.g. a municipality or the joint project.
    pub publisher: String,
    /// The source page's own title, as the page gives it.
    pub title: String,
}

/// A validated `[[program]]` of programs.toml: a joint program or one municipality's own.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// Unique id within programs.toml (e.g. "13101-cleanup-days"); names the program in telemetry.
    pub id: String,
    /// `None` for a joint program that every municipality takes part in.
    pub municipality: Option<String>,
    /// Tags from [`TAGS`], grouping programs and quiz questions by topic.
    pub tags: Vec<String>,
    /// Required for a municipality's own program.
    pub theme: Option<Theme>,
    /// Required for a municipality's own program.
    pub year: Option<ProgramDate>,
    /// Where the program's facts come from.
    pub source: SourceRef,
    /// The source's https page as written; required for a municipality's own program. Its take-home
    /// QR code is built by `Booth::program_link`.
    pub url: Option<String>,
    /// The program's name in each language.
    pub title: LocalizedText,
    /// A short description in each language, in the booth's own words.
    pub summary: LocalizedText,
}

impl Program {
    /// Whether the program is shown for municipality `code`: its own program, or a joint one.
    pub fn applies_to(&self, code: &str) -> bool {
        self.municipality.as_deref().is_none_or(|m| m == code)
    }

    /// A program of one municipality (not a joint one).
    pub fn is_own(&self) -> bool {
        self.municipality.is_some()
    }
}

/// Loads and validates programs.toml, reporting every problem; with `municipalities`, each program's
/// municipality code must be defined there.
pub fn load(config_dir: &Path, municipalities: Option<&Municipalities>) -> Result<Vec<Program>, Diagnostics> {
    let src = SourceFile::read(&config_dir.join(FILE)).map_err(|d| Diagnostics(vec![d]))?;
    let file: ProgramsFile = src.parse_toml().map_err(|d| Diagnostics(vec![d]))?;
    let mut out = Diagnostics::default();
    let mut ids = UniqueIds::new("program id");
    let mut programs = Vec::new();
    for e in file.program {
        ids.check(&src, &e.id, &mut out);
        let id = e.id.get_ref();
        if let (Some(m), Some(all)) = (&e.municipality, municipalities)
            && all.get(m.get_ref()).is_none()
        {
            out.push(
                src.at(m.span(), format!("municipality \"{}\" is not defined in municipalities.toml", m.get_ref())),
            );
        }
        for t in &e.tags {
            if !TAGS.contains(&t.get_ref().as_str()) {
                out.push(
                    src.at(t.span(), format!("unknown tag \"{}\" (expected one of {})", t.get_ref(), TAGS.join(", "))),
                );
            }
        }
        let theme = e.theme.as_ref().and_then(|t| {
            let parsed = Theme::parse(t.get_ref());
            if parsed.is_none() {
                let all: Vec<&str> = Theme::ALL.iter().map(|t| t.as_str()).collect();
                out.push(
                    src.at(t.span(), format!("unknown theme \"{}\" (expected one of {})", t.get_ref(), all.join(", "))),
                );
            }
            parsed
        });
        let year = e.year.as_ref().and_then(|y| match ProgramDate::parse(y.get_ref()) {
            Ok(d) => Some(d),
            Err(msg) => {
                out.push(src.at(y.span(), msg));
                None
            }
        });
        let source = e.source.get_ref();
        if source.publisher.trim().is_empty() || source.title.trim().is_empty() {
            out.push(
                src.at(e.source.span(), "source needs the publisher and the page title the program's facts come from"),
            );
        }
        if let Some(url) = &e.url
            && let Err(msg) = check_https(url.get_ref())
        {
            out.push(src.at(url.span(), format!("url: {msg}")));
        }
        if e.municipality.is_some() {
            let at = e.id.span();
            if e.theme.is_none() {
                out.push(src.at(at.clone(), format!("program \"{id}\" of a municipality needs a theme")));
            }
            if e.year.is_none() {
                out.push(src.at(
                    at.clone(),
                    format!("program \"{id}\" of a municipality needs a year (the fiscal year or date it refers to)"),
                ));
            }
            if e.url.is_none() {
                out.push(src.at(at, format!("program \"{id}\" of a municipality needs the https url of its source")));
            }
        }
        programs.push(Program {
            id: id.clone(),
            municipality: e.municipality.map(Spanned::into_inner),
            tags: e.tags.into_iter().map(Spanned::into_inner).collect(),
            theme,
            year,
            source: e.source.into_inner(),
            url: e.url.map(Spanned::into_inner),
            title: e.title,
            summary: e.summary,
        });
    }
    if out.is_empty() { Ok(programs) } else { Err(out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_dates_in_every_written_form() {
        assert_eq!(ProgramDate::parse("FY2024"), Ok(ProgramDate::FiscalYear(2024)));
        assert_eq!(ProgramDate::parse("2021"), Ok(ProgramDate::Year(2021)));
        assert_eq!(ProgramDate::parse("2024-06"), Ok(ProgramDate::Month(2024, 6)));
        assert_eq!(ProgramDate::parse("2024-02-29"), Ok(ProgramDate::Day(LocalDate::new(2024, 2, 29))));
        for d in ["FY2024", "2021", "2024-06", "2024-02-29"] {
            assert_eq!(ProgramDate::parse(d).unwrap().to_string(), d);
        }
    }

    #[test]
    fn program_dates_that_are_refused() {
        for bad in ["", "令和6年度", "FY24", "2024/06", "2024-6", "24-06-01", "2024-06-01-01", "fy2024"] {
            assert!(ProgramDate::parse(bad).unwrap_err().contains("must be FY2024"), "{bad}");
        }
        assert_eq!(ProgramDate::parse("2023-02-29").unwrap_err(), "\"2023-02-29\" is not a date in the calendar");
        assert_eq!(ProgramDate::parse("2024-13").unwrap_err(), "\"2024-13\" is not a date in the calendar");
        assert_eq!(ProgramDate::parse("FY1900").unwrap_err(), "year 1900 is out of range 1950..=2035");
    }

    #[test]
    fn themes_round_trip_through_their_names() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.as_str()), Some(t));
            assert_eq!(t.key(), format!("theme-{}", t.as_str()));
        }
        assert_eq!(Theme::parse("climate"), None);
    }
}
