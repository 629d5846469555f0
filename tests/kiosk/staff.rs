//! Staff: the corner hold, the PIN pad and its lock, the showcase with its schedule, and the staff panel.

use crate::harness::*;
use midori_kiosk::clock::days_from_civil;
use midori_kiosk::kiosk::screens::staff_panel::ShowcaseButton;
use midori_kiosk::kiosk::screens::staff_pin::PinKey;
use midori_kiosk::kiosk::staff::{BoothClock, Showcase};
use midori_kiosk::telemetry::{Event, ShowcaseOrigin};

fn staff_kiosk(screen: Screen) -> Kiosk {
    let (mut booth, strings) =
        midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap();
    // Few rounds keep the debug build fast; the kiosk accepts any hash of ≥ 10 000 rounds.
    booth.settings.staff_pin_hash = Some(midori_kiosk::staff::hash_pin("2468", 10_000, b"test-salt-123456"));
    Kiosk::with(
        LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) },
        InitialView { screen, ..InitialView::default() },
    )
}

fn press(k: &mut Kiosk, key: PinKey) {
    let mut q = k.app.world_mut().query::<(&PinKey, &UiGlobalTransform)>();
    let p = q.iter(k.app.world()).find(|(x, _)| **x == key).map(|(_, t)| t.affine().translation).unwrap();
    k.click_at(p);
}

fn enter(k: &mut Kiosk, pin: &str) {
    for c in pin.chars() {
        press(k, PinKey::Digit(c));
    }
    press(k, PinKey::Ok);
}

/// Sets the booth clock to a local time on 2013-12-12.
fn set_booth_time(k: &mut Kiosk, hour: i64, minute: i64) {
    let target = (days_from_civil(2013, 12, 12) * 1440 + hour * 60 + minute - 540) * 60_000 + 1_000;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    k.app.world_mut().resource_mut::<BoothClock>().offset_ms = target - now;
    k.frames(2);
}

#[test]
fn holding_the_corner_for_3_seconds_opens_the_pin_pad() {
    let mut k = staff_kiosk(Screen::Map);
    let window = k.window();
    let touch = |phase| TouchInput { phase, position: Vec2::new(15.0, 15.0), window, force: None, id: 3 };
    k.app.world_mut().write_message(touch(TouchPhase::Started));
    k.frames(20); // 2 s
    assert_eq!(k.screen(), Screen::Map, "a short hold does nothing");
    k.frames(12);
    assert_eq!(k.screen(), Screen::StaffPin);
    k.app.world_mut().write_message(touch(TouchPhase::Ended));
    k.frames(2);
}

#[test]
fn five_wrong_pins_lock_the_pad_then_the_right_pin_opens_the_panel() {
    let mut k = staff_kiosk(Screen::StaffPin);
    for _ in 0..5 {
        enter(&mut k, "1111");
        assert_eq!(k.screen(), Screen::StaffPin);
    }
    assert!(k.all_text().contains("ロック中です。30秒後"), "{}", k.all_text());
    enter(&mut k, "2468");
    assert_eq!(k.screen(), Screen::StaffPin, "while locked, even the right PIN is refused");
    let fails = k.events().iter().filter(|e| **e == Event::StaffLoginFail).count();
    assert_eq!(fails, 5, "every wrong attempt is logged, without its digits");
    k.frames(310); // 31 s
    enter(&mut k, "2468");
    assert_eq!(k.screen(), Screen::StaffPanel);
    assert!(k.events().contains(&Event::StaffLoginOk));
}

#[test]
fn staff_choice_holds_until_the_next_slot_then_the_schedule_takes_over() {
    let mut k = staff_kiosk(Screen::StaffPanel);
    set_booth_time(&mut k, 10, 30);
    assert_eq!(k.app.world().resource::<Showcase>().current.as_deref(), Some("13101"));
    assert!(
        k.events().contains(&Event::ShowcaseChange { code: Some("13101".into()), origin: ShowcaseOrigin::Schedule })
    );

    let p = {
        let mut q = k.app.world_mut().query::<(&ShowcaseButton, &UiGlobalTransform)>();
        q.iter(k.app.world())
            .find(|(b, _)| b.0.as_deref() == Some("13104"))
            .map(|(_, t)| t.affine().translation)
            .unwrap()
    };
    k.click_at(p);
    let s = k.app.world().resource::<Showcase>().clone();
    assert_eq!((s.current.as_deref(), s.origin), (Some("13104"), Some(ShowcaseOrigin::Staff)));
    assert!(k.events().contains(&Event::ShowcaseChange { code: Some("13104".into()), origin: ShowcaseOrigin::Staff }));

    set_booth_time(&mut k, 11, 59);
    assert_eq!(
        k.app.world().resource::<Showcase>().current.as_deref(),
        Some("13104"),
        "the staff choice holds within the slot"
    );
    set_booth_time(&mut k, 12, 0);
    let s = k.app.world().resource::<Showcase>().clone();
    assert_eq!((s.current.as_deref(), s.origin), (Some("13201"), Some(ShowcaseOrigin::Schedule)));
    assert!(
        k.events().contains(&Event::ShowcaseChange { code: Some("13201".into()), origin: ShowcaseOrigin::Schedule })
    );
    set_booth_time(&mut k, 18, 0);
    assert_eq!(k.app.world().resource::<Showcase>().current, None, "after the last slot nothing is featured");
}

#[test]
fn the_attract_loop_features_the_showcased_municipality() {
    let mut k = staff_kiosk(Screen::Attract);
    set_booth_time(&mut k, 15, 0); // 小笠原村's slot
    k.frames(50); // well into the first demo, card shown, in the booth's language
    assert_eq!(k.card().as_deref(), Some("13421"), "the map lifts the showcased municipality");
    assert!(k.all_text().contains("小笠原村"), "{}", k.all_text());
}

#[test]
fn staff_find_a_municipality_by_its_initial_kana() {
    use midori_kiosk::kiosk::screens::staff_panel::KanaFilterButton;
    let mut k = staff_kiosk(Screen::StaffPanel);
    let shown = |k: &mut Kiosk| -> Vec<String> {
        let mut q = k.app.world_mut().query::<&ShowcaseButton>();
        q.iter(k.app.world()).filter_map(|b| b.0.clone()).collect()
    };
    assert_eq!(shown(&mut k).len(), 62);
    let p = {
        let mut q = k.app.world_mut().query::<(&KanaFilterButton, &UiGlobalTransform)>();
        q.iter(k.app.world()).find(|(b, _)| b.0 == Some(3)).map(|(_, t)| t.affine().translation).unwrap()
    };
    k.click_at(p); // た row
    let codes = shown(&mut k);
    assert!(codes.contains(&"13106".to_owned()), "台東区 (たいとうく)");
    assert!(codes.contains(&"13101".to_owned()), "千代田区 (ちよだく)");
    assert!(codes.contains(&"13116".to_owned()), "豊島区 (としまく)");
    assert!(!codes.contains(&"13104".to_owned()), "新宿区 (しんじゅくく) is in the さ row");
    let (booth, _) =
        midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap();
    let expected = booth
        .municipalities
        .list
        .iter()
        .filter(|m| "たちつてとだぢづでど".contains(m.name_kana.chars().next().unwrap()))
        .count();
    assert_eq!(codes.len(), expected);
}

#[test]
fn a_clock_jump_is_detected_and_shown_on_the_panel() {
    use midori_kiosk::kiosk::health::ClockWatch;
    use midori_kiosk::telemetry::ErrorKind;
    let mut k = staff_kiosk(Screen::StaffPanel);
    assert_eq!(k.app.world().resource::<ClockWatch>().jumped_ms, 0);
    k.app.world_mut().resource_mut::<BoothClock>().offset_ms = -600_000;
    k.frames(2);
    let jumped = k.app.world().resource::<ClockWatch>().jumped_ms;
    assert!((-601_000..=-599_000).contains(&jumped), "{jumped}");
    assert!(k.events().contains(&Event::Error { kind: ErrorKind::Clock }));
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
    k.frames(2);
    assert!(k.all_text().contains("警告：時計が-10分ずれました"), "{}", k.all_text());
}

#[test]
fn the_panel_counts_todays_visitors_from_the_events_and_a_new_day_starts_at_zero() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    k.open_on_map("13104");
    k.click::<With<StartOverButton>>();
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.frames(3);
    k.open_on_map("13104");
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.frames(3);
    k.open_on_map("13421");
    let events = k.events();
    let count = |f: &dyn Fn(&Event) -> bool| events.iter().filter(|e| f(e)).count();
    let sessions = count(&|e| *e == Event::SessionStart);
    let shinjuku = count(&|e| matches!(e, Event::MunicipalitySelect { code, .. } if code == "13104"));
    assert!(sessions >= 2 && shinjuku >= 2, "{events:?}");
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
    k.frames(3);
    let text = k.all_text().replace(['\u{2068}', '\u{2069}'], "");
    assert!(text.contains(&format!("来場者セッション：{sessions}")), "{text}");
    assert!(text.contains(&format!("1. 新宿区 ({shinjuku})")), "{text}");
    assert!(text.contains("2. 小笠原村 (1)"), "{text}");
    // Tomorrow, before anyone touches the screen, the panel starts from zero.
    k.app.world_mut().resource_mut::<BoothClock>().offset_ms = 86_400_000;
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
    k.frames(3);
    let text = k.all_text().replace(['\u{2068}', '\u{2069}'], "");
    assert!(text.contains("来場者セッション：0") && !text.contains("新宿区 ("), "{text}");
}

#[test]
fn more_time_for_school_groups_triples_the_idle_wait_until_staff_turn_it_off() {
    use midori_kiosk::kiosk::MoreTime;
    use midori_kiosk::kiosk::screens::staff_panel::MoreTimeButton;
    let mut k = staff_kiosk(Screen::StaffPanel);
    k.frames(3);
    assert!(k.all_text().contains("団体向けに待ち時間を延ばす（3倍）：オフ"), "{}", k.all_text());
    k.click::<With<MoreTimeButton>>();
    k.frames(2);
    assert_eq!(*k.app.world().resource::<MoreTime>(), MoreTime(true));
    assert!(k.all_text().contains("団体向けに待ち時間を延ばす（3倍）：オン"));
    // A visitor screen: no warning at 61 s (it comes at 180 s now), and a visit's end keeps the mode.
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.seconds(61);
    assert_eq!(k.overlays(), 0, "more time: no warning after 61 s");
    k.seconds(120);
    assert_eq!(k.overlays(), 1, "more time: the warning after 180 s");
    k.seconds(21);
    assert_eq!(k.screen(), Screen::Attract, "the countdown itself stays 20 s");
    assert_eq!(*k.app.world().resource::<MoreTime>(), MoreTime(true), "the mode outlives the visit");
    // Off again: 60 s as before.
    k.app.world_mut().resource_mut::<MoreTime>().0 = false;
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.seconds(61);
    assert_eq!(k.overlays(), 1);
}
