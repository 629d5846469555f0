//! The post-event report: reads one or many kiosks' interaction logs (read-only), merges them (each event
//! counted once, by UUID), computes the statistics organizers publish, and writes them as XLSX, CSV, HTML
//! and JSON. No Bevy in here.
//!
//! Privacy: every number computed from visitor sessions is withheld (shown as "<3") when fewer than
//! [`MIN_SESSIONS`] distinct sessions contribute to it; zero stays zero. Operations numbers (uptime,
//! errors) describe the kiosk, not visitors, and are shown as they are.

mod aggregate;
mod csv;
mod html;
mod json;
mod model;
mod source;
mod tables;
mod xlsx;

pub use aggregate::{Context, aggregate};
pub use model::*;
pub use source::{Loaded, Period, read_logs};
pub use tables::{Cell, Column, ColumnKind, FluentLabels, Labels, Section, Table};

use std::path::{Path, PathBuf};

/// Fewest distinct visitor sessions behind a published number.
pub const MIN_SESSIONS: usize = 3;

/// Version of the JSON layout.
pub const JSON_SCHEMA_VERSION: u32 = 1;

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A kiosk log could not be read (with `skip_bad`: none of them could).
    #[error("{path}: {reason}")]
    Input {
        /// The file as given (`every --db file` when none could be read).
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// No log file was given.
    #[error("no interaction log given (--db FILE)")]
    NoInput,
    /// A report file, or the folder for them, could not be written.
    #[error("{path}: cannot write: {reason}")]
    Output {
        /// The file or folder.
        path: String,
        /// The I/O (or JSON serialization) error.
        reason: String,
    },
}

/// A file format the report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `report.xlsx`: one worksheet per section, each table an Excel table, with native charts.
    Xlsx,
    /// One `<table id>.csv` per table, UTF-8 with a byte-order mark and CRLF line ends.
    Csv,
    /// `report.html`: one self-contained page (inline CSS and SVG charts), printable on A4.
    Html,
    /// `report.json`: the [`Report`] as JSON, withheld numbers as the string `"<3"`.
    Json,
}

impl Format {
    /// Every format; `export` writes them all.
    pub const ALL: [Format; 4] = [Format::Xlsx, Format::Csv, Format::Html, Format::Json];

    /// Parses a comma-separated list such as `xlsx,csv` (any case, repeats dropped); an unknown
    /// format or an empty list is an error.
    pub fn parse_list(s: &str) -> Result<Vec<Format>, String> {
        let mut out = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let f = match part.to_ascii_lowercase().as_str() {
                "xlsx" => Format::Xlsx,
                "csv" => Format::Csv,
                "html" => Format::Html,
                "json" => Format::Json,
                other => return Err(format!("unknown report format {other:?} (xlsx, csv, html, json)")),
            };
            if !out.contains(&f) {
                out.push(f);
            }
        }
        if out.is_empty() {
            return Err("no report format given (xlsx, csv, html, json)".into());
        }
        Ok(out)
    }
}

/// Time spent in each step, for the benchmark.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// Opening and reading every log file (one thread per file).
    pub open_and_read: std::time::Duration,
    /// Dropping events already seen in another file and sorting the rest by kiosk and time.
    pub merge: std::time::Duration,
    /// Computing the numbers from the merged events.
    pub aggregate: std::time::Duration,
    /// Writing each format, in the order written.
    pub write: Vec<(Format, std::time::Duration)>,
}

/// Writes the report in each format into `out_dir` (created if needed); returns the files written.
/// Files are written under a temporary name and renamed, so a failed run leaves no half-written report.
pub fn write(
    report: &Report,
    labels: &dyn tables::Labels,
    out_dir: &Path,
    formats: &[Format],
    timings: Option<&mut Timings>,
) -> Result<Vec<PathBuf>, ReportError> {
    let out_err = |p: &Path, e: &dyn std::fmt::Display| ReportError::Output {
        path: p.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(out_dir).map_err(|e| out_err(out_dir, &e))?;
    let sections = tables::sections(report, labels);
    let mut written = Vec::new();
    let mut times = Vec::new();
    for f in formats {
        let t = std::time::Instant::now();
        match f {
            Format::Xlsx => written.push(xlsx::write(&sections, labels, &out_dir.join("report.xlsx"))?),
            Format::Csv => written.extend(csv::write(&sections, out_dir)?),
            Format::Html => written.push(html::write(report, &sections, labels, &out_dir.join("report.html"))?),
            Format::Json => written.push(json::write(report, &out_dir.join("report.json"))?),
        }
        times.push((*f, t.elapsed()));
    }
    if let Some(t) = timings {
        t.write = times;
    }
    Ok(written)
}

/// What one report is made of and where it goes.
pub struct Options<'a> {
    /// The booth the logs come from (its municipalities, programs, questions and time zone).
    pub booth: &'a crate::booth::Booth,
    /// Headers and labels.
    pub strings: &'a crate::i18n::Localizer,
    /// The language of headers and labels.
    pub lang: crate::lang::Lang,
    /// Kiosk log files (one per kiosk, or copies of them).
    pub logs: &'a [PathBuf],
    /// Booth days to include.
    pub period: Period,
    /// Folder for the report files.
    pub out_dir: &'a Path,
    /// The formats to write.
    pub formats: &'a [Format],
    /// Report from the readable files when some cannot be read.
    pub skip_bad: bool,
}

/// What [`run`] read and wrote.
#[derive(Debug)]
pub struct Outcome {
    /// Number of log files read.
    pub files_read: usize,
    /// Events in the period, each counted once.
    pub events: usize,
    /// Events found in more than one file.
    pub duplicates: u64,
    /// Files left out (with `skip_bad`), and why.
    pub skipped: Vec<(PathBuf, String)>,
    /// The booth's time zone, as the report states it.
    pub zone: String,
    /// The files written.
    pub written: Vec<PathBuf>,
    /// Time spent in each step.
    pub timings: Timings,
}

/// Reads the logs, merges and aggregates them, and writes the report: the one pipeline behind both the
/// `report` and the `export` commands.
pub fn run(o: &Options) -> Result<Outcome, ReportError> {
    let clock = crate::clock::LocalClock { utc_offset_minutes: o.booth.settings.event.utc_offset_minutes };
    let mut timings = Timings::default();
    let loaded = read_logs(o.logs, o.period, clock, o.skip_bad, Some(&mut timings))?;
    let t = std::time::Instant::now();
    let data = aggregate(&loaded, &Context::from_booth(o.booth, o.period));
    timings.aggregate = t.elapsed();
    let labels = FluentLabels { strings: o.strings, lang: o.lang };
    let written = write(&data, &labels, o.out_dir, o.formats, Some(&mut timings))?;
    Ok(Outcome {
        files_read: loaded.files.len(),
        events: loaded.rows.len(),
        duplicates: loaded.duplicates,
        skipped: loaded.skipped,
        zone: clock.zone_name(),
        written,
        timings,
    })
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<PathBuf, ReportError> {
    let tmp = path.with_extension(format!("{}.part", path.extension().and_then(|e| e.to_str()).unwrap_or("")));
    let err = |e: std::io::Error| ReportError::Output { path: path.display().to_string(), reason: e.to_string() };
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)?;
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests;
