//! Whole visits: touch and mouse, language switching in place, the attract loop, Start over, the idle
//! reset, municipality pages and programs.

use crate::harness::*;

#[test]
fn a_visit_by_touch_and_mouse_switching_language_in_place() {
    let mut k = Kiosk::start(InitialView::default());
    assert_eq!(k.screen(), Screen::Attract);
    assert_eq!(k.lang(), Lang::Ja);

    // Any touch leaves the attract loop.
    k.tap_at(TITLE_BAND);
    assert_eq!(k.screen(), Screen::Map);

    // Tap 新宿区 on the map with a finger: its card; tap again: its page.
    let p = k.map_point("13104");
    k.tap_at(p);
    assert_eq!(k.screen(), Screen::Map);
    assert_eq!(k.card().as_deref(), Some("13104"));
    assert!(k.all_text().contains("しんじゅくく"), "the card shows the name with its kana");
    k.tap_at(p);
    assert_eq!(k.screen(), Screen::Municipality);
    assert_eq!(k.app.world().resource::<Selection>().municipality.as_deref(), Some("13104"));
    let text = k.all_text();
    assert!(text.contains("新宿区") && text.contains("346,028人") && text.contains("2022年1月1日現在"), "{text}");

    // Switch to Korean: same screen, same selection, Korean text.
    k.click_language(Lang::Ko);
    assert_eq!(k.screen(), Screen::Municipality);
    assert_eq!(k.lang(), Lang::Ko);
    assert_eq!(k.app.world().resource::<Selection>().municipality.as_deref(), Some("13104"));
    let text = k.all_text();
    assert!(text.contains("이 지역의 활동") && text.contains("346,028명") && text.contains("신주쿠구"), "{text}");
    assert!(!text.contains("この市区町村の取り組み"), "Japanese heading still on screen");

    // Take-home shows a QR of the tagged website.
    k.click::<With<TakeHomeButton>>();
    assert_eq!(k.screen(), Screen::TakeHome);
    let url = k.app.world_mut().query::<&TakeHomeQr>().single(k.app.world()).unwrap().0.clone();
    assert!(url.starts_with("https://www.city.shinjuku.lg.jp/?utm_source=midori-kiosk"), "{url}");

    // Start over: attract loop, default language, nothing selected.
    k.click::<With<StartOverButton>>();
    assert_eq!(k.screen(), Screen::Attract);
    assert_eq!(k.lang(), Lang::Ja);
    assert_eq!(k.app.world().resource::<Selection>().municipality, None);
}

#[test]
fn the_attract_loop_is_the_map_and_a_touch_on_a_municipality_opens_its_card() {
    let mut k = Kiosk::start(InitialView::default());
    assert_eq!(k.screen(), Screen::Attract);
    // The map is drawn under the invitation: every municipality has its shape.
    let shapes = k.app.world_mut().query::<&midori_kiosk::kiosk::map_view::AreaShape>().iter(k.app.world()).count();
    assert!(shapes >= 62, "{shapes} shapes on the attract loop");
    // The ghost opens the card of the first featured municipality with one of its own programs, in the
    // booth's language while the call to action is in it too.
    k.frames(45);
    let booth = k.app.world().resource::<midori_kiosk::kiosk::Content>().0.clone();
    let first = &booth.municipalities.list[0];
    let text = k.all_text();
    assert!(
        text.contains("画面にさわってスタート")
            && text.contains(booth.own_programs_of(&first.code)[0].title.get(Lang::Ja)),
        "{text}"
    );
    assert_eq!(k.card().as_deref(), Some(first.code.as_str()), "the map lifts the municipality the ghost tapped");
    // A touch on 八王子市 starts the visit with its card open, logged in the visit's session.
    let p = k.map_point("13201");
    k.tap_at(p);
    assert_eq!(k.screen(), Screen::Map);
    assert_eq!(k.card().as_deref(), Some("13201"));
    k.frames(2);
    let events = numbered(&k.stamped());
    assert_eq!(
        events[..4].to_vec(),
        vec![
            (Event::SessionStart, 1),
            (Event::ScreenView { screen: ScreenName::Map }, 1),
            (Event::MapTouch { code: Some("13201".into()) }, 1),
            (Event::MunicipalitySelect { code: "13201".into(), how: SelectHow::Map }, 1),
        ]
    );
    // Start over, then a touch on the title: the map with nothing selected, and nothing logged for it.
    k.click::<With<StartOverButton>>();
    assert_eq!(k.screen(), Screen::Attract);
    k.tap_at(TITLE_BAND);
    assert_eq!(k.screen(), Screen::Map);
    assert_eq!(k.card(), None);
    assert_eq!(k.events().iter().filter(|e| matches!(e, Event::MunicipalitySelect { .. })).count(), 1);
}

#[test]
fn after_start_over_the_call_to_action_begins_in_the_booths_language() {
    let mut k = Kiosk::start(InitialView::default());
    let touch_ja = "画面にさわってスタート";
    k.tap_at(TITLE_BAND);
    // Long enough on the map for the old clock to have reached another language of the cycle.
    k.frames(70);
    k.click::<With<StartOverButton>>();
    assert_eq!(k.screen(), Screen::Attract);
    k.frames(2);
    assert!(k.all_text().contains(touch_ja), "{}", k.all_text());
    // Six seconds later the next language.
    k.frames(62);
    assert!(!k.all_text().contains(touch_ja));
}

#[test]
fn idle_warning_counts_down_and_returns_to_attract() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    let frames_per_s = (1.0 / FRAME.as_secs_f32()) as usize;
    k.frames(55 * frames_per_s);
    assert_eq!(k.overlays(), 0, "no warning before 60 s");
    k.frames(6 * frames_per_s);
    assert_eq!(k.overlays(), 1, "warning after 60 s");
    assert!(k.all_text().contains("秒後に、はじめの画面にもどります"));
    // "Continue" keeps the visitor where they were.
    k.click::<With<ContinueButton>>();
    assert_eq!(k.overlays(), 0);
    assert_eq!(k.screen(), Screen::Map);
    // Nobody answers this time: 60 s + 20 s later the attract loop is back.
    k.frames(79 * frames_per_s);
    assert_eq!(k.screen(), Screen::Map);
    k.frames(2 * frames_per_s);
    assert_eq!(k.screen(), Screen::Attract);
    // A heartbeat each minute, with frame-time percentiles.
    let beats = k.events().iter().filter(|e| matches!(e, Event::Heartbeat { uptime_s, .. } if *uptime_s >= 60)).count();
    assert!(beats >= 2, "{beats} heartbeats in over two minutes");
}

/// Program cards on screen, top to bottom then left to right, with their centres.

#[test]
fn a_municipality_page_lists_its_own_programs_first_and_a_program_opens_with_its_qr_code() {
    let (booth, _) =
        midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap();
    let own: Vec<String> = booth.own_programs_of("13104").iter().map(|p| p.id.clone()).collect();
    let joint: Vec<String> = booth.joint_programs().map(|p| p.id.clone()).collect();
    assert!(!own.is_empty(), "新宿区 has programs of its own");
    let mut k = Kiosk::start(InitialView {
        screen: Screen::Municipality,
        municipality: Some("13104".into()),
        ..InitialView::default()
    });
    let cards = program_cards(&mut k);
    let ids: Vec<String> = cards.iter().map(|c| c.0.clone()).collect();
    assert_eq!(ids, [own.clone(), joint].concat(), "its own programs come first, then the joint ones");
    let text = k.all_text();
    assert!(text.contains("この市区町村の取り組み") && text.contains("62市区町村すべてで取り組んでいること"), "{text}");
    // The locator map: a dot for each of the 62, this one in the highlight colour.
    {
        use midori_kiosk::kiosk::screens::municipality::Locator;
        let locator =
            k.app.world_mut().query_filtered::<&Children, With<Locator>>().single(k.app.world()).unwrap().to_vec();
        assert_eq!(locator.len(), 62);
        let highlighted = locator
            .iter()
            .filter(|e| {
                k.app
                    .world()
                    .get::<BackgroundColor>(**e)
                    .is_some_and(|b| b.0 == midori_kiosk::kiosk::theme::palette::ACCENT)
            })
            .count();
        assert_eq!(highlighted, 1);
    }

    k.click_at(cards[0].1);
    assert_eq!(k.screen(), Screen::Program);
    let p = booth.program(&own[0]).unwrap();
    let url = k.app.world_mut().query::<&TakeHomeQr>().single(k.app.world()).unwrap().0.clone();
    assert_eq!(Some(url), booth.program_link(p), "the QR code is the link `check` validated");
    let text = k.all_text();
    assert!(text.contains(p.summary.get(Lang::Ja)) && text.contains(&p.source.publisher), "{text}");
    let events = k.events();
    assert_eq!(count(&events, |e| *e == Event::ProgramView { id: own[0].clone() }), 1);
    assert_eq!(count(&events, |e| *e == Event::QrShown { target: QrTarget::Program(own[0].clone()) }), 1);

    // A language switch rebuilds the screen: still one view, one QR code, one screen view.
    let views_before = count(&events, |e| matches!(e, Event::ScreenView { .. }));
    k.click_language(Lang::En);
    assert_eq!(k.screen(), Screen::Program);
    assert!(k.all_text().contains(p.title.get(Lang::En)));
    let events = k.events();
    assert_eq!(count(&events, |e| matches!(e, Event::ProgramView { .. })), 1);
    assert_eq!(count(&events, |e| matches!(e, Event::QrShown { .. })), 1);
    assert_eq!(count(&events, |e| matches!(e, Event::ScreenView { .. })), views_before);

    // Back on the page, the page's own take-home is the website.
    k.click::<With<midori_kiosk::kiosk::top_bar::BackButton>>();
    assert_eq!(k.screen(), Screen::Municipality);
    k.click::<With<TakeHomeButton>>();
    let url = k.app.world_mut().query::<&TakeHomeQr>().single(k.app.world()).unwrap().0.clone();
    assert!(url.starts_with("https://www.city.shinjuku.lg.jp/?utm_source"), "{url}");
}

#[test]
fn a_joint_program_opens_from_any_page_and_is_tagged_as_joint() {
    let (mut booth, strings) =
        midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap();
    let i = booth.programs.iter().position(|p| p.municipality.is_none()).unwrap();
    booth.programs[i].url = Some("https://all62.jp/".into());
    let id = booth.programs[i].id.clone();
    let startup = LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) };
    let mut k = Kiosk::with(
        startup,
        InitialView { screen: Screen::Municipality, municipality: Some("13402".into()), ..InitialView::default() },
    );
    let card = program_cards(&mut k).into_iter().find(|c| c.0 == id).unwrap();
    k.click_at(card.1);
    let url = k.app.world_mut().query::<&TakeHomeQr>().single(k.app.world()).unwrap().0.clone();
    assert_eq!(
        url,
        "https://all62.jp/?utm_source=midori-kiosk&utm_medium=qr&utm_campaign=ecoproducts&utm_content=all-kiosk-01"
    );
    assert!(k.events().contains(&Event::QrShown { target: QrTarget::Program(id) }));
}

#[test]
fn the_three_ways_to_a_municipality_page_log_one_choice_each() {
    use midori_kiosk::kiosk::screens::map::MoreButton;
    let selects = |k: &Kiosk| -> Vec<(String, SelectHow)> {
        k.events()
            .into_iter()
            .filter_map(|e| match e {
                Event::MunicipalitySelect { code, how } => Some((code, how)),
                _ => None,
            })
            .collect()
    };
    let on_page = |k: &mut Kiosk, code: &str| {
        assert_eq!(k.screen(), Screen::Municipality);
        assert_eq!(k.app.world().resource::<Selection>().municipality.as_deref(), Some(code));
    };
    // A second tap on the open card's municipality.
    let mut k = Kiosk::start(InitialView::default());
    k.tap_at(TITLE_BAND);
    k.open_on_map("13101");
    on_page(&mut k, "13101");
    assert_eq!(selects(&k), [("13101".to_string(), SelectHow::Map)]);
    // The card's More button: the same choice, logged once.
    let mut k = Kiosk::start(InitialView::default());
    k.tap_at(TITLE_BAND);
    let p = k.map_point("13101");
    k.tap_at(p);
    k.click::<With<MoreButton>>();
    on_page(&mut k, "13101");
    assert_eq!(selects(&k), [("13101".to_string(), SelectHow::Map)]);
    // The list, even with that municipality's card already open: a choice made another way.
    k.click::<With<StartOverButton>>();
    k.tap_at(TITLE_BAND);
    let p = k.map_point("13101");
    k.tap_at(p);
    k.click::<With<ListOpenButton>>();
    let p = k.list_button_centre("13101");
    k.tap_at(p);
    on_page(&mut k, "13101");
    assert_eq!(
        selects(&k),
        [
            ("13101".to_string(), SelectHow::Map),
            ("13101".to_string(), SelectHow::Map),
            ("13101".to_string(), SelectHow::List)
        ]
    );
    // Back on the map, the page's municipality is the card that is open.
    k.click::<With<midori_kiosk::kiosk::top_bar::BackButton>>();
    assert_eq!(k.screen(), Screen::Map);
    k.frames(2);
    let cards = k.app.world_mut().query_filtered::<(), With<MoreButton>>().iter(k.app.world()).count();
    assert_eq!(cards, 1, "the card of the chosen municipality is open");
    assert_eq!(k.app.world().resource::<Selection>().municipality.as_deref(), Some("13101"));
}
