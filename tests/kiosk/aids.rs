//! The visitor's aids (#16): やさしい日本語, large text, high contrast and read aloud, each from the top
//! bar, logged, and gone at the end of the visit.

use crate::harness::*;
use bevy::prelude::*;
use midori_kiosk::kiosk::aids::{Aids, LARGE_TEXT_FACTOR, ScrollHint, ScrollingBody};
use midori_kiosk::kiosk::speech::{ReadAloud, ReadAloudButton, SpeechSettings};
use midori_kiosk::kiosk::theme::{high_contrast, palette};
use midori_kiosk::kiosk::top_bar::{AidButton, StartOverButton};
use midori_kiosk::kiosk::{InitialView, Screen, Selection};
use midori_kiosk::lang::Lang;
use midori_kiosk::speech::{Output, Utterance, Wav};
use midori_kiosk::telemetry::{Aid, Event};

fn page_of(code: &str, lang: Lang) -> Kiosk {
    let mut k = Kiosk::start(InitialView {
        screen: Screen::Municipality,
        lang: Some(lang),
        municipality: Some(code.into()),
        ..InitialView::default()
    });
    k.frames(3);
    k
}

fn click_aid(k: &mut Kiosk, aid: Aid) {
    let mut q = k.app.world_mut().query::<(&AidButton, &UiGlobalTransform)>();
    let p = q.iter(k.app.world()).find(|(b, _)| b.0 == aid).map(|(_, t)| t.affine().translation).unwrap();
    k.click_at(p);
    k.frames(3);
}

/// Font size of the text that reads `text` exactly.
fn size_of(k: &mut Kiosk, text: &str) -> f32 {
    let mut q = k.app.world_mut().query::<(&Text, &TextFont)>();
    let (_, f) = q.iter(k.app.world()).find(|(t, _)| t.0 == text).unwrap_or_else(|| panic!("no {text:?}"));
    match f.font_size {
        bevy::text::FontSize::Px(s) => s,
        other => panic!("{other:?}"),
    }
}

fn colour_of(k: &mut Kiosk, text: &str) -> Color {
    let mut q = k.app.world_mut().query::<(&Text, &TextColor)>();
    q.iter(k.app.world()).find(|(t, _)| t.0 == text).map(|(_, c)| c.0).unwrap()
}

#[test]
fn plain_japanese_is_a_fifth_language_with_readings_and_it_counts_like_any_other() {
    let mut k = page_of("13101", Lang::Ja);
    k.click_language(Lang::JaEasy);
    k.frames(3);
    assert_eq!((k.lang(), k.screen()), (Lang::JaEasy, Screen::Municipality));
    let text = k.all_text();
    // The page title with its reading, the programs and UI in plain Japanese.
    assert!(text.contains("千代田区（ちよだく）"), "{text}");
    assert!(text.contains("みんなで そうじする 日"), "{text}");
    assert!(text.contains("くわしく 見る"), "{text}");
    assert!(k.events().contains(&Event::LanguageChange { lang: Lang::JaEasy }));
    // Every text on the page follows the house style (readings, no honorifics, short sentences), except
    // the names and data that are the same in Japanese (a URL, a date, the kana line).
    let mut q = k.app.world_mut().query::<&Text>();
    for t in q.iter(k.app.world()) {
        let broken: Vec<_> = midori_kiosk::plain_japanese::problems(&t.0)
            .into_iter()
            .filter(|p| matches!(p, midori_kiosk::plain_japanese::StyleProblem::NoReading(_)))
            .collect();
        // The language buttons name languages, each in its own.
        // The big name stands under its kana line, which is its reading.
        if !["日本語", "简体中文", "한국어", "千代田区"].contains(&t.0.as_str()) {
            assert!(broken.is_empty(), "{:?}: {broken:?}", t.0);
        }
    }
    // Start over goes back to the booth's default language.
    k.click::<With<StartOverButton>>();
    k.frames(3);
    assert_eq!(k.lang(), Lang::Ja);
}

#[test]
fn large_text_makes_every_text_below_the_top_bar_larger_and_the_page_scrolls_until_the_visit_ends() {
    let mut k = page_of("13104", Lang::En);
    let before = size_of(&mut k, "Its own programs");
    let bar_before = size_of(&mut k, "Start over");
    click_aid(&mut k, Aid::LargeText);
    assert!(k.app.world().resource::<Aids>().large_text);
    let after = size_of(&mut k, "Its own programs");
    assert!((after / before - LARGE_TEXT_FACTOR).abs() < 1e-3, "{before} → {after}");
    assert_eq!(size_of(&mut k, "Start over"), bar_before, "the top bar keeps its size");
    assert!(k.events().contains(&Event::AidChange { aid: Aid::LargeText, on: true }));
    // The same screen, rebuilt: not a second view.
    assert_eq!(count(&k.events(), |e| matches!(e, Event::ScreenView { .. })), 1);
    // The page no longer fits: a drag scrolls it.
    let (body, scroll) = {
        let w = k.app.world_mut();
        let mut q = w.query_filtered::<(Entity, &ScrollPosition), With<ScrollingBody>>();
        q.single(w).map(|(e, s)| (e, s.y)).unwrap()
    };
    assert_eq!(scroll, 0.0);
    midori_kiosk::kiosk::drive::drag(&mut k.app, Vec2::new(600.0, 900.0), Vec2::new(600.0, 500.0), 8);
    k.frames(2);
    let scrolled = k.app.world().get::<ScrollPosition>(body).unwrap().y;
    assert!(scrolled > 50.0, "dragged 400 px up, scrolled {scrolled} mm");
    // "More below" shows while there is more, and goes at the end.
    let hint = |k: &mut Kiosk| {
        let w = k.app.world_mut();
        let mut q = w.query_filtered::<&Visibility, With<ScrollHint>>();
        *q.single(w).unwrap()
    };
    assert_eq!(hint(&mut k), Visibility::Inherited);
    k.app.world_mut().get_mut::<ScrollPosition>(body).unwrap().y = 10_000.0;
    k.frames(3);
    assert_eq!(hint(&mut k), Visibility::Hidden);
    // Off again: back to the shipped size.
    click_aid(&mut k, Aid::LargeText);
    assert_eq!(size_of(&mut k, "Its own programs"), before);
    // On, then the visit ends: the next visitor starts without it.
    click_aid(&mut k, Aid::LargeText);
    k.click::<With<StartOverButton>>();
    k.frames(3);
    assert_eq!(*k.app.world().resource::<Aids>(), Aids::default());
}

#[test]
fn high_contrast_maps_the_palette_until_turned_off_or_the_visit_ends() {
    let mut k = page_of("13104", Lang::Ja);
    let heading = "この市区町村の取り組み";
    assert_eq!(colour_of(&mut k, heading), palette::PRIMARY);
    click_aid(&mut k, Aid::HighContrast);
    assert_eq!(colour_of(&mut k, heading), high_contrast::PRIMARY);
    assert_eq!(k.app.world().resource::<ClearColor>().0, high_contrast::PAPER);
    // A pressed button stays in the high-contrast palette.
    let mut q = k.app.world_mut().query::<&midori_kiosk::kiosk::widgets::PressColors>();
    assert!(q.iter(k.app.world()).all(|p| high_contrast::fill(p.normal) == p.normal));
    click_aid(&mut k, Aid::HighContrast);
    assert_eq!(colour_of(&mut k, heading), palette::PRIMARY);
    assert_eq!(k.app.world().resource::<ClearColor>().0, palette::BACKGROUND);
    let toggles: Vec<Event> = k.events().into_iter().filter(|e| matches!(e, Event::AidChange { .. })).collect();
    assert_eq!(
        toggles,
        [Event::AidChange { aid: Aid::HighContrast, on: true }, Event::AidChange { aid: Aid::HighContrast, on: false }]
    );
    // The map keeps its sea behind it, in either palette.
    k.click::<With<midori_kiosk::kiosk::top_bar::BackButton>>();
    k.frames(3);
    assert_eq!(k.screen(), Screen::Map);
    assert_eq!(k.app.world().resource::<ClearColor>().0, midori_kiosk::kiosk::map_view::SEA_COLOUR);
    click_aid(&mut k, Aid::HighContrast);
    assert_eq!(k.app.world().resource::<ClearColor>().0, midori_kiosk::kiosk::map_view::SEA_COLOUR);
    k.seconds(60 + 20 + 2); // idle warning, countdown, reset
    assert_eq!(k.screen(), Screen::Attract);
    assert!(!k.app.world().resource::<Aids>().high_contrast);
}

fn spoken_files(dir: &std::path::Path) -> Vec<(String, Wav)> {
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (p.file_name().unwrap().to_string_lossy().into_owned(), Wav::parse(&std::fs::read(&p).unwrap()).unwrap())
        })
        .collect()
}

/// Waits (real time: the engines run on their own thread) until the playback has finished.
fn until_spoken(k: &mut Kiosk) {
    for _ in 0..600 {
        k.frames(1);
        let read = k.app.world().resource::<ReadAloud>();
        if read.playback.as_ref().is_some_and(|p| p.is_finished()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the speech did not finish in 30 s");
}

#[test]
fn read_aloud_speaks_the_screen_in_its_languages_then_each_new_screen_and_a_tap_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::start(InitialView {
        screen: Screen::Program,
        lang: Some(Lang::En),
        municipality: Some("13104".into()),
        program: Some("13104-green-curtain".into()),
        ..InitialView::default()
    });
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut settings = SpeechSettings::booth(&assets);
    settings.output = Output::Files(dir.path().to_owned());
    k.app.insert_resource(settings);
    k.frames(3);
    k.click::<With<ReadAloudButton>>();
    k.frames(2);
    until_spoken(&mut k);
    let history = k.app.world().resource::<ReadAloud>().history.clone();
    assert_eq!(history.len(), 1, "{history:?}");
    let screen: &Vec<Utterance> = &history[0];
    let all: String = screen.iter().map(|u| u.text.as_str()).collect::<Vec<_>>().join("\n");
    // The title and summary in English, the top bar's buttons not.
    assert!(all.contains("Shinjuku Green Curtain Project"), "{all}");
    assert!(all.contains("green curtains"), "{all}");
    assert!(!all.contains("Start over") && !all.contains("한국어"), "{all}");
    let files = spoken_files(dir.path());
    assert_eq!(files.len(), screen.len(), "{files:?}");
    for ((name, wav), u) in files.iter().zip(screen) {
        let (min, max) = u.plausible_seconds();
        assert!(
            (min..=max).contains(&wav.seconds()),
            "{name}: {:.1} s for {:?} ({min:.1}–{max:.1})",
            wav.seconds(),
            u.text
        );
        assert!(wav.rms() > 0.01, "{name}: silent ({})", wav.rms());
    }
    assert!(k.events().contains(&Event::AidChange { aid: Aid::ReadAloud, on: true }));
    // While on, the next screen is read as it opens, in its language.
    k.click_language(Lang::Ko);
    k.frames(3);
    until_spoken(&mut k);
    let history = k.app.world().resource::<ReadAloud>().history.clone();
    assert_eq!(history.len(), 2);
    assert!(history[1].iter().any(|u| u.lang == Lang::Ko), "{:?}", history[1]);
    // A tap on the button (now Stop) stops it and turns it off.
    k.click::<With<ReadAloudButton>>();
    k.frames(3);
    let read = k.app.world().resource::<ReadAloud>();
    assert!(!read.on && read.playback.is_none());
    assert!(k.events().contains(&Event::AidChange { aid: Aid::ReadAloud, on: false }));
    // On again, then the idle warning: it is read at once; the reset stops it.
    k.click::<With<ReadAloudButton>>();
    k.frames(3);
    let before = k.app.world().resource::<ReadAloud>().history.len();
    k.seconds(61);
    let history = k.app.world().resource::<ReadAloud>().history.clone();
    assert!(history.len() > before, "the idle warning was not read");
    let warning: String = history.last().unwrap().iter().map(|u| u.text.as_str()).collect();
    assert!(warning.contains("계속 보시겠어요") && warning.contains("초 후에"), "{warning}");
    k.seconds(22);
    assert_eq!(k.screen(), Screen::Attract);
    let read = k.app.world().resource::<ReadAloud>();
    assert!(!read.on && read.playback.is_none(), "the reset stops the speech");
    let _ = k.app.world().resource::<Selection>();
}

#[test]
fn staff_step_the_read_aloud_volume_and_see_whether_the_engines_are_there() {
    use midori_kiosk::kiosk::screens::staff_panel::SpeechVolumeButton;
    let mut k =
        Kiosk::start(InitialView { screen: Screen::StaffPanel, lang: Some(Lang::En), ..InitialView::default() });
    k.frames(5);
    assert!(k.all_text().contains("Read aloud: not available (-)"), "headless: no speech set up");
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    k.app.insert_resource(SpeechSettings::booth(&assets));
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
    k.frames(5);
    let text = k.all_text();
    assert!(text.contains("Read aloud: ready (Open JTalk, espeak-ng)"), "{text}");
    assert!(text.contains("Read-aloud volume: 75 % (tap to change)"), "{text}");
    let mut volumes = vec![];
    for _ in 0..4 {
        k.click::<With<SpeechVolumeButton>>();
        k.frames(3);
        volumes.push(k.app.world().resource::<SpeechSettings>().volume);
    }
    assert_eq!(volumes, [100, 25, 50, 75]);
    // A missing voice file is named.
    k.app.world_mut().resource_mut::<SpeechSettings>().engine.voice = "/nonexistent/mei.htsvoice".into();
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
    k.frames(5);
    assert!(
        k.all_text().contains("Read aloud: not available (/nonexistent/mei.htsvoice: not found"),
        "{}",
        k.all_text()
    );
}

#[test]
fn a_screen_that_cannot_be_spoken_is_logged_as_a_speech_error() {
    use midori_kiosk::telemetry::ErrorKind;
    let dir = tempfile::tempdir().unwrap();
    let mut k = page_of("13104", Lang::En);
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut settings = SpeechSettings::booth(&assets);
    settings.engine.espeak = "/nonexistent/espeak-ng".into();
    settings.output = Output::Files(dir.path().to_owned());
    k.app.insert_resource(settings);
    k.click::<With<ReadAloudButton>>();
    k.frames(2);
    until_spoken(&mut k);
    k.frames(2);
    assert_eq!(count(&k.events(), |e| *e == Event::Error { kind: ErrorKind::Speech }), 1);
    // The Japanese names on the English page were still spoken by Open JTalk.
    assert!(spoken_files(dir.path()).iter().any(|(name, _)| name.ends_with("-ja.wav")));
}
