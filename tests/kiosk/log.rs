//! The interaction log: sessions, the exact rows of a visit in SQLite, the report made from visits, and
//! a log deleted under the running kiosk.

use crate::harness::*;

#[test]
fn a_visit_is_one_session_from_the_first_touch_to_start_over() {
    let mut k = Kiosk::start(InitialView::default());
    k.tap_at(TITLE_BAND);
    k.open_on_map("13101");
    k.click_language(Lang::En);
    k.click::<With<StartOverButton>>();
    assert_eq!(
        numbered(&k.stamped()),
        vec![
            (Event::SessionStart, 1),
            (Event::ScreenView { screen: ScreenName::Map }, 1),
            (Event::MapTouch { code: Some("13101".into()) }, 1),
            (Event::MunicipalitySelect { code: "13101".into(), how: SelectHow::Map }, 1),
            (Event::MapTouch { code: Some("13101".into()) }, 1),
            (Event::ScreenView { screen: ScreenName::Municipality }, 1),
            // Switching language rebuilds the screen in place: not a new screen view.
            (Event::LanguageChange { lang: Lang::En }, 1),
            (Event::SessionEnd { reason: SessionEndReason::StartOver }, 1),
            (Event::ScreenView { screen: ScreenName::Attract }, 0),
        ]
    );
}

#[test]
fn a_touch_after_the_quiet_gap_starts_a_new_session_without_a_reset() {
    let mut k = Kiosk::start(InitialView::default());
    k.tap_at(TITLE_BAND);
    assert_eq!(k.screen(), Screen::Map);
    // 35 s without a touch: past the 30 s quiet gap, before the 60 s idle warning.
    k.frames(330);
    let p = k.map_point("13104");
    k.tap_at(p);
    assert_eq!(
        numbered(&k.stamped()),
        vec![
            (Event::SessionStart, 1),
            (Event::ScreenView { screen: ScreenName::Map }, 1),
            (Event::SessionEnd { reason: SessionEndReason::QuietGap }, 1),
            (Event::SessionStart, 2),
            (Event::MapTouch { code: Some("13104".into()) }, 2),
            (Event::MunicipalitySelect { code: "13104".into(), how: SelectHow::Map }, 2),
        ]
    );
}

#[test]
fn thinking_over_a_quiz_question_longer_than_the_quiet_gap_keeps_one_session() {
    let mut k = Kiosk::start(InitialView::default());
    k.tap_at(TITLE_BAND);
    k.click::<With<midori_kiosk::kiosk::screens::map::QuizOpenButton>>();
    k.click::<With<QuizStartButton>>();
    assert_eq!(k.screen(), Screen::QuizQuestion);
    // 50 s on the first question: past the 30 s quiet gap, within the quiz's 120 s idle limit.
    k.frames(500);
    let right = k.correct_position();
    k.click_choice(right);
    let events = numbered(&k.stamped());
    assert!(!events.iter().any(|(e, _)| matches!(e, Event::SessionEnd { .. })), "{events:?}");
    let sessions: std::collections::BTreeSet<usize> = events
        .iter()
        .filter(|(e, _)| matches!(e, Event::QuizStart | Event::QuizAnswer { .. }))
        .map(|(_, n)| *n)
        .collect();
    assert_eq!(sessions.len(), 1, "the round's start and answers are in one session: {events:?}");
    assert!(events.iter().any(|(e, _)| matches!(e, Event::QuizAnswer { .. })));
}

#[test]
fn an_idle_reset_ends_the_session_as_idle() {
    let mut k = Kiosk::start(InitialView::default());
    k.tap_at(TITLE_BAND);
    k.frames(600 + 200 + 10);
    assert_eq!(k.screen(), Screen::Attract);
    assert_eq!(
        numbered(&k.stamped()),
        vec![
            (Event::SessionStart, 1),
            (Event::ScreenView { screen: ScreenName::Map }, 1),
            (Event::IdleWarning, 1),
            (Event::IdleReset, 1),
            (Event::SessionEnd { reason: SessionEndReason::Idle }, 1),
            (Event::ScreenView { screen: ScreenName::Attract }, 0),
        ]
    );
}

#[test]
fn a_visit_lands_in_the_sqlite_log_as_the_exact_rows_expected() {
    use midori_kiosk::telemetry::read_all;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk-01.sqlite");
    let mut k = Kiosk::logging_to(&path);
    k.tap_at(TITLE_BAND);
    k.click::<With<ListOpenButton>>();
    let p = k.list_button_centre("13361");
    k.tap_at(p);
    k.click::<With<TakeHomeButton>>();
    k.click::<With<StartOverButton>>();
    k.app.world().resource::<midori_kiosk::kiosk::event_bus::EventLog>().0.flush();

    let rows = read_all(&rusqlite::Connection::open(&path).unwrap()).unwrap();
    let stamped: Vec<(Event, Option<String>)> = rows.iter().map(|r| (r.event.clone(), r.session_id.clone())).collect();
    assert_eq!(stamped.first().map(|(e, _)| e.clone()), Some(Event::AppStart));
    assert_eq!(
        numbered(&stamped),
        vec![
            (Event::SessionStart, 1),
            (Event::ScreenView { screen: ScreenName::Map }, 1),
            (Event::MunicipalitySelect { code: "13361".into(), how: SelectHow::List }, 1),
            (Event::ScreenView { screen: ScreenName::Municipality }, 1),
            (Event::QrShown { target: QrTarget::Municipality("13361".into()) }, 1),
            (Event::ScreenView { screen: ScreenName::TakeHome }, 1),
            (Event::SessionEnd { reason: SessionEndReason::StartOver }, 1),
            (Event::ScreenView { screen: ScreenName::Attract }, 0),
        ]
    );
    // Every row carries a distinct UUID and the schema version; no row has free text.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (n, distinct): (i64, i64) = conn
        .query_row("SELECT COUNT(*), COUNT(DISTINCT uuid) FROM events", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(n, distinct);
    let kiosks: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM events WHERE kiosk_id = 'kiosk-01' AND schema = ?1",
            [midori_kiosk::telemetry::SCHEMA_VERSION],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kiosks, n);
}

#[test]
fn three_visits_that_open_a_program_and_switch_language_count_once_each_in_the_report() {
    use midori_kiosk::clock::LocalClock;
    use midori_kiosk::report::{Context, Period, aggregate, read_logs};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk-01.sqlite");
    let mut k = Kiosk::logging_to(&path);
    let booth = k.app.world().resource::<midori_kiosk::kiosk::Content>().0.clone();
    let program = booth.own_programs_of("13104")[0].id.clone();
    for _ in 0..3 {
        k.tap_at(TITLE_BAND);
        k.open_on_map("13104");
        assert_eq!(k.screen(), Screen::Municipality);
        let card = program_cards(&mut k).into_iter().find(|c| c.0 == program).unwrap();
        k.tap_at(card.1);
        assert_eq!(k.screen(), Screen::Program);
        // Reading it in two more languages is still one view of one QR code.
        k.click_language(Lang::En);
        k.click_language(Lang::ZhHans);
        k.click::<With<StartOverButton>>();
        assert_eq!(k.screen(), Screen::Attract);
    }
    k.app.world().resource::<midori_kiosk::kiosk::event_bus::EventLog>().0.flush();
    let clock = LocalClock { utc_offset_minutes: booth.settings.event.utc_offset_minutes };
    let loaded = read_logs(&[path], Period::default(), clock, false, None).unwrap();
    let r = aggregate(&loaded, &Context::from_booth(&booth, Period::default()));
    let shinjuku = r.municipalities.iter().find(|m| m.code == "13104").unwrap();
    assert_eq!(shinjuku.program_views.value(), Some(3), "{shinjuku:?}");
    assert_eq!(shinjuku.detail_views.value(), Some(3), "{shinjuku:?}");
    let by_program = r.take_home.by_program.iter().find(|t| t.target == program).unwrap();
    assert_eq!(by_program.qr_shown.value(), Some(3));
    assert_eq!(r.take_home.by_kind.iter().find(|t| t.target == "program").unwrap().qr_shown.value(), Some(3));
}

#[test]
fn a_log_deleted_under_the_running_kiosk_is_recreated_and_the_staff_panel_says_so() {
    use midori_kiosk::telemetry::read_all;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk-01.sqlite");
    let mut k = Kiosk::logging_to(&path);
    k.tap_at(TITLE_BAND);
    k.app.world().resource::<midori_kiosk::kiosk::event_bus::EventLog>().0.flush();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    // Visitors keep being served.
    k.open_on_map("13104");
    assert_eq!(k.screen(), Screen::Municipality);
    k.app.world().resource::<midori_kiosk::kiosk::event_bus::EventLog>().0.flush();
    let events: Vec<Event> =
        read_all(&rusqlite::Connection::open(&path).unwrap()).unwrap().into_iter().map(|r| r.event).collect();
    assert_eq!(events.first(), Some(&Event::AppStart), "what was saved before the deletion is in the new file");
    assert!(events.contains(&Event::MunicipalitySelect { code: "13104".into(), how: SelectHow::Map }));
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
    k.frames(4);
    assert!(k.all_text().contains("記録ファイルが消されたため作り直しました"), "{}", k.all_text());
}
