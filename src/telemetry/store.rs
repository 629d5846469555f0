//! The SQLite file: schema, migrations, inserts, and reading events back.

use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

use super::event::{
    Aid, ErrorKind, Event, EventKind, QrKind, QrTarget, Record, SCHEMA_VERSION, ScreenName, SelectHow,
    SessionEndReason, ShowcaseOrigin,
};
use crate::lang::Lang;

/// Why an operation on a log file failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed on the file.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file, as displayed.
        path: String,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The file was written by a newer app: its schema version is above [`SCHEMA_VERSION`].
    #[error("{path}: database schema version {found} is newer than this app understands ({SCHEMA_VERSION})")]
    TooNew {
        /// The database file, as displayed.
        path: String,
        /// The file's schema version (`PRAGMA user_version`).
        found: i64,
    },
    /// The writer thread could not be spawned; holds the system's error.
    #[error("cannot start the log writer thread: {0}")]
    Thread(String),
}

/// Who wrote the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// `[booth] kiosk_id` of booth.toml, e.g. "kiosk-01"; also stored with every event.
    pub kiosk_id: String,
    /// `[booth] id` of booth.toml.
    pub booth_id: String,
    /// Version of the app; the `meta` table keeps that of the last app that opened the file.
    pub app_version: String,
}

/// Layout of version 1: events without the monotonic clock.
const V1: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (
  uuid TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, session_id TEXT, utc_ms INTEGER NOT NULL,
  schema INTEGER NOT NULL, kind TEXT NOT NULL,
  municipality TEXT, program TEXT, target TEXT, question TEXT, choice INTEGER, correct INTEGER,
  millis INTEGER, score INTEGER, out_of INTEGER, at_question INTEGER, reason TEXT, how TEXT,
  lang TEXT, screen TEXT, origin TEXT, uptime_s INTEGER, p50_us INTEGER, p99_us INTEGER, error_kind TEXT
);
CREATE INDEX events_kind ON events(kind);
CREATE INDEX events_time ON events(utc_ms);
";

/// Version 1 → 2: milliseconds since app start, so reports can order events even if the clock jumps.
const V1_TO_V2: &str = "ALTER TABLE events ADD COLUMN mono_ms INTEGER NOT NULL DEFAULT 0;";

/// Version 2 → 3: heartbeats say how many events the run had to drop so far.
const V2_TO_V3: &str = "ALTER TABLE events ADD COLUMN dropped INTEGER;";

/// Opens (creating or migrating) the log at `path`: WAL, full sync (a committed event survives a power
/// cut), and `meta` filled in on creation.
pub fn open(path: &Path, meta: &Meta) -> Result<Connection, StoreError> {
    let p = path.display().to_string();
    let err = |source| StoreError::Sqlite { path: p.clone(), source };
    let conn = Connection::open(path).map_err(err)?;
    conn.busy_timeout(std::time::Duration::from_secs(2)).map_err(err)?;
    conn.pragma_update(None, "journal_mode", "WAL").map_err(err)?;
    conn.pragma_update(None, "synchronous", "FULL").map_err(err)?;
    // 8 MiB of page cache. Event ids are UUIDv7 (time-ordered), so inserts touch only the right edge of
    // the table and its id index and a small cache is as fast as a large one; a large one would only fill
    // up with pages already written (a 64 MiB cache made the kiosk's memory creep for days).
    conn.pragma_update(None, "cache_size", -8_192).map_err(err)?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(err)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: p, found: version });
    }
    if version < 1 {
        conn.execute_batch(V1).map_err(err)?;
        let now = crate::clock::now_utc_ms();
        for (k, v) in [
            ("kiosk_id", meta.kiosk_id.clone()),
            ("booth_id", meta.booth_id.clone()),
            ("app_version", meta.app_version.clone()),
            ("created_utc_ms", now.to_string()),
        ] {
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", params![k, v]).map_err(err)?;
        }
        conn.pragma_update(None, "user_version", 1).map_err(err)?;
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(err)?;
    if version < 2 {
        conn.execute_batch(&format!("BEGIN; {V1_TO_V2} PRAGMA user_version = 2; COMMIT;")).map_err(err)?;
    }
    if version < 3 {
        conn.execute_batch(&format!("BEGIN; {V2_TO_V3} PRAGMA user_version = 3; COMMIT;")).map_err(err)?;
    }
    // The app version that last wrote the file.
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('app_version', ?1)", params![meta.app_version])
        .map_err(err)?;
    Ok(conn)
}

/// Opens a log for reading only. A log on read-only media (a write-protected USB stick, a filesystem
/// remounted read-only) cannot get the shared-memory file SQLite's WAL mode wants; then it is opened as
/// immutable, which is right for a file nobody is writing.
pub fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    use rusqlite::OpenFlags;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    match conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)) {
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::CannotOpen => {
            drop(conn);
            let uri = format!(
                "file:{}?immutable=1",
                path.to_string_lossy().replace('%', "%25").replace('?', "%3f").replace('#', "%23")
            );
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
        }
        _ => Ok(conn),
    }
}

/// Writes a consistent copy of the log at `src` to `dest` (SQLite's `VACUUM INTO`): safe while a kiosk is
/// writing `src`, which is opened read-only. `dest` must not exist.
pub fn snapshot(src: &Path, dest: &Path) -> Result<(), StoreError> {
    let err = |path: &Path| {
        let p = path.display().to_string();
        move |source| StoreError::Sqlite { path: p, source }
    };
    let conn = open_read_only(src).map_err(err(src))?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(err(src))?;
    conn.execute("VACUUM INTO ?1", params![dest.to_string_lossy()]).map_err(err(dest))?;
    Ok(())
}

/// Reads a value of the `meta` table.
pub fn meta_value(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| r.get(0)).optional()
}

#[derive(Default)]
struct Columns {
    municipality: Option<String>,
    program: Option<String>,
    target: Option<&'static str>,
    question: Option<String>,
    choice: Option<i64>,
    correct: Option<bool>,
    millis: Option<i64>,
    score: Option<i64>,
    out_of: Option<i64>,
    at_question: Option<i64>,
    reason: Option<&'static str>,
    how: Option<&'static str>,
    lang: Option<&'static str>,
    screen: Option<&'static str>,
    origin: Option<&'static str>,
    uptime_s: Option<i64>,
    p50_us: Option<i64>,
    p99_us: Option<i64>,
    error_kind: Option<&'static str>,
    dropped: Option<i64>,
}

fn columns(e: &Event) -> Columns {
    let mut c = Columns::default();
    match e {
        Event::Heartbeat { uptime_s, frame_p50_us, frame_p99_us, dropped } => {
            c.uptime_s = Some(*uptime_s as i64);
            c.dropped = Some(*dropped as i64);
            c.p50_us = Some(i64::from(*frame_p50_us));
            c.p99_us = Some(i64::from(*frame_p99_us));
        }
        Event::SessionEnd { reason } => c.reason = Some(reason.as_str()),
        Event::ScreenView { screen } => c.screen = Some(screen.as_str()),
        Event::MunicipalitySelect { code, how } => {
            c.municipality = Some(code.clone());
            c.how = Some(how.as_str());
        }
        Event::MapTouch { code } => c.municipality = code.clone(),
        Event::ProgramView { id } => c.program = Some(id.clone()),
        Event::QrShown { target } => {
            c.target = Some(target.kind().as_str());
            match target {
                QrTarget::Municipality(code) => c.municipality = Some(code.clone()),
                QrTarget::Program(id) => c.program = Some(id.clone()),
                QrTarget::QuizResult => {}
            }
        }
        Event::QuizAnswer { question, choice, correct, millis } => {
            c.question = Some(question.clone());
            c.choice = Some(*choice as i64);
            c.correct = Some(*correct);
            c.millis = Some(i64::from(*millis));
        }
        Event::QuizComplete { score, out_of } => {
            c.score = Some(*score as i64);
            c.out_of = Some(*out_of as i64);
        }
        Event::QuizAbandon { at_question } => c.at_question = Some(*at_question as i64),
        Event::LanguageChange { lang } => c.lang = Some(lang.code()),
        Event::ShowcaseChange { code, origin } => {
            c.municipality = code.clone();
            c.origin = Some(origin.as_str());
        }
        Event::Error { kind } => c.error_kind = Some(kind.as_str()),
        Event::AppStart
        | Event::AppStop
        | Event::SessionStart
        | Event::QuizStart
        | Event::StaffLoginOk
        | Event::StaffLoginFail
        | Event::IdleWarning
        | Event::IdleReset
        | Event::AidChange { .. } => {}
    }
    c
}

/// Inserts records in one transaction. A record whose UUID is already there is skipped.
pub fn insert(conn: &mut Connection, kiosk_id: &str, records: &[Record]) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO events (uuid, kiosk_id, session_id, utc_ms, mono_ms, schema, kind,
               municipality, program, target, question, choice, correct, millis, score, out_of, at_question,
               reason, how, lang, screen, origin, uptime_s, p50_us, p99_us, error_kind, dropped)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
               ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
        )?;
        for r in records {
            let c = columns(&r.event);
            stmt.execute(params![
                r.uuid,
                kiosk_id,
                r.session_id,
                r.utc_ms,
                r.mono_ms,
                SCHEMA_VERSION,
                r.event.kind().as_str(),
                c.municipality,
                c.program,
                c.target,
                c.question,
                c.choice,
                c.correct,
                c.millis,
                c.score,
                c.out_of,
                c.at_question,
                c.reason,
                c.how,
                c.lang,
                c.screen,
                c.origin,
                c.uptime_s,
                c.p50_us,
                c.p99_us,
                c.error_kind,
                c.dropped
            ])?;
        }
    }
    tx.commit()
}

/// Calls `f(uuid, session, utc_ms, mono_ms, event)` for every event in the file, oldest first (by UTC time,
/// then by app-start offset), without copying the ids. Reads files of every schema version up to this one
/// without changing them (older files lack the newer columns).
pub fn for_each(conn: &Connection, mut f: impl FnMut(&str, Option<&str>, i64, i64, Event)) -> rusqlite::Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let (mono, order) = if version >= 2 { ("mono_ms", "utc_ms, mono_ms") } else { ("0", "utc_ms") };
    let dropped = if version >= 3 { "dropped" } else { "NULL" };
    let mut stmt = conn.prepare(&format!(
        "SELECT uuid, session_id, utc_ms, {mono}, kind, municipality, program, target, question, choice, correct,
                millis, score, out_of, at_question, reason, how, lang, screen, origin, uptime_s, p50_us, p99_us, error_kind,
                {dropped}
         FROM events ORDER BY {order}"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let session = match r.get_ref(1)? {
            rusqlite::types::ValueRef::Null => None,
            _ => Some(text(r, 1)?),
        };
        f(text(r, 0)?, session, r.get(2)?, r.get(3)?, decode(r)?);
    }
    Ok(())
}

/// Every event in the file, oldest first (by UTC time, then by app-start offset). Reads files of every
/// schema version up to this one without changing them (older files lack the newer columns).
pub fn read_all(conn: &Connection) -> rusqlite::Result<Vec<Record>> {
    let mut out = Vec::new();
    for_each(conn, |uuid, session, utc_ms, mono_ms, event| {
        out.push(Record { uuid: uuid.to_string(), session_id: session.map(str::to_string), utc_ms, mono_ms, event })
    })?;
    Ok(out)
}

fn text<'a>(r: &'a rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'a str> {
    r.get_ref(i)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

/// The event of one row of the query in [`for_each`]. A row of an unknown kind reads as a
/// configuration error, and an unknown value of a column as that column's first value (or `Unknown`).
fn decode(r: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let s = |i: usize| r.get::<_, Option<String>>(i);
    let n = |i: usize| r.get::<_, Option<i64>>(i);
    fn parsed<T: std::str::FromStr>(v: Option<String>, otherwise: T) -> T {
        v.and_then(|v| v.parse().ok()).unwrap_or(otherwise)
    }
    let Ok(kind) = text(r, 4)?.parse::<EventKind>() else {
        return Ok(Event::Error { kind: parsed(s(23)?, ErrorKind::Config) });
    };
    let event = match kind {
        EventKind::AppStart => Event::AppStart,
        EventKind::AppStop => Event::AppStop,
        EventKind::Heartbeat => Event::Heartbeat {
            uptime_s: n(20)?.unwrap_or(0) as u64,
            frame_p50_us: n(21)?.unwrap_or(0) as u32,
            frame_p99_us: n(22)?.unwrap_or(0) as u32,
            dropped: n(24)?.unwrap_or(0) as u64,
        },
        EventKind::SessionStart => Event::SessionStart,
        EventKind::SessionEnd => Event::SessionEnd { reason: parsed(s(15)?, SessionEndReason::StartOver) },
        EventKind::ScreenView => Event::ScreenView { screen: parsed(s(18)?, ScreenName::Unknown) },
        EventKind::MunicipalitySelect => {
            Event::MunicipalitySelect { code: s(5)?.unwrap_or_default(), how: parsed(s(16)?, SelectHow::Map) }
        }
        EventKind::MapTouch => Event::MapTouch { code: s(5)? },
        EventKind::ProgramView => Event::ProgramView { id: s(6)?.unwrap_or_default() },
        EventKind::QrShown => Event::QrShown {
            target: match parsed(s(7)?, QrKind::Municipality) {
                QrKind::Municipality => QrTarget::Municipality(s(5)?.unwrap_or_default()),
                QrKind::Program => QrTarget::Program(s(6)?.unwrap_or_default()),
                QrKind::QuizResult => QrTarget::QuizResult,
            },
        },
        EventKind::QuizStart => Event::QuizStart,
        EventKind::QuizAnswer => Event::QuizAnswer {
            question: s(8)?.unwrap_or_default(),
            choice: n(9)?.unwrap_or(0) as usize,
            correct: n(10)?.unwrap_or(0) != 0,
            millis: n(11)?.unwrap_or(0) as u32,
        },
        EventKind::QuizComplete => {
            Event::QuizComplete { score: n(12)?.unwrap_or(0) as usize, out_of: n(13)?.unwrap_or(0) as usize }
        }
        EventKind::QuizAbandon => Event::QuizAbandon { at_question: n(14)?.unwrap_or(0) as usize },
        EventKind::LanguageChange => Event::LanguageChange { lang: parsed(s(17)?, Lang::Ja) },
        EventKind::ShowcaseChange => {
            Event::ShowcaseChange { code: s(5)?, origin: parsed(s(19)?, ShowcaseOrigin::Staff) }
        }
        EventKind::StaffLoginOk => Event::StaffLoginOk,
        EventKind::StaffLoginFail => Event::StaffLoginFail,
        EventKind::IdleWarning => Event::IdleWarning,
        EventKind::IdleReset => Event::IdleReset,
        EventKind::Error => Event::Error { kind: parsed(s(23)?, ErrorKind::Config) },
        EventKind::LargeTextOn => Event::AidChange { aid: Aid::LargeText, on: true },
        EventKind::LargeTextOff => Event::AidChange { aid: Aid::LargeText, on: false },
        EventKind::HighContrastOn => Event::AidChange { aid: Aid::HighContrast, on: true },
        EventKind::HighContrastOff => Event::AidChange { aid: Aid::HighContrast, on: false },
        EventKind::ReadAloudOn => Event::AidChange { aid: Aid::ReadAloud, on: true },
        EventKind::ReadAloudOff => Event::AidChange { aid: Aid::ReadAloud, on: false },
    };
    Ok(event)
}
