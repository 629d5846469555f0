//! Report tests on small hand-made logs whose every number is worked out by hand in the comments.

use std::path::{Path, PathBuf};

use super::model::{Report, Shown};
use super::*;
use crate::clock::{LocalClock, LocalDate};
use crate::i18n::Localizer;
use crate::lang::Lang;
use crate::telemetry::{self, ErrorKind, Event, QrTarget, Record, SelectHow, SessionEndReason, ShowcaseOrigin};

const JST: LocalClock = LocalClock { utc_offset_minutes: 540 };
const W: Shown<u64> = Shown::Withheld;

fn v(n: u64) -> Shown<u64> {
    Shown::Value(n)
}

/// UTC milliseconds of a Tokyo wall-clock time in December 2013.
fn jst(day: i64, h: i64, m: i64, s: i64) -> i64 {
    JST.start_of(LocalDate { year: 2013, month: 12, day: day as u8 }) + ((h * 60 + m) * 60 + s) * 1000
}

/// Builds one kiosk's log: events get sequential UUIDs with a per-file prefix.
struct Log {
    prefix: u32,
    run_start: i64,
    records: Vec<Record>,
}

impl Log {
    fn new(prefix: u32) -> Log {
        Log { prefix, run_start: 0, records: Vec::new() }
    }

    fn at(&mut self, utc: i64, session: Option<&str>, event: Event) -> &mut Log {
        if matches!(event, Event::AppStart) {
            self.run_start = utc;
        }
        let n = self.records.len() as u32;
        self.records.push(Record {
            uuid: format!("{:08x}-0000-7000-8000-{:012x}", self.prefix, n),
            session_id: session.map(str::to_string),
            utc_ms: utc,
            mono_ms: utc - self.run_start,
            event,
        });
        self
    }

    /// Events of one session, at offsets in seconds from `start`.
    fn session(&mut self, id: &str, start: i64, events: Vec<(i64, Event)>) -> &mut Log {
        self.at(start, Some(id), Event::SessionStart);
        for (s, e) in events {
            self.at(start + s * 1000, Some(id), e);
        }
        self
    }

    fn write(&self, dir: &Path, kiosk: &str) -> PathBuf {
        let path = dir.join(format!("{kiosk}-{}.sqlite", self.prefix));
        let meta = telemetry::Meta { kiosk_id: kiosk.into(), booth_id: "b".into(), app_version: "9.9.9".into() };
        let mut conn = telemetry::open(&path, &meta).unwrap();
        telemetry::insert(&mut conn, kiosk, &self.records).unwrap();
        path
    }
}

fn select(code: &str, how: SelectHow) -> Event {
    Event::MunicipalitySelect { code: code.into(), how }
}
fn touch(code: &str) -> Event {
    Event::MapTouch { code: Some(code.into()) }
}
fn screen(s: &str) -> Event {
    Event::ScreenView { screen: s.parse().expect("a screen name of the log") }
}
fn answer(q: &str, correct: bool, millis: u32) -> Event {
    Event::QuizAnswer { question: q.into(), choice: 0, correct, millis }
}
fn end(reason: SessionEndReason) -> Event {
    Event::SessionEnd { reason }
}
fn heartbeat(p99_us: u32, dropped: u64) -> Event {
    Event::Heartbeat { uptime_s: 0, frame_p50_us: 1000, frame_p99_us: p99_us, dropped }
}

fn names(ja: &str, en: &str, ko: Option<&str>) -> crate::localized::LocalizedText {
    crate::localized::LocalizedText {
        ja: ja.into(),
        en: Some(en.into()),
        zh_hans: None,
        ko: ko.map(Into::into),
        ja_easy: None,
    }
}

fn context(period: Period) -> Context {
    Context {
        app_version: "test".into(),
        booth_id: "booth".into(),
        clock: JST,
        default_lang: Lang::Ja,
        municipalities: vec![
            ("13101".into(), names("千代田区", "Chiyoda", None)),
            ("13104".into(), names("新宿区", "Shinjuku", None)),
            ("13421".into(), names("小笠原村", "Ogasawara", Some("오가사와라촌"))),
        ],
        questions: vec!["q1".into(), "q2".into()],
        programs: vec!["p1".into()],
        period,
    }
}

/// Kiosk A, 2013-12-12: three visitors between 10:01 and 10:04, a showcase switch, heartbeats with a gap.
fn kiosk_a() -> Log {
    let mut a = Log::new(0xa);
    a.at(jst(12, 10, 0, 0), None, Event::AppStart)
        .at(
            jst(12, 10, 0, 0),
            None,
            Event::ShowcaseChange { code: Some("13104".into()), origin: ShowcaseOrigin::Schedule },
        )
        .at(jst(12, 10, 1, 0), None, heartbeat(9_000, 0));
    a.session(
        "s1",
        jst(12, 10, 1, 0),
        vec![
            (2, touch("13104")),
            (3, select("13104", SelectHow::Map)),
            (3, screen("municipality")),
            (10, Event::ProgramView { id: "p1".into() }),
            (20, screen("take_home")), // dwell 17 s
            (20, Event::QrShown { target: QrTarget::Municipality("13104".into()) }),
            (21, Event::QuizStart),
            (23, answer("q1", true, 2_000)),
            (26, Event::QuizAbandon { at_question: 2 }),
            (30, end(SessionEndReason::StartOver)), // 30 s
        ],
    );
    a.at(jst(12, 10, 2, 0), None, heartbeat(12_000, 0));
    a.session(
        "s2",
        jst(12, 10, 2, 1),
        vec![
            (1, Event::LanguageChange { lang: Lang::En }),
            (2, touch("13104")),
            (3, select("13104", SelectHow::List)),
            (3, screen("municipality")),
            (13, screen("map")), // dwell 10 s
            (14, Event::QuizStart),
            (18, answer("q1", true, 4_000)),
            (24, answer("q2", false, 6_000)),
            (25, Event::QuizComplete { score: 1, out_of: 2 }),
            (60, end(SessionEndReason::Idle)), // 60 s
        ],
    );
    a.session(
        "s3",
        jst(12, 10, 3, 10),
        vec![
            (1, touch("13104")),
            (2, select("13104", SelectHow::Map)),
            (2, screen("municipality")),
            (22, screen("quiz_intro")), // dwell 20 s
            (23, Event::QuizStart),
            (26, answer("q1", false, 3_000)),
            (35, answer("q2", true, 9_000)),
            (36, Event::QuizComplete { score: 1, out_of: 2 }),
            (40, end(SessionEndReason::QuietGap)), // 40 s
        ],
    );
    // The next heartbeat comes 3 minutes after the last: one gap of 180 s.
    a.at(jst(12, 10, 5, 0), None, heartbeat(8_000, 2))
        .at(jst(12, 10, 5, 59), None, Event::StaffLoginOk)
        .at(
            jst(12, 10, 6, 0),
            None,
            Event::ShowcaseChange { code: Some("13101".into()), origin: ShowcaseOrigin::Staff },
        )
        .at(jst(12, 10, 7, 0), None, Event::Error { kind: ErrorKind::Clock })
        .at(jst(12, 10, 8, 0), None, Event::Error { kind: ErrorKind::Database })
        .at(jst(12, 10, 10, 0), None, Event::AppStop);
    a
}

/// Kiosk B, 2013-12-13: two visitors (one cut off by a crash), then a restart.
fn kiosk_b() -> Log {
    let mut b = Log::new(0xb);
    b.at(jst(13, 10, 55, 0), None, Event::AppStart);
    b.session(
        "s4",
        jst(13, 11, 0, 0),
        vec![
            (1, touch("13421")),
            (2, select("13421", SelectHow::Showcase)),
            (2, screen("municipality")),
            (5, end(SessionEndReason::StartOver)), // 5 s, dwell 3 s
        ],
    );
    b.session("s5", jst(13, 11, 30, 0), vec![(1, touch("13421"))]);
    // Restart without an app_stop: the first run ended uncleanly.
    b.at(jst(13, 11, 45, 0), None, Event::AppStart).at(jst(13, 11, 46, 0), None, heartbeat(5_000, 0));
    b
}

fn labels(strings: &Localizer, lang: Lang) -> FluentLabels<'_> {
    FluentLabels { strings, lang }
}

fn locales() -> Localizer {
    Localizer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales"), &Lang::ALL).unwrap()
}

fn report_of(paths: &[PathBuf], period: Period) -> (Loaded, Report) {
    let loaded = read_logs(paths, period, JST, false, None).unwrap();
    let report = aggregate(&loaded, &context(period));
    (loaded, report)
}

#[test]
fn every_section_matches_the_hand_computed_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![kiosk_a().write(dir.path(), "kiosk-a"), kiosk_b().write(dir.path(), "kiosk-b")];
    let (_, r) = report_of(&paths, Period::default());
    let o = &r.overview;
    assert_eq!(r.time_zone, "UTC+09:00");
    assert_eq!(o.kiosks, ["kiosk-a", "kiosk-b"]);
    // Days: three sessions on the 12th, two on the 13th (withheld); with the total of 5 shown, the 12th
    // would give the 13th away, so it is withheld too.
    assert_eq!(
        o.days.iter().map(|d| (d.date.as_str(), d.sessions)).collect::<Vec<_>>(),
        [("2013-12-12", W), ("2013-12-13", W)]
    );
    // One session never ended (withheld below): the ended count would give it away.
    assert_eq!((o.sessions, o.sessions_ended), (v(5), W));
    // Lengths 5, 30, 40, 60 s: median (30 + 40) / 2; 90th percentile by nearest rank = the 4th of 4.
    assert_eq!(o.median_session_s, Some(Shown::Value(35.0)));
    assert_eq!(o.p90_session_s, Some(Shown::Value(60.0)));
    assert_eq!(o.hours, [10, 11]);
    // The hours of the withheld 12th would add up to it: its 3 at 10:00 is withheld, and so no busiest hour.
    assert_eq!(o.by_hour[0].sessions, [W, v(0)]);
    assert_eq!(o.by_hour[1].sessions, [v(0), W]);
    assert!(o.busiest_hour.is_none());
    // Japanese 4 of 5 would give the one English session away.
    let lang = |code: &str| o.languages.iter().find(|l| l.lang == code).unwrap().sessions;
    assert_eq!((lang("ja"), lang("en"), lang("ko")), (W, W, v(0)));
    let reason = |r: &str| o.end_reasons.iter().find(|x| x.reason == r).unwrap().sessions;
    assert_eq!([reason("start_over"), reason("idle"), reason("not_ended")], [W, W, W]);

    let m = |code: &str| r.municipalities.iter().find(|m| m.code == code).unwrap();
    let shinjuku = m("13104");
    assert_eq!((shinjuku.map_touches, shinjuku.selected_on_map, shinjuku.selected_from_list), (v(3), W, W));
    assert_eq!(
        (shinjuku.selected_from_showcase, shinjuku.detail_views, shinjuku.program_views, shinjuku.qr_shown),
        (v(0), v(3), W, W)
    );
    // Dwell 17, 10, 20 s; scheduled 10:00 – 10:06.
    assert_eq!(shinjuku.median_dwell_s, Some(Shown::Value(17.0)));
    assert_eq!((shinjuku.showcase_minutes_scheduled, shinjuku.showcase_minutes_staff), (6.0, 0.0));
    // Chosen by staff 10:06 – 10:10 (app stop); never touched.
    let chiyoda = m("13101");
    assert_eq!((chiyoda.showcase_minutes_staff, chiyoda.map_touches, chiyoda.median_dwell_s), (4.0, v(0), None));
    let ogasawara = m("13421");
    assert_eq!(
        (ogasawara.map_touches, ogasawara.selected_from_showcase, ogasawara.median_dwell_s),
        (W, W, Some(Shown::Withheld))
    );
    assert_eq!(r.municipalities.len(), 3);

    let q = &r.quiz;
    assert_eq!((q.started, q.completed, q.abandoned), (v(3), W, W));
    assert_eq!(q.abandoned_at.iter().map(|a| (a.question_number, a.rounds)).collect::<Vec<_>>(), [(1, v(0)), (2, W)]);
    assert_eq!(
        q.scores.iter().map(|s| (s.score, s.out_of, s.rounds)).collect::<Vec<_>>(),
        [(0, 2, v(0)), (1, 2, W), (2, 2, v(0))]
    );
    // q1: right, right, wrong in 2, 4, 3 s; q2 answered in two sessions only.
    let q1 = &q.questions[0];
    assert_eq!(
        (q1.id.as_str(), q1.times_answered, q1.correct_rate, q1.mean_answer_s),
        ("q1", v(3), Some(Shown::Value(66.7)), Some(Shown::Value(3.0)))
    );
    let q2 = &q.questions[1];
    assert_eq!(
        (q2.times_answered, q2.correct_rate, q2.mean_answer_s),
        (W, Some(Shown::Withheld), Some(Shown::Withheld))
    );

    let kind = |k: &str| r.take_home.by_kind.iter().find(|t| t.target == k).unwrap().qr_shown;
    assert_eq!((kind("municipality"), kind("program"), kind("quiz_result")), (W, v(0), v(0)));
    assert_eq!(r.take_home.by_program[0].target, "p1");

    let (a, b) = (&r.operations[0], &r.operations[1]);
    assert_eq!((a.app_starts, a.unclean_stops, a.uptime_s), (1, 0, 600.0));
    assert_eq!(
        (a.heartbeat_gaps, a.heartbeat_gap_s, a.events_dropped, a.worst_frame_p99_ms),
        (1, 180.0, 2, Some(12.0))
    );
    assert_eq!((a.clock_warnings, a.errors_database, a.errors_config, a.staff_logins), (1, 1, 0, 1));
    assert_eq!(a.first_event.as_deref(), Some("2013-12-12 10:00"));
    assert_eq!(a.app_versions, ["9.9.9"]);
    // Run 1: 10:55:00 – 11:30:01 (2101 s), crashed; run 2: 11:45 – 11:46 (60 s), still going.
    assert_eq!((b.app_starts, b.unclean_stops, b.uptime_s), (2, 1, 2161.0));
}

#[test]
fn an_event_in_several_files_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = kiosk_a();
    let b = kiosk_b();
    let mut a_copy = Log::new(0xa);
    // A copy of kiosk A's file taken earlier in the day: a prefix of the same events.
    a_copy.records = a.records[..10].to_vec();
    let a_path = a.write(dir.path(), "kiosk-a");
    let copy_path = {
        let d = dir.path().join("usb");
        std::fs::create_dir(&d).unwrap();
        a_copy.write(&d, "kiosk-a")
    };
    let b_path = b.write(dir.path(), "kiosk-b");
    let (_, once) = report_of(&[a_path.clone(), b_path.clone()], Period::default());
    let (loaded, merged) = report_of(&[a_path, copy_path, b_path], Period::default());
    assert_eq!(loaded.duplicates, 10);
    assert_eq!(merged.duplicates_merged, 10);
    assert_eq!(merged.overview.kiosks.len(), 2, "the copy is the same kiosk");
    let json = |r: &Report| serde_json::to_value((&r.overview, &r.municipalities, &r.quiz, &r.operations)).unwrap();
    assert_eq!(json(&once), json(&merged));
}

#[test]
fn dates_filter_on_booth_midnight_not_utc() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = Log::new(0xc);
    log.at(jst(12, 23, 59, 59), None, Event::IdleWarning).at(jst(13, 0, 0, 0), None, Event::IdleReset);
    let p = vec![log.write(dir.path(), "k")];
    let day = |s: &str| Some(LocalDate::parse(s).unwrap());
    let rows = |from, to| {
        read_logs(&p, Period { from, to }, JST, false, None)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.event.clone())
            .collect::<Vec<_>>()
    };
    // 23:59:59 JST on the 12th is 14:59:59 UTC: the 12th in Tokyo, whatever UTC says.
    assert_eq!(rows(None, day("2013-12-12")), [Event::IdleWarning]);
    assert_eq!(rows(day("2013-12-13"), None), [Event::IdleReset]);
    assert_eq!(rows(day("2013-12-12"), day("2013-12-13")).len(), 2);
    assert!(rows(day("2013-12-14"), None).is_empty());
}

#[test]
fn an_empty_log_gives_a_report_of_zeros_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let p = vec![Log::new(1).write(dir.path(), "k")];
    let (_, r) = report_of(&p, Period::default());
    assert_eq!(r.overview.sessions, v(0));
    assert!(r.overview.days.is_empty() && r.overview.hours.is_empty() && r.overview.busiest_hour.is_none());
    assert_eq!(r.overview.median_session_s, None);
    assert!(r.municipalities.iter().all(|m| m.map_touches == v(0) && m.median_dwell_s.is_none()));
    assert_eq!(r.operations[0].uptime_s, 0.0);
    let strings = locales();
    let out = dir.path().join("out");
    let files = write(&r, &labels(&strings, Lang::Ja), &out, &Format::ALL, None).unwrap();
    assert!(files.iter().all(|f| f.exists()));
}

#[test]
fn a_log_of_the_first_schema_version_is_read_without_changing_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
         INSERT INTO meta VALUES ('kiosk_id', 'old'), ('booth_id', 'b'), ('app_version', '0.0.1');
         CREATE TABLE events (uuid TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, session_id TEXT, utc_ms INTEGER NOT NULL,
           schema INTEGER NOT NULL, kind TEXT NOT NULL, municipality TEXT, program TEXT, target TEXT, question TEXT,
           choice INTEGER, correct INTEGER, millis INTEGER, score INTEGER, out_of INTEGER, at_question INTEGER,
           reason TEXT, how TEXT, lang TEXT, screen TEXT, origin TEXT, uptime_s INTEGER, p50_us INTEGER,
           p99_us INTEGER, error_kind TEXT);
         PRAGMA user_version = 1;",
    )
    .unwrap();
    for (i, s) in ["x", "y", "z"].iter().enumerate() {
        conn.execute(
            "INSERT INTO events (uuid, kiosk_id, session_id, utc_ms, schema, kind) VALUES (?1, 'old', ?2, ?3, 1, 'session_start')",
            rusqlite::params![format!("u{i}"), s, jst(12, 10, i as i64, 0)],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO events (uuid, kiosk_id, session_id, utc_ms, schema, kind, municipality, how) VALUES (?1, 'old', ?2, ?3, 1, 'municipality_select', '13101', 'list')",
            rusqlite::params![format!("m{i}"), s, jst(12, 10, i as i64, 5)],
        )
        .unwrap();
    }
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let (loaded, r) = report_of(std::slice::from_ref(&path), Period::default());
    assert_eq!(loaded.files[0].schema_version, 1);
    assert_eq!(r.overview.sessions, v(3));
    assert_eq!(r.municipalities[0].selected_from_list, v(3));
    assert_eq!(std::fs::read(&path).unwrap(), before, "the report never writes to a log");
}

#[test]
fn a_corrupt_file_is_named_and_skip_bad_reports_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = kiosk_a().write(dir.path(), "kiosk-a");
    let bad = dir.path().join("broken.sqlite");
    std::fs::write(&bad, b"this is not a database, just some bytes copied off a bad stick").unwrap();
    let missing = dir.path().join("missing.sqlite");
    let paths = vec![good.clone(), bad.clone()];
    let e = read_logs(&paths, Period::default(), JST, false, None).unwrap_err();
    assert!(e.to_string().starts_with(&format!("{}: not a kiosk log", bad.display())), "{e}");
    let e = read_logs(std::slice::from_ref(&missing), Period::default(), JST, false, None).unwrap_err();
    assert_eq!(e.to_string(), format!("{}: no such file", missing.display()));
    let e = read_logs(&[dir.path().to_path_buf()], Period::default(), JST, false, None).unwrap_err();
    assert!(e.to_string().contains("is a folder"), "{e}");

    let loaded = read_logs(&[good, bad.clone(), missing], Period::default(), JST, true, None).unwrap();
    assert_eq!(loaded.skipped.len(), 2);
    let r = aggregate(&loaded, &context(Period::default()));
    assert_eq!(r.overview.sessions, v(3));
    assert_eq!(r.skipped_files[0].file, bad.display().to_string());
    // Nothing readable at all is an error even with --skip-bad.
    assert!(read_logs(&[bad], Period::default(), JST, true, None).is_err());
}

#[test]
fn the_formats_say_the_same_numbers_in_their_own_way() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![kiosk_a().write(dir.path(), "kiosk-a"), kiosk_b().write(dir.path(), "kiosk-b")];
    let (_, r) = report_of(&paths, Period::default());
    let strings = locales();
    for lang in [Lang::Ja, Lang::En] {
        let out = dir.path().join(lang.code());
        let files = write(&r, &labels(&strings, lang), &out, &Format::ALL, None).unwrap();
        // No half-written files are left behind.
        assert!(std::fs::read_dir(&out).unwrap().all(|e| !e.unwrap().path().to_string_lossy().ends_with(".part")));

        let csv = std::fs::read_to_string(out.join("municipalities.csv")).unwrap();
        assert!(csv.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
        assert!(csv.contains("\r\n") && !csv.replace("\r\n", "").contains('\n'), "CRLF line ends only");
        let header = if lang == Lang::Ja {
            "コード,市区町村,地図タッチ数"
        } else {
            "Code,Municipality,Map touches"
        };
        assert!(csv.contains(header), "{csv}");
        let shinjuku = if lang == Lang::Ja {
            "13104,新宿区,3,<3,<3,0,3,<3,<3,6.0,0.0,17.0\r\n"
        } else {
            "13104,Shinjuku,3,<3,<3,0,3,<3,<3,6.0,0.0,17.0\r\n"
        };
        assert!(csv.contains(shinjuku), "{csv}");

        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
        assert_eq!(json["schema_version"], JSON_SCHEMA_VERSION);
        assert_eq!(json["overview"]["sessions"], 5);
        assert_eq!(json["quiz"]["completed"], "<3");
        assert_eq!(json["time_zone"], "UTC+09:00");

        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
        assert!(html.contains("<svg") && html.contains("<style>"));
        for outside in ["<script", "src=", "href=", "@import", "url("] {
            assert!(!html.contains(outside), "self-contained: found {outside}");
        }
        // Tables only: no event ids or session ids.
        assert!(!html.contains("0000-7000-8000") && !html.contains(">s1<"));

        let xlsx = std::fs::read(out.join("report.xlsx")).unwrap();
        assert_eq!(&xlsx[..2], b"PK");
        let names = String::from_utf8_lossy(&xlsx);
        for part in ["xl/worksheets/sheet5.xml", "xl/charts/chart1.xml", "xl/charts/chart3.xml", "xl/tables/table1.xml"]
        {
            assert!(names.contains(part), "{part} missing from the workbook");
        }
        assert_eq!(files.len(), 2 + 1 + sections_count(&r, &strings, lang));
    }
}

fn sections_count(r: &Report, strings: &Localizer, lang: Lang) -> usize {
    tables::sections(r, &labels(strings, lang)).iter().map(|s| s.tables.len()).sum()
}

#[test]
fn hour_totals_withhold_any_sum_with_a_withheld_part() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![kiosk_a().write(dir.path(), "kiosk-a"), kiosk_b().write(dir.path(), "kiosk-b")];
    let (_, r) = report_of(&paths, Period::default());
    let strings = locales();
    let sections = tables::sections(&r, &labels(&strings, Lang::En));
    let totals = sections.iter().flat_map(|s| &s.tables).find(|t| t.id == "sessions-per-hour").unwrap();
    // 10:00 → (3, withheld with its day) + 0; 11:00 → 0 + (withheld 2).
    assert_eq!(totals.rows[0][1], Cell::Withheld);
    assert_eq!(totals.rows[1][1], Cell::Withheld);

    // Many visitors: an hour whose parts are all shown is shown as their sum, and nothing is withheld
    // that need not be.
    let opts = crate::simulate::Options {
        sessions: 3_000,
        days: 2,
        kiosks: 2,
        seed: 5,
        first_day: crate::clock::LocalDate { year: 2013, month: 12, day: 12 },
        utc_offset_minutes: 540,
        booth_id: "b".into(),
        municipalities: vec!["13101".into(), "13104".into()],
        questions: vec!["q1".into()],
        programs: vec!["p1".into()],
    };
    let sim = tempfile::tempdir().unwrap();
    let summary = crate::simulate::run(&opts, sim.path(), &mut |_, _| {}).unwrap();
    let (_, r) = report_of(&summary.files, Period::default());
    assert!(r.overview.days.iter().all(|d| matches!(d.sessions, Shown::Value(n) if n >= 3)), "{:?}", r.overview.days);
    let sections = tables::sections(&r, &labels(&strings, Lang::En));
    let totals = sections.iter().flat_map(|s| &s.tables).find(|t| t.id == "sessions-per-hour").unwrap();
    let mut shown = 0;
    for (i, row) in totals.rows.iter().enumerate() {
        let parts: Vec<Shown<u64>> = r.overview.by_hour.iter().map(|d| d.sessions[i]).collect();
        match row[1] {
            Cell::Integer(n) => {
                assert_eq!(Some(n), parts.iter().map(|p| p.value()).sum::<Option<u64>>());
                shown += 1;
            }
            _ => assert!(parts.contains(&Shown::Withheld), "{parts:?}"),
        }
    }
    assert!(shown >= totals.rows.len() / 2, "{shown} of {} hours shown", totals.rows.len());
}

#[test]
fn format_lists_are_checked() {
    assert_eq!(Format::parse_list("csv, json,csv").unwrap(), [Format::Csv, Format::Json]);
    assert!(Format::parse_list("pdf").unwrap_err().contains("pdf"));
    assert!(Format::parse_list(" , ").is_err());
}

#[test]
fn a_row_total_less_the_shown_counts_never_gives_a_withheld_count_away() {
    use super::aggregate::with_complement;
    const W: Shown<u64> = Shown::Withheld;
    // Hours of days: a withheld day's hours never add up to it, and what the withheld days hide together
    // is 0 or at least 3.
    use super::aggregate::grid_with_complement;
    let (days, hours) = grid_with_complement(&[vec![3, 0], vec![0, 2], vec![4, 5]]);
    assert_eq!(days, vec![W, W, v(9)]);
    assert_eq!(hours, vec![vec![W, v(0)], vec![v(0), W], vec![v(4), v(5)]]);
    let (days, hours) = grid_with_complement(&[vec![6, 4, 1], vec![3, 3, 0]]);
    assert_eq!(days, vec![v(11), v(6)]);
    assert_eq!(hours, vec![vec![v(6), W, W], vec![v(3), v(3), v(0)]]);
    // One small count alone would be the total less the others: the smallest shown one goes with it.
    assert_eq!(with_complement(&[5, 1, 0, 7]), vec![W, W, v(0), v(7)]);
    // Two small ones that add up to 3 already hide each other.
    assert_eq!(with_complement(&[5, 2, 1]), vec![v(5), W, W]);
    assert_eq!(with_complement(&[4, 3, 0]), vec![v(4), v(3), v(0)]);
    assert_eq!(with_complement(&[2]), vec![W]);
    // Any row: small counts withheld, and what is withheld adds up to 0 or at least 3.
    let mut seed = 2013u64;
    for _ in 0..2_000 {
        let counts: Vec<u64> = (0..1 + seed % 9)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                [0, 0, 1, 2, 3, 4, 9][(seed >> 33) as usize % 7]
            })
            .collect();
        let shown = with_complement(&counts);
        let hidden: u64 = counts.iter().zip(&shown).filter(|(_, s)| **s == W).map(|(n, _)| n).sum();
        assert!(hidden == 0 || hidden >= 3 || hidden == counts.iter().sum::<u64>(), "{counts:?} → {shown:?}");
        for (n, s) in counts.iter().zip(&shown) {
            assert!(*s == W || *s == v(*n), "{counts:?} → {shown:?}");
            assert!(!(1..3).contains(n) || *s == W, "{counts:?} → {shown:?}");
        }
    }
}

#[test]
fn aids_are_counted_per_day_as_sessions_that_turned_them_on_and_plain_japanese_like_any_language() {
    use crate::telemetry::Aid;
    let dir = tempfile::tempdir().unwrap();
    let mut log = Log::new(0xa1d);
    log.at(jst(12, 9, 0, 0), None, Event::AppStart);
    let on = |aid| Event::AidChange { aid, on: true };
    let off = |aid| Event::AidChange { aid, on: false };
    // Day 1: four sessions with large text (one turns it on twice and off), three with read aloud,
    // one with high contrast (withheld: fewer than 3), three in plain Japanese.
    for i in 0..4 {
        let mut ev = vec![(1, on(Aid::LargeText))];
        if i == 0 {
            ev.extend([(2, off(Aid::LargeText)), (3, on(Aid::LargeText))]);
        }
        if i < 3 {
            ev.push((4, on(Aid::ReadAloud)));
            ev.push((5, Event::LanguageChange { lang: Lang::JaEasy }));
        }
        if i == 3 {
            ev.push((4, on(Aid::HighContrast)));
        }
        ev.push((9, end(SessionEndReason::StartOver)));
        log.session(&format!("d1-{i}"), jst(12, 10, i, 0), ev);
    }
    // Day 2: three sessions without aids.
    for i in 0..3 {
        log.session(&format!("d2-{i}"), jst(13, 10, i, 0), vec![(9, end(SessionEndReason::Idle))]);
    }
    let p = log.write(dir.path(), "k");
    let (_, r) = report_of(&[p], Period::default());
    let days: Vec<(String, Shown<u64>, Shown<u64>, Shown<u64>, Shown<u64>)> = r
        .overview
        .days
        .iter()
        .map(|d| (d.date.clone(), d.sessions, d.large_text, d.high_contrast, d.read_aloud))
        .collect();
    assert_eq!(
        days,
        [("2013-12-12".into(), v(4), v(4), Shown::Withheld, v(3)), ("2013-12-13".into(), v(3), v(0), v(0), v(0)),]
    );
    let easy = r.overview.languages.iter().find(|l| l.lang == "ja-x-easy").unwrap();
    assert_eq!(easy.sessions, v(3));
    // The days table says it in the report's words.
    let strings = locales();
    let sections = tables::sections(&r, &labels(&strings, Lang::En));
    let days_table = sections.iter().flat_map(|s| &s.tables).find(|t| t.id == "days").unwrap();
    let headers: Vec<&str> = days_table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        ["Date", "Sessions", "Sessions with large text", "Sessions with high contrast", "Sessions with read aloud"]
    );
}
