//! Reading kiosk logs: each file opened read-only (a kiosk may still be writing it), read in parallel,
//! filtered to the period, and merged so an event found in two files counts once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{ReportError, Timings};
use crate::clock::{LocalClock, LocalDate};
use crate::telemetry::{self, Event};

/// Local dates to include, both ends inclusive.
#[derive(Debug, Clone, Copy, Default)]
pub struct Period {
    /// First day included; `None`: from the earliest event.
    pub from: Option<LocalDate>,
    /// Last day included; `None`: to the latest event.
    pub to: Option<LocalDate>,
}

impl Period {
    /// The UTC millisecond range `[start, end)` of the period.
    fn bounds(self, clock: LocalClock) -> (i64, i64) {
        let start = self.from.map_or(i64::MIN, |d| clock.start_of(d));
        let end = self.to.map_or(i64::MAX, |d| clock.start_of(LocalDate::from_days(d.days() + 1)));
        (start, end)
    }
}

/// One event as the report sees it.
#[derive(Debug, Clone)]
pub struct Row {
    pub uuid: u128,
    /// Index into [`Loaded::kiosks`].
    pub kiosk: usize,
    pub session: Option<u128>,
    pub utc_ms: i64,
    pub mono_ms: i64,
    pub event: Event,
}

/// What one file held.
#[derive(Debug, Clone)]
pub struct FileSummary {
    pub path: PathBuf,
    pub kiosk_id: String,
    pub schema_version: i64,
    pub app_version: Option<String>,
    /// Events in the file (before the period filter).
    pub events: usize,
}

/// Everything read, merged.
#[derive(Debug, Default)]
pub struct Loaded {
    /// What each file read held, in the order given.
    pub files: Vec<FileSummary>,
    /// Files left out with `--skip-bad`, and why.
    pub skipped: Vec<(PathBuf, String)>,
    /// Distinct kiosk ids, in order of first appearance.
    pub kiosks: Vec<String>,
    /// Events in the period, each once, ordered by kiosk, then time.
    pub rows: Vec<Row>,
    /// Events in the period found in more than one file (counted once).
    pub duplicates: u64,
}

/// The 128 bits of a UUID; anything else (a hand-edited file) gets a stable hash so it still counts once.
fn id_bits(s: &str) -> u128 {
    uuid::Uuid::parse_str(s).map(|u| u.as_u128()).unwrap_or_else(|_| {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        s.hash(&mut h);
        u128::from(h.finish()) | (1 << 127)
    })
}

/// Hashes 128-bit ids (random or time-ordered UUIDs) by folding them: much cheaper than SipHash, and the
/// ids are not chosen by an adversary.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u128(&mut self, n: u128) {
        self.0 = ((n as u64) ^ ((n >> 64) as u64)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type IdSet = HashSet<u128, std::hash::BuildHasherDefault<IdHasher>>;

/// Reads one file in the period; rows get kiosk 0 until the merge numbers the kiosks.
fn read_one(path: &Path, range: (i64, i64)) -> Result<(FileSummary, Vec<Row>), String> {
    if path.is_dir() {
        return Err("is a folder, not a kiosk log file".into());
    }
    if !path.exists() {
        return Err("no such file".into());
    }
    let conn = telemetry::open_read_only(path).map_err(|e| e.to_string())?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(|e| e.to_string())?;
    let version: i64 =
        conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| format!("not a kiosk log ({e})"))?;
    if version < 1 {
        return Err("not a kiosk log (no midori-kiosk schema version)".into());
    }
    if version > telemetry::SCHEMA_VERSION {
        return Err(format!(
            "schema version {version} is newer than this program understands ({}); use a newer midori-kiosk",
            telemetry::SCHEMA_VERSION
        ));
    }
    let meta = |k: &str| telemetry::meta_value(&conn, k).map_err(|e| format!("not a kiosk log ({e})"));
    let kiosk_id = meta("kiosk_id")?.ok_or("not a kiosk log (no kiosk_id)")?;
    let app_version = meta("app_version")?;
    let mut rows = Vec::new();
    let mut events = 0;
    telemetry::for_each(&conn, |uuid, session, utc_ms, mono_ms, event| {
        events += 1;
        if utc_ms >= range.0 && utc_ms < range.1 {
            rows.push(Row { uuid: id_bits(uuid), kiosk: 0, session: session.map(id_bits), utc_ms, mono_ms, event });
        }
    })
    .map_err(|e| format!("cannot read events: {e}"))?;
    let summary = FileSummary { path: path.to_path_buf(), kiosk_id, schema_version: version, app_version, events };
    Ok((summary, rows))
}

/// Reads every file. A file that cannot be read stops the report with its name, unless `skip_bad`, in
/// which case it is listed in [`Loaded::skipped`] and the others still report.
pub fn read_logs(
    paths: &[PathBuf],
    period: Period,
    clock: LocalClock,
    skip_bad: bool,
    timings: Option<&mut Timings>,
) -> Result<Loaded, ReportError> {
    if paths.is_empty() {
        return Err(ReportError::NoInput);
    }
    let t0 = Instant::now();
    // One reader per file; SQLite decoding is the expensive part and files are independent.
    let range = period.bounds(clock);
    let results: Vec<Result<(FileSummary, Vec<Row>), String>> = std::thread::scope(|s| {
        let handles: Vec<_> = paths.iter().map(|p| s.spawn(move || read_one(p, range))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err("reader thread failed".into()))).collect()
    });
    let read_time = t0.elapsed();
    let t1 = Instant::now();
    let mut loaded = Loaded::default();
    let total: usize = results.iter().filter_map(|r| r.as_ref().ok()).map(|(_, rows)| rows.len()).sum();
    let mut seen = IdSet::with_capacity_and_hasher(total, Default::default());
    for (path, result) in paths.iter().zip(results) {
        let (summary, rows) = match result {
            Ok(r) => r,
            Err(reason) if skip_bad => {
                loaded.skipped.push((path.clone(), reason));
                continue;
            }
            Err(reason) => return Err(ReportError::Input { path: path.display().to_string(), reason }),
        };
        let kiosk = match loaded.kiosks.iter().position(|k| *k == summary.kiosk_id) {
            Some(i) => i,
            None => {
                loaded.kiosks.push(summary.kiosk_id.clone());
                loaded.kiosks.len() - 1
            }
        };
        loaded.rows.reserve(rows.len());
        for mut row in rows {
            if !seen.insert(row.uuid) {
                loaded.duplicates += 1;
                continue;
            }
            row.kiosk = kiosk;
            loaded.rows.push(row);
        }
        loaded.files.push(summary);
    }
    if loaded.files.is_empty() {
        let reasons: Vec<String> = loaded.skipped.iter().map(|(p, r)| format!("{}: {r}", p.display())).collect();
        return Err(ReportError::Input {
            path: "every --db file".into(),
            reason: format!("none could be read ({})", reasons.join("; ")),
        });
    }
    // Each file is already in time order: the stable sort merges runs.
    loaded.rows.sort_by_key(|r| (r.kiosk, r.utc_ms, r.mono_ms));
    if let Some(t) = timings {
        t.open_and_read = read_time;
        t.merge = t1.elapsed();
    }
    Ok(loaded)
}
