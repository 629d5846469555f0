//! The log on disk: round trip, migration from the previous schema, failures, and a real crash.

use super::*;
use std::path::Path;
use std::time::Duration;

fn meta() -> Meta {
    Meta { kiosk_id: "kiosk-01".into(), booth_id: "booth".into(), app_version: "test".into() }
}

#[test]
fn every_word_of_the_log_reads_back_as_itself_and_nothing_else_does() {
    fn round_trip<T: Copy + PartialEq + std::fmt::Debug + std::str::FromStr<Err = UnknownText>>(
        all: &[T],
        text: fn(T) -> &'static str,
    ) {
        let mut seen = std::collections::HashSet::new();
        for v in all {
            assert_eq!(text(*v).parse::<T>(), Ok(*v));
            assert!(seen.insert(text(*v)), "{} is written twice", text(*v));
        }
        let e = "Start_Over ".parse::<T>().unwrap_err();
        assert_eq!(e.text, "Start_Over ");
    }
    round_trip(EventKind::ALL, EventKind::as_str);
    round_trip(ScreenName::ALL, ScreenName::as_str);
    round_trip(QrKind::ALL, QrKind::as_str);
    round_trip(SessionEndReason::ALL, SessionEndReason::as_str);
    round_trip(SelectHow::ALL, SelectHow::as_str);
    round_trip(ShowcaseOrigin::ALL, ShowcaseOrigin::as_str);
    round_trip(ErrorKind::ALL, ErrorKind::as_str);
    assert_eq!("taxi".parse::<ErrorKind>().unwrap_err().to_string(), "\"taxi\" is not a known error kind");
    let covered: std::collections::BTreeSet<EventKind> = every_kind().iter().map(Event::kind).collect();
    assert_eq!(covered.into_iter().collect::<Vec<_>>(), EventKind::ALL, "every_kind() has every kind");
}

fn every_kind() -> Vec<Event> {
    use crate::lang::Lang;
    vec![
        Event::AppStart,
        Event::Heartbeat { uptime_s: 60, frame_p50_us: 900, frame_p99_us: 2500, dropped: 3 },
        Event::SessionStart,
        Event::ScreenView { screen: ScreenName::Map },
        Event::MunicipalitySelect { code: "13104".into(), how: SelectHow::List },
        Event::MapTouch { code: Some("13421".into()) },
        Event::MapTouch { code: None },
        Event::ProgramView { id: "joint-grants".into() },
        Event::QrShown { target: QrTarget::Municipality("13104".into()) },
        Event::QrShown { target: QrTarget::Program("joint-grants".into()) },
        Event::QrShown { target: QrTarget::QuizResult },
        Event::QuizStart,
        Event::QuizAnswer { question: "goya-seeds".into(), choice: 2, correct: false, millis: 4321 },
        Event::QuizComplete { score: 4, out_of: 5 },
        Event::QuizAbandon { at_question: 3 },
        Event::LanguageChange { lang: Lang::Ko },
        Event::ShowcaseChange { code: Some("13101".into()), origin: ShowcaseOrigin::Schedule },
        Event::ShowcaseChange { code: None, origin: ShowcaseOrigin::Staff },
        Event::StaffLoginOk,
        Event::StaffLoginFail,
        Event::IdleWarning,
        Event::IdleReset,
        Event::SessionEnd { reason: SessionEndReason::QuietGap },
        Event::Error { kind: ErrorKind::Qr },
        Event::AidChange { aid: Aid::LargeText, on: true },
        Event::AidChange { aid: Aid::LargeText, on: false },
        Event::AidChange { aid: Aid::HighContrast, on: true },
        Event::AidChange { aid: Aid::HighContrast, on: false },
        Event::AidChange { aid: Aid::ReadAloud, on: true },
        Event::AidChange { aid: Aid::ReadAloud, on: false },
        Event::LanguageChange { lang: Lang::JaEasy },
        Event::AppStop,
    ]
}

#[test]
fn every_event_kind_round_trips_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.sqlite");
    let mut log = Telemetry::start(&path, meta(), WriterConfig::default()).unwrap();
    let records: Vec<Record> =
        every_kind().into_iter().enumerate().map(|(i, e)| Record::new(e, Some("s1".into()), i as i64)).collect();
    for r in &records {
        log.send(r.clone());
    }
    log.flush();
    assert_eq!(log.committed(), records.len() as u64);
    log.shutdown();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let back = read_all(&conn).unwrap();
    let mut sorted = records.clone();
    sorted.sort_by_key(|r| (r.utc_ms, r.mono_ms));
    assert_eq!(back, sorted);
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(super::store::meta_value(&conn, "kiosk_id").unwrap().as_deref(), Some("kiosk-01"));
    assert_eq!(super::store::meta_value(&conn, "booth_id").unwrap().as_deref(), Some("booth"));
}

#[test]
fn a_database_of_the_previous_version_is_migrated_and_keeps_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        // A version-1 file as the first release wrote it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO meta VALUES ('kiosk_id', 'old-kiosk'), ('booth_id', 'b'), ('app_version', '0.0.1');
             CREATE TABLE events (uuid TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, session_id TEXT, utc_ms INTEGER NOT NULL,
               schema INTEGER NOT NULL, kind TEXT NOT NULL, municipality TEXT, program TEXT, target TEXT, question TEXT,
               choice INTEGER, correct INTEGER, millis INTEGER, score INTEGER, out_of INTEGER, at_question INTEGER,
               reason TEXT, how TEXT, lang TEXT, screen TEXT, origin TEXT, uptime_s INTEGER, p50_us INTEGER,
               p99_us INTEGER, error_kind TEXT);
             INSERT INTO events (uuid, kiosk_id, session_id, utc_ms, schema, kind, municipality, how)
               VALUES ('00000000-0000-4000-8000-000000000001', 'old-kiosk', 's', 1000, 1, 'municipality_select', '13104', 'map');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let conn = super::store::open(&path, &meta()).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let back = read_all(&conn).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].event, Event::MunicipalitySelect { code: "13104".into(), how: SelectHow::Map });
    assert_eq!(back[0].mono_ms, 0);
    // The kiosk that created it is kept; the app version says who wrote last.
    assert_eq!(super::store::meta_value(&conn, "kiosk_id").unwrap().as_deref(), Some("old-kiosk"));
    assert_eq!(super::store::meta_value(&conn, "app_version").unwrap().as_deref(), Some("test"));
}

#[test]
fn a_database_from_a_newer_app_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let e = super::store::open(&path, &meta()).unwrap_err();
    assert!(e.to_string().contains("schema version 99 is newer"), "{e}");
}

#[test]
fn events_wait_in_memory_while_the_database_refuses_writes_and_are_written_after() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.sqlite");
    let log = Telemetry::start(
        &path,
        meta(),
        WriterConfig { batch_interval: Duration::from_millis(20), ..WriterConfig::default() },
    )
    .unwrap();
    log.send(Record::new(Event::AppStart, None, 0));
    log.flush();
    assert_eq!(log.committed(), 1);
    // Another process locks the database for writing: SQLite refuses our commits (busy) meanwhile.
    let blocker = rusqlite::Connection::open(&path).unwrap();
    blocker.busy_timeout(Duration::from_millis(0)).unwrap();
    blocker.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    for i in 0..10 {
        log.send(Record::new(Event::IdleWarning, None, i));
    }
    std::thread::sleep(Duration::from_millis(2500));
    let h = log.health();
    assert!(!h.writable, "{h:?}");
    assert_eq!(h.waiting, 10);
    assert!(h.last_error.is_some());
    blocker.execute_batch("COMMIT;").unwrap();
    log.flush();
    let h = log.health();
    assert!(h.writable && h.waiting == 0 && h.committed == 11 && h.dropped == 0, "{h:?}");
}

#[test]
fn a_bad_path_is_an_error_naming_it() {
    let e = Telemetry::start(Path::new("/nonexistent-dir/x.sqlite"), meta(), WriterConfig::default()).err().unwrap();
    assert!(e.to_string().starts_with("/nonexistent-dir/x.sqlite:"), "{e}");
}

/// Child side of the crash test: writes as fast as it can and prints each event's UUID once committed.
#[test]
fn crash_child_writer() {
    let Ok(path) = std::env::var("MIDORI_CRASH_CHILD_DB") else { return };
    use std::io::Write;
    let log = Telemetry::start(
        Path::new(&path),
        meta(),
        WriterConfig { batch_interval: Duration::from_millis(5), ..WriterConfig::default() },
    )
    .unwrap();
    let mut sent: Vec<String> = Vec::new();
    let mut printed = 0usize;
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let r = Record::new(
            Event::QuizAnswer { question: format!("q{i}"), choice: 1, correct: true, millis: 10 },
            Some("crash".into()),
            i,
        );
        sent.push(r.uuid.clone());
        log.send_blocking(r);
        let committed = log.committed() as usize;
        while printed < committed {
            writeln!(out, "ACK {}", sent[printed]).unwrap();
            printed += 1;
        }
        out.flush().unwrap();
    }
}

#[test]
fn acknowledged_events_survive_sigkill() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.sqlite");
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "telemetry::tests::crash_child_writer", "--nocapture", "--test-threads=1"])
        .env("MIDORI_CRASH_CHILD_DB", &path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut acked = Vec::new();
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(uuid) = line.strip_prefix("ACK ") {
                acked.push(uuid.to_owned());
            }
        }
        acked
    });
    // Let it write for a while, mid-batch, then pull the plug.
    std::thread::sleep(Duration::from_millis(2500));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let acked = reader.join().unwrap();
    assert!(acked.len() > 100, "the child acknowledged only {} events", acked.len());

    let conn = rusqlite::Connection::open(&path).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let stored: std::collections::HashSet<String> = conn
        .prepare("SELECT uuid FROM events")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let lost: Vec<&String> = acked.iter().filter(|u| !stored.contains(*u)).collect();
    assert!(lost.is_empty(), "{} acknowledged events lost, e.g. {:?}", lost.len(), lost.first());
}

#[test]
fn a_snapshot_of_a_log_being_written_has_every_committed_event() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.sqlite");
    let log = Telemetry::start(&path, meta(), WriterConfig::default()).unwrap();
    for i in 0..500 {
        log.send(Record::new(Event::MapTouch { code: Some("13104".into()) }, None, i));
    }
    log.flush();
    // The kiosk keeps writing while staff copy the file.
    log.send(Record::new(Event::IdleWarning, None, 501));
    let copy = dir.path().join("copy.sqlite");
    super::store::snapshot(&path, &copy).unwrap();
    let n = read_all(&rusqlite::Connection::open(&copy).unwrap()).unwrap().len();
    assert!(n >= 500, "{n}");
    // An existing destination is never overwritten.
    assert!(super::store::snapshot(&path, &copy).is_err());
    drop(log);
}

fn touches(log: &Telemetry, n: i64, from: i64) {
    for i in from..from + n {
        log.send(Record::new(Event::MapTouch { code: Some("13104".into()) }, Some("s".into()), i));
    }
}

fn count(path: &Path) -> usize {
    read_all(&rusqlite::Connection::open(path).unwrap()).unwrap().len()
}

#[test]
fn a_log_deleted_while_running_is_recreated_with_every_saved_event() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk-01.sqlite");
    let log = Telemetry::start(&path, meta(), WriterConfig::default()).unwrap();
    touches(&log, 100, 0);
    log.flush();
    // Someone deletes the log (and its WAL) while the kiosk runs.
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    assert!(!path.exists());
    touches(&log, 10, 100);
    log.flush();
    let h = log.health();
    assert!(h.writable, "{h:?}");
    assert_eq!(h.notice, Some(Notice::Recreated { events: 100 }));
    assert_eq!(count(&path), 110, "the 100 saved before and the 10 after are all in the new file");
    // The new file is a complete log: its meta says which kiosk wrote it.
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(super::store::meta_value(&conn, "kiosk_id").unwrap().as_deref(), Some("kiosk-01"));
}

#[test]
fn a_full_disk_keeps_events_waiting_and_loses_nothing_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk-01.sqlite");
    // 40 pages of 4 KiB: the "disk" fills after a few hundred events.
    let config = WriterConfig { max_db_pages: Some(40), ..WriterConfig::default() };
    let log = Telemetry::start(&path, meta(), config).unwrap();
    touches(&log, 200, 0);
    log.flush();
    assert!(log.health().writable);
    let before = log.committed();
    assert_eq!(before, 200);
    touches(&log, 5000, 200);
    log.flush();
    let h = log.health();
    assert!(!h.writable, "{h:?}");
    assert!(h.last_error.as_deref().is_some_and(|e| e.contains("full")), "{h:?}");
    assert!(h.waiting > 0, "events wait in memory: {h:?}");
    assert_eq!(h.dropped, 0);
    // Everything committed is in the file, whatever happened after.
    drop(log);
    let saved = count(&path);
    assert!(saved >= before as usize, "{saved} < {before}");
}

/// A log on a filesystem that became read-only (remounted after a fault): permissions and mount flags are
/// checked when a file is opened, so it shows at the next start — the log cannot be opened for writing,
/// the error says why (the kiosk then runs without a log and the staff panel says so), and every event
/// saved before is still readable. Needs permission to mount a tmpfs (root on the CI machine); elsewhere
/// the test says it could not run.
#[test]
fn a_log_on_a_read_only_filesystem_is_refused_with_the_reason_and_keeps_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let mount = |args: &[&str]| std::process::Command::new("mount").args(args).status().is_ok_and(|s| s.success());
    if !mount(&["-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt.to_str().unwrap()]) {
        eprintln!("skipped: cannot mount a tmpfs here (not root)");
        return;
    }
    let path = mnt.join("kiosk-01.sqlite");
    let result = std::panic::catch_unwind(|| {
        let log = Telemetry::start(&path, meta(), WriterConfig::default()).unwrap();
        touches(&log, 50, 0);
        drop(log);
        assert!(mount(&["-o", "remount,ro", mnt.to_str().unwrap()]), "remount read-only");
        let e = Telemetry::start(&path, meta(), WriterConfig::default())
            .err()
            .expect("a read-only log cannot be opened for writing");
        let msg = e.to_string();
        assert!(
            msg.contains("kiosk-01.sqlite")
                && (msg.contains("readonly") || msg.contains("read-only") || msg.contains("unable to open")),
            "{msg}"
        );
        // Still readable (the report reads logs on a write-protected stick the same way).
        let conn = super::store::open_read_only(&path).unwrap();
        assert_eq!(read_all(&conn).unwrap().len(), 50);
    });
    let _ = std::process::Command::new("umount").arg(&mnt).status();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

mod day_counters {
    use super::super::DayCounters;
    use crate::clock::LocalClock;
    use crate::telemetry::{Event, QrTarget, SelectHow};

    fn booth_day(utc_ms: i64, utc_offset_minutes: i32) -> i64 {
        LocalClock { utc_offset_minutes }.day(utc_ms)
    }

    const JST: i32 = 9 * 60;
    // 2026-12-10 09:30 JST.
    const MORNING: i64 = 1_796_862_600_000;
    const HOUR: i64 = 3_600_000;

    fn select(code: &str) -> Event {
        Event::MunicipalitySelect { code: code.into(), how: SelectHow::Map }
    }

    #[test]
    fn counts_the_events_the_staff_panel_shows() {
        let mut c = DayCounters::default();
        for e in [
            Event::SessionStart,
            Event::SessionStart,
            Event::QuizStart,
            Event::QuizComplete { score: 3, out_of: 5 },
            Event::QrShown { target: QrTarget::QuizResult },
            select("13104"),
            select("13104"),
            select("13421"),
            Event::MapTouch { code: None },
            Event::IdleReset,
        ] {
            c.add(&e, MORNING, JST);
        }
        let today = c.on(MORNING + HOUR, JST);
        assert_eq!((today.sessions, today.quiz_started, today.quiz_completed, today.qr_shown), (2, 1, 1, 1));
        assert_eq!(today.top_selected(5), vec![("13104".to_owned(), 2), ("13421".to_owned(), 1)]);
        assert_eq!(today.top_selected(1).len(), 1);
    }

    #[test]
    fn a_new_booth_day_starts_over_and_other_days_read_empty() {
        let mut c = DayCounters::default();
        c.add(&Event::SessionStart, MORNING, JST);
        // 23:59 JST the same day still counts; it is 14:59 UTC.
        let late = MORNING + 14 * HOUR + 29 * 60_000;
        assert_eq!(booth_day(late, JST), booth_day(MORNING, JST));
        c.add(&Event::SessionStart, late, JST);
        assert_eq!(c.on(MORNING, JST).sessions, 2);
        // The next morning, before any event, the panel reads zero; after one, one.
        let next = MORNING + 24 * HOUR;
        assert_eq!(c.on(next, JST).sessions, 0);
        c.add(&Event::SessionStart, next, JST);
        assert_eq!(c.on(next, JST).sessions, 1);
        assert_eq!(c.on(MORNING, JST).sessions, 0);
    }

    #[test]
    fn memory_does_not_grow_with_the_number_of_events() {
        let mut c = DayCounters::default();
        for i in 0..200_000 {
            c.add(&select(if i % 2 == 0 { "13101" } else { "13102" }), MORNING, JST);
        }
        let today = c.on(MORNING, JST);
        assert_eq!(today.selects.len(), 2);
        assert_eq!(today.selects.values().sum::<usize>(), 200_000);
    }
}
