//! The real kiosk app without a window or GPU: taps, language switching, idle reset, touch target sizes,
//! the staff page for a broken config, and the `check` command.

use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use bevy::ui::UiGlobalTransform;
use bevy::window::PrimaryWindow;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use midori_kiosk::kiosk::app::build_headless;
use midori_kiosk::kiosk::idle::{ContinueButton, IdleOverlay};
use midori_kiosk::kiosk::screens::config_error::ProblemLine;
use midori_kiosk::kiosk::screens::map::{ListOpenButton, MunicipalityButton};
use midori_kiosk::kiosk::screens::municipality::TakeHomeButton;
use midori_kiosk::kiosk::screens::take_home::TakeHomeQr;
use midori_kiosk::kiosk::theme::{TARGET_MIN_MM, px_per_mm};
use midori_kiosk::kiosk::top_bar::{LanguageButton, StartOverButton};
use midori_kiosk::kiosk::{CurrentLang, InitialView, LoadedBooth, Screen, Selection};
use midori_kiosk::lang::Lang;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const W: u32 = 1920;
const H: u32 = 1080;
const FRAME: Duration = Duration::from_millis(100);
/// A point on the attract loop's title band: leaves it without choosing a municipality.
const TITLE_BAND: Vec2 = Vec2::new(960.0, 60.0);

fn startup() -> LoadedBooth {
    let (booth, strings) =
        midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap();
    LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) }
}

struct Kiosk {
    app: App,
}

impl Kiosk {
    fn start(initial: InitialView) -> Kiosk {
        Kiosk::with(startup(), initial)
    }

    fn with(startup: LoadedBooth, initial: InitialView) -> Kiosk {
        Kiosk::with_log(startup, initial, None)
    }

    fn with_log(startup: LoadedBooth, initial: InitialView, log: Option<midori_kiosk::telemetry::Telemetry>) -> Kiosk {
        let mut app = build_headless(startup, initial, W, H, FRAME);
        if let Some(log) = log {
            app.insert_resource(midori_kiosk::kiosk::session::EventLog(log));
        }
        midori_kiosk::kiosk::app::wait_until_loaded(&mut app, 600);
        let mut k = Kiosk { app };
        k.frames(3);
        assert_ne!(k.screen(), Screen::Loading, "fonts never loaded");
        k
    }

    /// A kiosk on the shipped config whose log is a new file at `path`.
    fn logging_to(path: &Path) -> Kiosk {
        use midori_kiosk::telemetry::{Meta, Telemetry, WriterConfig};
        let meta = Meta { kiosk_id: "kiosk-01".into(), booth_id: "all62-ecopro".into(), app_version: "test".into() };
        let log = Telemetry::start(path, meta, WriterConfig::default()).unwrap();
        Kiosk::with_log(startup(), InitialView::default(), Some(log))
    }

    fn frames(&mut self, n: usize) {
        for _ in 0..n {
            self.app.update();
        }
    }

    fn screen(&self) -> Screen {
        *self.app.world().resource::<State<Screen>>().get()
    }

    fn lang(&self) -> Lang {
        self.app.world().resource::<CurrentLang>().0
    }

    fn window(&mut self) -> Entity {
        self.app.world_mut().query_filtered::<Entity, With<PrimaryWindow>>().single(self.app.world()).unwrap()
    }

    /// Centre, in logical pixels, of the one entity matching `F`.
    fn centre_of<F: bevy::ecs::query::QueryFilter>(&mut self) -> Vec2 {
        let mut q = self.app.world_mut().query_filtered::<&UiGlobalTransform, F>();
        let t = q.single(self.app.world()).expect("exactly one such entity");
        t.affine().translation
    }

    /// A mouse click at a point, the way winit delivers it.
    fn click_at(&mut self, position: Vec2) {
        midori_kiosk::kiosk::drive::click(&mut self.app, position);
    }

    /// A finger tap at a point.
    fn tap_at(&mut self, position: Vec2) {
        midori_kiosk::kiosk::drive::tap(&mut self.app, position);
    }

    fn click<F: bevy::ecs::query::QueryFilter>(&mut self) {
        let p = self.centre_of::<F>();
        self.click_at(p);
    }

    /// How many idle overlays are on screen.
    fn overlays(&mut self) -> usize {
        self.app.world_mut().query::<&IdleOverlay>().iter(self.app.world()).count()
    }

    /// Centre of a municipality's button in the list (open the list first).
    fn list_button_centre(&mut self, code: &str) -> Vec2 {
        let mut q = self.app.world_mut().query::<(&MunicipalityButton, &UiGlobalTransform)>();
        q.iter(self.app.world())
            .find(|(b, _)| b.0 == code)
            .map(|(_, t)| t.affine().translation)
            .unwrap_or_else(|| panic!("no button for {code}"))
    }

    /// Where a map point is on screen now (after letting the camera settle).
    fn map_to_screen(&mut self, p: [f64; 2]) -> Vec2 {
        self.frames(20);
        let w = self.app.world_mut();
        let (tf, scale) = {
            let mut q = w.query_filtered::<(&Transform, &Projection), With<Camera2d>>();
            let (tf, proj) = q.single(w).unwrap();
            let Projection::Orthographic(o) = proj else { panic!("2D camera") };
            (*tf, o.scale)
        };
        midori_kiosk::kiosk::map_view::map_to_screen(
            Vec2::new(p[0] as f32, p[1] as f32),
            &tf,
            scale,
            Vec2::new(W as f32, H as f32),
        )
    }

    /// Screen position of a municipality's label point on the map being shown.
    fn map_point(&mut self, code: &str) -> Vec2 {
        use midori_kiosk::kiosk::map_view::{MapLayers, MapLayout, Morph};
        let w = self.app.world();
        let layout = if w.resource::<Morph>().t >= 0.5 { MapLayout::Official } else { MapLayout::Tiles };
        let label = w
            .resource::<MapLayers>()
            .geometry(layout)
            .area(code)
            .unwrap_or_else(|| panic!("{code} not on the map"))
            .label;
        self.map_to_screen(label)
    }

    /// Taps a municipality on the map twice: the first opens its card, the second its page.
    fn open_on_map(&mut self, code: &str) {
        let p = self.map_point(code);
        self.tap_at(p);
        self.tap_at(p);
    }

    fn card(&self) -> Option<String> {
        self.app.world().resource::<midori_kiosk::kiosk::map_view::MapCard>().0.clone()
    }

    fn click_language(&mut self, lang: Lang) {
        let mut q = self.app.world_mut().query::<(&LanguageButton, &UiGlobalTransform)>();
        let p = q.iter(self.app.world()).find(|(b, _)| b.0 == lang).map(|(_, t)| t.affine().translation).unwrap();
        self.click_at(p);
    }

    /// Every text on screen, joined.
    fn all_text(&mut self) -> String {
        let mut q = self.app.world_mut().query::<&Text>();
        q.iter(self.app.world()).map(|t| t.0.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// The smallest side, in mm on the configured screen, of every button on screen.
    fn smallest_button_mm(&mut self) -> (f32, String) {
        let per_mm = px_per_mm(W as f32, 952.0);
        let mut q =
            self.app.world_mut().query_filtered::<(Entity, &ComputedNode, &InheritedVisibility), With<Button>>();
        let mut smallest = (f32::MAX, String::new());
        for (e, node, vis) in q.iter(self.app.world()) {
            if !vis.get() {
                continue;
            }
            let side = node.size().min_element() / per_mm;
            if side < smallest.0 {
                smallest = (side, format!("{e:?} {:?}", node.size()));
            }
        }
        smallest
    }
}

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

#[test]
fn every_touch_target_is_at_least_20_mm_in_every_language() {
    use midori_kiosk::kiosk::Content;
    use midori_kiosk::kiosk::idle::IdleTimer;
    use midori_kiosk::kiosk::screens::quiz::QuizSession;
    for lang in Lang::ALL {
        let mut k = Kiosk::start(InitialView {
            screen: Screen::Map,
            lang: Some(lang),
            municipality: Some("13421".into()),
            ..InitialView::default()
        });
        for (screen, idle) in [
            (Screen::Map, false),
            (Screen::Municipality, false),
            (Screen::TakeHome, false),
            (Screen::About, false),
            (Screen::QuizIntro, false),
            (Screen::QuizQuestion, false),
            (Screen::QuizResult, false),
            (Screen::StaffPin, false),
            (Screen::StaffPanel, false),
            (Screen::Map, true),
        ] {
            let w = k.app.world_mut();
            if screen == Screen::QuizQuestion {
                let content = w.resource::<Content>().clone();
                w.resource_mut::<QuizSession>().start(&content);
            }
            if screen == Screen::QuizResult {
                let mut session = w.resource_mut::<QuizSession>();
                let round = session.round.as_mut().unwrap();
                while !round.is_complete() {
                    round.answer(0, 1000);
                }
            }
            w.resource_mut::<IdleTimer>().quiet = if idle { Duration::from_secs(65) } else { Duration::ZERO };
            w.resource_mut::<NextState<Screen>>().set(screen);
            k.frames(4);
            assert_eq!(k.screen(), screen);
            let (side, which) = k.smallest_button_mm();
            assert!(side >= TARGET_MIN_MM, "{screen:?} idle={idle} {lang}: a button is only {side:.1} mm ({which})");
        }
    }
}

/// Every visible text on screen now: (its text, laid-out size, node size, node rectangle, clip).
fn texts_on_screen(k: &mut Kiosk) -> Vec<(String, Vec2, Vec2, Rect, Option<Rect>)> {
    use bevy::text::TextLayoutInfo;
    use bevy::ui::CalculatedClip;
    let mut q = k.app.world_mut().query::<(
        &Text,
        &TextLayoutInfo,
        &ComputedNode,
        &UiGlobalTransform,
        &InheritedVisibility,
        Option<&CalculatedClip>,
    )>();
    q.iter(k.app.world())
        .filter(|(_, _, node, _, vis, _)| vis.get() && !node.is_empty())
        .map(|(t, info, node, tf, _, clip)| {
            (
                t.0.clone(),
                info.size,
                node.size(),
                Rect::from_center_size(tf.affine().translation, node.size()),
                clip.map(|c| c.clip),
            )
        })
        .collect()
}

#[test]
fn no_text_is_clipped_on_any_screen_in_any_language() {
    use bevy::text::FontHinting;
    use midori_kiosk::kiosk::Content;
    use midori_kiosk::kiosk::screens::about::AboutTab;
    use midori_kiosk::kiosk::screens::quiz::QuizSession;
    use midori_kiosk::kiosk::screens::quiz::question::ProgressFill;
    let screen_rect = Rect::new(0.0, 0.0, W as f32, H as f32);
    let mut walked = 0;
    for lang in Lang::ALL {
        let mut k = Kiosk::start(InitialView {
            lang: Some(lang),
            municipality: Some("13201".into()),
            ..InitialView::default()
        });
        let mut steps: Vec<(Screen, Option<AboutTab>, Option<&str>)> = vec![
            (Screen::Attract, None, None),
            (Screen::Map, None, None),
            (Screen::Municipality, None, None),
            (Screen::Program, None, Some("13104-green-curtain")),
            (Screen::TakeHome, None, None),
        ];
        steps.extend(AboutTab::ALL.into_iter().map(|t| (Screen::About, Some(t), None)));
        steps.extend([
            (Screen::QuizIntro, None, None),
            (Screen::QuizQuestion, None, None),
            (Screen::QuizFeedback, None, None),
            (Screen::QuizResult, None, None),
            (Screen::StaffPin, None, None),
            (Screen::StaffPanel, None, None),
        ]);
        for (screen, tab, program) in steps {
            let w = k.app.world_mut();
            if let Some(t) = tab {
                *w.resource_mut::<AboutTab>() = t;
            }
            if let Some(id) = program {
                let mut sel = w.resource_mut::<Selection>();
                sel.municipality = Some("13104".into());
                sel.program = Some(id.into());
            } else if screen == Screen::Municipality {
                w.resource_mut::<Selection>().municipality = Some("13201".into());
            }
            match screen {
                Screen::QuizQuestion => {
                    let content = w.resource::<Content>().clone();
                    w.resource_mut::<QuizSession>().start(&content);
                }
                Screen::QuizFeedback => {
                    w.resource_mut::<QuizSession>().round.as_mut().unwrap().answer(0, 1000);
                }
                Screen::QuizResult => {
                    let mut session = w.resource_mut::<QuizSession>();
                    let round = session.round.as_mut().unwrap();
                    while !round.is_complete() {
                        round.answer(1, 1000);
                    }
                }
                _ => {}
            }
            w.resource_mut::<NextState<Screen>>().set(screen);
            k.frames(4);
            assert_eq!(k.screen(), screen);
            let texts = texts_on_screen(&mut k);
            assert!(texts.len() >= 3, "{screen:?} {lang}: only {} texts", texts.len());
            for (text, laid_out, node, rect, clip) in texts {
                let what = format!("{screen:?} {tab:?} {lang}: {text:?}");
                assert!(
                    laid_out.x <= node.x + 1.0 && laid_out.y <= node.y + 1.0,
                    "{what} needs {laid_out} but has {node}"
                );
                assert!(
                    screen_rect.inflate(1.0).contains(rect.min) && screen_rect.inflate(1.0).contains(rect.max),
                    "{what} is off screen at {rect:?}"
                );
                if let Some(c) = clip {
                    assert!(
                        c.inflate(1.0).contains(rect.min) && c.inflate(1.0).contains(rect.max),
                        "{what} at {rect:?} is cut by its container {c:?}"
                    );
                }
            }
            // Unhinted, so the hinter cannot pull descenders (g, j, p, q, y) up into the line above.
            let mut hinting = k.app.world_mut().query_filtered::<&FontHinting, With<Text>>();
            assert!(hinting.iter(k.app.world()).all(|h| *h == FontHinting::Disabled), "{screen:?}: hinted text");
            if screen == Screen::QuizFeedback {
                // One of five answered: the bar is a fifth full.
                let mut q = k.app.world_mut().query_filtered::<(&ComputedNode, &ChildOf), With<ProgressFill>>();
                let (fill, parent) = q.single(k.app.world()).map(|(n, p)| (n.size().x, p.parent())).unwrap();
                let track = k.app.world().get::<ComputedNode>(parent).unwrap().size().x;
                assert!((fill / track - 0.2).abs() < 0.02, "progress {fill}/{track}");
            }
            walked += 1;
        }
    }
    assert_eq!(walked, 4 * 16);
}

#[test]
fn a_new_screen_fades_in_within_250_ms_unless_the_booth_asks_for_less_motion() {
    use midori_kiosk::kiosk::motion::ScreenFade;
    let fades = |k: &mut Kiosk| k.app.world_mut().query::<&ScreenFade>().iter(k.app.world()).count();
    let mut k = Kiosk::start(InitialView::default());
    k.tap_at(TITLE_BAND);
    assert_eq!(k.screen(), Screen::Map);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(1);
    assert_eq!(fades(&mut k), 1, "a veil over the new screen");
    // FRAME is 100 ms: three frames later it is gone.
    k.frames(3);
    assert_eq!(fades(&mut k), 0);

    let (mut booth, strings) =
        midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap();
    booth.settings.reduce_motion = true;
    let mut k =
        Kiosk::with(LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) }, InitialView::default());
    k.tap_at(TITLE_BAND);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(1);
    assert_eq!(fades(&mut k), 0, "reduce_motion: no fade");
}

fn camera_scale(k: &mut Kiosk) -> f32 {
    let mut q = k.app.world_mut().query_filtered::<&Projection, With<Camera2d>>();
    match q.single(k.app.world()).unwrap() {
        Projection::Orthographic(o) => o.scale,
        _ => panic!("2D camera"),
    }
}

#[test]
fn zoom_buttons_magnify_and_shrink_the_map_within_its_limits_and_icons_are_drawn_once() {
    use midori_kiosk::kiosk::icons::IconTextures;
    use midori_kiosk::kiosk::map_view::MapCamera;
    use midori_kiosk::kiosk::screens::map::ZoomStepButton;
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    k.frames(20);
    let button = |k: &mut Kiosk, closer: bool| -> Vec2 {
        let mut q = k.app.world_mut().query::<(&ZoomStepButton, &UiGlobalTransform)>();
        q.iter(k.app.world()).find(|(b, _)| (b.0 > 1.0) == closer).map(|(_, t)| t.affine().translation).unwrap()
    };
    let whole = camera_scale(&mut k);
    let fit = k.app.world().resource::<MapCamera>().fit_scale;
    let plus = button(&mut k, true);
    k.tap_at(plus);
    k.frames(30);
    let closer = camera_scale(&mut k);
    assert!((whole / closer - midori_kiosk::kiosk::map_view::ZOOM_STEP).abs() < 0.05, "{whole} → {closer}");
    for _ in 0..10 {
        k.tap_at(plus);
    }
    k.frames(40);
    assert!(camera_scale(&mut k) >= fit / 12.0 - 1e-3, "no closer than 1/12 of Tokyo");
    let minus = button(&mut k, false);
    for _ in 0..12 {
        k.tap_at(minus);
    }
    k.frames(40);
    assert!((camera_scale(&mut k) - fit).abs() / fit < 0.01, "no further out than all of Tokyo");
    assert_eq!(k.screen(), Screen::Map, "zooming selects nothing and opens nothing");
    // Icons are rasterised once per icon, size and colour: the same screen again adds none.
    let drawn = k.app.world().resource::<IconTextures>().len();
    assert!(drawn >= 5, "{drawn} icons on the map screen");
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(3);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.frames(3);
    let about_and_map = k.app.world().resource::<IconTextures>().len();
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(3);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.frames(3);
    assert_eq!(k.app.world().resource::<IconTextures>().len(), about_and_map);
}

#[test]
fn the_result_badge_shows_the_ranks_stars_and_each_course_bar_its_attendance() {
    use midori_kiosk::kiosk::Content;
    use midori_kiosk::kiosk::screens::about::{AboutTab, AttendanceBar};
    use midori_kiosk::kiosk::screens::quiz::QuizSession;
    use midori_kiosk::kiosk::screens::quiz::result::BadgeStar;
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    let w = k.app.world_mut();
    let content = w.resource::<Content>().clone();
    let mut session = w.resource_mut::<QuizSession>();
    session.start(&content);
    let round = session.round.as_mut().unwrap();
    // Every answer right: full marks, three stars.
    while !round.is_complete() {
        let right = {
            let d = round.current().unwrap();
            let q = content.0.quiz.get(&d.id).unwrap();
            d.order.iter().position(|&c| c == q.correct).unwrap()
        };
        round.answer(right, 1000);
    }
    let (score, total) = (round.score(), round.questions.len());
    assert_eq!(score, total);
    w.resource_mut::<NextState<Screen>>().set(Screen::QuizResult);
    k.frames(4);
    let stars = k.app.world_mut().query::<&BadgeStar>().iter(k.app.world()).count();
    assert_eq!(stars, midori_kiosk::quiz::rank_stars(score, total));
    assert_eq!(stars, 3);

    *k.app.world_mut().resource_mut::<AboutTab>() = AboutTab::Lectures;
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(4);
    let lectures: Vec<u32> = content.0.project.results.lecture.iter().map(|l| *l.participants.get_ref()).collect();
    let most = *lectures.iter().max().unwrap() as f32;
    let mut q = k.app.world_mut().query::<(&AttendanceBar, &ComputedNode, &ChildOf)>();
    let mut bars: Vec<(f32, f32, Entity)> =
        q.iter(k.app.world()).map(|(b, n, p)| (b.0, n.size().x, p.parent())).collect();
    bars.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut shares: Vec<f32> = lectures.iter().map(|&n| n as f32 / most).collect();
    shares.sort_by(f32::total_cmp);
    assert_eq!(bars.len(), shares.len());
    assert_eq!(bars.last().unwrap().0, 1.0, "the largest course fills the width");
    for ((share, width, track), expected) in bars.into_iter().zip(shares) {
        assert!((share - expected).abs() < 1e-6);
        let track = k.app.world().get::<ComputedNode>(track).unwrap().size().x;
        assert!((width / track - share).abs() < 0.01, "bar {width} of {track} for a share of {share}");
    }
}

#[test]
fn a_broken_config_shows_the_staff_page_with_every_problem() {
    let problems = vec![
        "booth.toml:12:1: idle browse_seconds = 1 is out of range 15..=600".to_owned(),
        "x.toml: file not found".to_owned(),
    ];
    let mut k = Kiosk::with(LoadedBooth::Broken { problems: problems.clone(), strings: None }, InitialView::default());
    assert_eq!(k.screen(), Screen::ConfigError);
    let mut q = k.app.world_mut().query_filtered::<&Text, With<ProblemLine>>();
    let shown: Vec<String> = q.iter(k.app.world()).map(|t| t.0.clone()).collect();
    assert_eq!(shown, problems);
    let text = k.all_text();
    assert!(text.contains("設定ファイルにエラーがあります") && text.contains("The booth configuration has errors"));
    // Touches do not start the visitor experience.
    k.tap_at(Vec2::new(500.0, 500.0));
    assert_eq!(k.screen(), Screen::ConfigError);
}

#[test]
fn check_command_passes_on_the_shipped_config_and_fails_on_a_broken_one() {
    let bin = env!("CARGO_BIN_EXE_midori-kiosk");
    let out = std::process::Command::new(bin).current_dir(ROOT).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    // The counts, read straight from the file: every [[program]], and the municipalities that have one.
    let programs: toml::Table =
        std::fs::read_to_string(Path::new(ROOT).join("booth_config/programs.toml")).unwrap().parse().unwrap();
    let programs = programs["program"].as_array().unwrap();
    let with_own: std::collections::BTreeSet<&str> =
        programs.iter().filter_map(|p| p.get("municipality")?.as_str()).collect();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!(
            "ok: 62 municipalities, {} programs ({} municipalities with their own), 4 languages",
            programs.len(),
            with_own.len()
        )
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"), "{}", String::from_utf8_lossy(&out.stderr));

    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("cfg");
    std::fs::create_dir(&cfg).unwrap();
    for e in std::fs::read_dir(Path::new(ROOT).join("booth_config")).unwrap() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "toml") {
            std::fs::copy(e.path(), cfg.join(e.file_name())).unwrap();
        }
    }
    let booth = std::fs::read_to_string(cfg.join("booth.toml")).unwrap();
    std::fs::write(cfg.join("booth.toml"), booth.replace("quiz_seconds = 120", "quiz_seconds = 5")).unwrap();
    let line = booth.lines().position(|l| l.starts_with("quiz_seconds")).unwrap() + 1;
    let column = "quiz_seconds = ".len() + 1;
    let out = std::process::Command::new(bin).current_dir(ROOT).args(["check", "--config"]).arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.trim(),
        format!("{}:{line}:{column}: idle quiz_seconds = 5 is out of range 30..=900", cfg.join("booth.toml").display())
    );

    // A municipality without programs of its own is a warning, not an error: the booth still runs.
    std::fs::write(cfg.join("booth.toml"), &booth).unwrap();
    let programs = std::fs::read_to_string(cfg.join("programs.toml")).unwrap();
    let kept: Vec<&str> = programs.split("[[program]]").filter(|b| !b.contains("municipality = \"13402\"")).collect();
    std::fs::write(cfg.join("programs.toml"), kept.join("[[program]]")).unwrap();
    let out = std::process::Command::new(bin).current_dir(ROOT).args(["check", "--config"]).arg(&cfg).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("(61 municipalities with their own)"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "warning: programs.toml: 1 municipality has no program of its own and shows the joint programs only: 13402 青ヶ島村"
    );

    let out = std::process::Command::new(bin).arg("--version").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("midori-kiosk {}", env!("CARGO_PKG_VERSION")));
}

use midori_kiosk::kiosk::RecordedEvents;
use midori_kiosk::kiosk::screens::map::QuizOpenButton;
use midori_kiosk::kiosk::screens::quiz::QuizSession;
use midori_kiosk::kiosk::screens::quiz::feedback::QuizNextButton;
use midori_kiosk::kiosk::screens::quiz::intro::QuizStartButton;
use midori_kiosk::kiosk::screens::quiz::question::QuizChoice;
use midori_kiosk::telemetry::{Event, QrTarget, ScreenName};

impl Kiosk {
    fn click_choice(&mut self, position: usize) {
        let mut q = self.app.world_mut().query::<(&QuizChoice, &UiGlobalTransform)>();
        let p = q.iter(self.app.world()).find(|(c, _)| c.0 == position).map(|(_, t)| t.affine().translation).unwrap();
        self.click_at(p);
    }
    fn events(&self) -> Vec<Event> {
        self.app.world().resource::<RecordedEvents>().0.iter().map(|(e, _, _)| e.clone()).collect()
    }
    fn stamped(&self) -> Vec<(Event, Option<String>)> {
        self.app.world().resource::<RecordedEvents>().0.iter().map(|(e, s, _)| (e.clone(), s.clone())).collect()
    }
    fn correct_position(&self) -> usize {
        self.app.world().resource::<QuizSession>().round.as_ref().unwrap().current().unwrap().correct_position
    }
}

#[test]
fn a_quiz_round_by_taps_records_every_answer_and_the_result() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    k.click::<With<QuizOpenButton>>();
    assert_eq!(k.screen(), Screen::QuizIntro);
    k.click::<With<QuizStartButton>>();
    assert_eq!(k.screen(), Screen::QuizQuestion);
    let mut expected_correct = 0;
    for i in 0..5 {
        let right = k.correct_position();
        // Right, wrong, right, wrong, right.
        let pick = if i % 2 == 0 { right } else { (right + 1) % 2 };
        let correct = pick == right;
        expected_correct += usize::from(correct);
        k.frames(5); // half a second to answer
        k.click_choice(pick);
        assert_eq!(k.screen(), Screen::QuizFeedback);
        let text = k.all_text();
        assert!(text.contains(if correct { "せいかい！" } else { "ざんねん…" }), "{text}");
        assert!(text.contains("出典："), "every explanation shows its source");
        k.click::<With<QuizNextButton>>();
    }
    assert_eq!(k.screen(), Screen::QuizResult);
    assert!(k.all_text().contains(&format!("5問中 {expected_correct}問 正解！")));
    let qr = k.app.world_mut().query::<&TakeHomeQr>().single(k.app.world()).unwrap().0.clone();
    assert!(qr.ends_with("utm_content=quiz-kiosk-01"), "{qr}");

    let events = k.events();
    assert_eq!(events.iter().filter(|e| **e == Event::QuizStart).count(), 1);
    let answers: Vec<&Event> = events.iter().filter(|e| matches!(e, Event::QuizAnswer { .. })).collect();
    assert_eq!(answers.len(), 5);
    for a in &answers {
        if let Event::QuizAnswer { millis, .. } = a {
            assert!(*millis >= 400, "time to answer is measured: {millis} ms");
        }
    }
    assert!(events.contains(&Event::QuizComplete { score: expected_correct, out_of: 5 }));
    assert!(events.contains(&Event::QrShown { target: QrTarget::QuizResult }));
    assert!(!events.iter().any(|e| matches!(e, Event::QuizAbandon { .. })));
    // Reading the result in another language is not a second take-home code.
    k.click_language(Lang::Ko);
    assert_eq!(k.screen(), Screen::QuizResult);
    assert_eq!(count(&k.events(), |e| matches!(e, Event::QrShown { .. })), 1);
}

#[test]
fn leaving_a_quiz_midway_is_recorded_as_abandoned_at_that_question() {
    let mut k = Kiosk::start(InitialView { screen: Screen::QuizIntro, ..InitialView::default() });
    k.click::<With<QuizStartButton>>();
    let right = k.correct_position();
    k.click_choice(right);
    k.click::<With<QuizNextButton>>();
    assert_eq!(k.screen(), Screen::QuizQuestion);
    k.click::<With<StartOverButton>>();
    assert_eq!(k.screen(), Screen::Attract);
    assert!(k.events().contains(&Event::QuizAbandon { at_question: 2 }), "{:?}", k.events());
}

#[test]
fn the_quiz_uses_the_longer_idle_timeout() {
    let mut k = Kiosk::start(InitialView { screen: Screen::QuizIntro, ..InitialView::default() });
    let frames_per_s = (1.0 / FRAME.as_secs_f32()) as usize;
    k.frames(90 * frames_per_s);
    assert_eq!(k.overlays(), 0, "60 s is not enough in the quiz");
    k.frames(31 * frames_per_s);
    assert_eq!(k.overlays(), 1, "warning after 120 s");
    k.frames(20 * frames_per_s);
    assert_eq!(k.screen(), Screen::Attract);
}

/// Program cards on screen, top to bottom then left to right, with their centres.
fn program_cards(k: &mut Kiosk) -> Vec<(String, Vec2)> {
    use midori_kiosk::kiosk::screens::municipality::ProgramCard;
    let mut q = k.app.world_mut().query::<(&ProgramCard, &UiGlobalTransform)>();
    let mut found: Vec<(String, Vec2)> =
        q.iter(k.app.world()).map(|(c, t)| (c.0.clone(), t.affine().translation)).collect();
    found.sort_by(|a, b| (a.1.y, a.1.x).partial_cmp(&(b.1.y, b.1.x)).unwrap());
    found
}

fn count(events: &[Event], f: impl Fn(&Event) -> bool) -> usize {
    events.iter().filter(|e| f(e)).count()
}

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

use midori_kiosk::telemetry::{SelectHow, SessionEndReason};

/// The events from the first session start on, with sessions numbered 1, 2, … in order of appearance.
fn numbered(stamped: &[(Event, Option<String>)]) -> Vec<(Event, usize)> {
    let mut ids: Vec<String> = Vec::new();
    stamped
        .iter()
        .skip_while(|(e, _)| *e != Event::SessionStart)
        .filter(|(e, _)| !matches!(e, Event::Heartbeat { .. } | Event::Error { .. }))
        .map(|(e, s)| {
            let n = match s {
                None => 0,
                Some(id) => match ids.iter().position(|x| x == id) {
                    Some(i) => i + 1,
                    None => {
                        ids.push(id.clone());
                        ids.len()
                    }
                },
            };
            (e.clone(), n)
        })
        .collect()
}

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
fn set_pin_stores_only_a_salted_hash_and_refuses_a_mismatch() {
    use std::io::Write;
    let bin = env!("CARGO_BIN_EXE_midori-kiosk");
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("cfg");
    std::fs::create_dir(&cfg).unwrap();
    for e in std::fs::read_dir(Path::new(ROOT).join("booth_config")).unwrap() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "toml") {
            std::fs::copy(e.path(), cfg.join(e.file_name())).unwrap();
        }
    }
    let run = |input: &str| {
        let mut child = std::process::Command::new(bin)
            .current_dir(ROOT)
            .args(["set-pin", "--config"])
            .arg(&cfg)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let before = std::fs::read_to_string(cfg.join("booth.toml")).unwrap();
    let out = run("2468\n1357\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the two PINs differ"));
    assert_eq!(std::fs::read_to_string(cfg.join("booth.toml")).unwrap(), before);

    let out = run("2468\n2468\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after = std::fs::read_to_string(cfg.join("booth.toml")).unwrap();
    assert!(!after.contains("2468\""), "the PIN itself is not stored");
    assert!(after.starts_with(&before), "the rest of booth.toml is kept");
    let (booth, _) = midori_kiosk::booth::load_all(&cfg, &Path::new(ROOT).join("locales")).unwrap();
    let hash = booth.settings.staff_pin_hash.unwrap();
    assert_eq!(midori_kiosk::staff::verify("2468", &hash), Ok(true));
    assert_eq!(midori_kiosk::staff::verify("2469", &hash), Ok(false));
}

mod staff {
    use super::*;
    use midori_kiosk::clock::days_from_civil;
    use midori_kiosk::kiosk::screens::staff_panel::ShowcaseButton;
    use midori_kiosk::kiosk::screens::staff_pin::PinKey;
    use midori_kiosk::kiosk::staff::{BoothClock, Showcase};
    use midori_kiosk::telemetry::{Event, ShowcaseOrigin};

    fn staff_kiosk(screen: Screen) -> Kiosk {
        let (mut booth, strings) =
            midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales"))
                .unwrap();
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
            k.events()
                .contains(&Event::ShowcaseChange { code: Some("13101".into()), origin: ShowcaseOrigin::Schedule })
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
        assert!(
            k.events().contains(&Event::ShowcaseChange { code: Some("13104".into()), origin: ShowcaseOrigin::Staff })
        );

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
            k.events()
                .contains(&Event::ShowcaseChange { code: Some("13201".into()), origin: ShowcaseOrigin::Schedule })
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
            midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales"))
                .unwrap();
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
        use midori_kiosk::kiosk::session::ClockWatch;
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
    k.app.world().resource::<midori_kiosk::kiosk::session::EventLog>().0.flush();

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
    k.app.world().resource::<midori_kiosk::kiosk::session::EventLog>().0.flush();
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
fn command_line_mistakes_give_clear_errors_before_any_window_opens() {
    let bin = env!("CARGO_BIN_EXE_midori-kiosk");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bin).current_dir(ROOT).args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&["screenshot", "--screen", "map", "--size", "big", "--out", "/tmp/x.png"]);
    assert_eq!((code, err.trim()), (Some(1), "error: --size must look like 1920x1080"));
    let (code, _, err) = run(&["screenshot", "--screen", "map", "--size", "100x100", "--out", "/tmp/x.png"]);
    assert_eq!((code, err.trim()), (Some(1), "error: --size 100x100 is outside 320x240 .. 7680x4320"));
    let (code, _, err) = run(&["screenshot", "--screen", "map", "--lang", "fr", "--out", "/tmp/x.png"]);
    assert_eq!((code, err.trim()), (Some(1), "error: unknown language \"fr\" (expected one of ja, en, zh-Hans, ko)"));
    let (code, _, err) = run(&[
        "screenshot",
        "--screen",
        "map",
        "--map-layout",
        "official",
        "--config",
        "booth_config",
        "--out",
        "/tmp/x.png",
    ]);
    assert_eq!(
        (code, err.trim()),
        (Some(1), "error: --map-layout official needs an imported map in booth_config/map/ (run import-map first)")
    );
    let empty = tempfile::tempdir().unwrap();
    let data = empty.path().to_str().unwrap().to_string();
    let dest = empty.path().join("usb");
    let (code, _, err) = run(&["export", "--data", &data, "--out", dest.to_str().unwrap()]);
    assert_eq!((code, err.trim().to_string()), (Some(1), format!("error: no kiosk logs (*.sqlite) in {data}")));
    assert!(!dest.exists(), "nothing written");
    std::fs::create_dir_all(dest.join("logs")).unwrap();
    std::fs::write(empty.path().join("kiosk-01.sqlite"), b"").unwrap();
    let (code, _, err) = run(&["export", "--data", &data, "--out", dest.to_str().unwrap()]);
    assert_eq!(
        (code, err.trim().to_string()),
        (Some(1), format!("error: {} already exists: choose a new folder", dest.join("logs").display()))
    );
    // A monkey whose samples file cannot be written fails before it starts.
    let (code, _, err) = run(&["monkey", "--taps", "1", "--samples", "/nonexistent-dir/samples.csv"]);
    assert_eq!(
        (code, err.trim()),
        (Some(1), "error: cannot write /nonexistent-dir/samples.csv: No such file or directory (os error 2)")
    );
    let (code, out, _) = run(&["check", "--config", "/nonexistent-booth-config"]);
    assert_eq!((code, out.trim()), (Some(1), "/nonexistent-booth-config: config directory not found"));
}

mod map {
    use super::*;
    use midori_kiosk::kiosk::map_view::QuickZoom;
    use midori_kiosk::kiosk::map_view::{AreaColours, Choropleth, MapCamera, MapLayers, MapLayout, Morph};
    use midori_kiosk::kiosk::screens::map::{ColourButton, LayoutToggle, ListCloseButton, ZoomButton};
    use midori_kiosk::telemetry::Event;

    /// booth_config with the official map imported from the shared N03 test file (in a temp folder; the
    /// geometry never enters the repository).
    fn with_official_map() -> (tempfile::TempDir, LoadedBooth) {
        use midori_kiosk::content::Region;
        use midori_kiosk::geo::import::{self, Municipality};
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("booth_config");
        std::fs::create_dir(&cfg).unwrap();
        for e in std::fs::read_dir(Path::new(ROOT).join("booth_config")).unwrap() {
            let e = e.unwrap();
            if e.path().is_file() {
                std::fs::copy(e.path(), cfg.join(e.file_name())).unwrap();
            }
        }
        let list = midori_kiosk::content::municipalities::load(&cfg).unwrap();
        let munis: Vec<Municipality> = list
            .list
            .iter()
            .map(|m| Municipality {
                code: m.code.clone(),
                name_ja: m.name_ja.clone(),
                lon_lat: [m.label_lon_lat.0, m.label_lon_lat.1],
                island: m.region == Region::Islands,
            })
            .collect();
        let input = Path::new(ROOT).join("../shared/geo/tokyo-municipalities-N03-2021-s1pct.geojson");
        let (file, _) = import::import(&input, None, &munis, &mut |_, _| {}).unwrap();
        import::write(&cfg, &file).unwrap();
        let (booth, strings) = midori_kiosk::booth::load_all(&cfg, &Path::new(ROOT).join("locales")).unwrap();
        assert!(booth.official_map.is_some());
        (dir, LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) })
    }

    fn map_touches(k: &mut Kiosk) -> Vec<Option<String>> {
        k.events()
            .into_iter()
            .filter_map(|e| if let Event::MapTouch { code } = e { Some(code) } else { None })
            .collect()
    }

    fn every_label_selects_its_municipality(k: &mut Kiosk) {
        let codes: Vec<String> = k
            .app
            .world()
            .resource::<midori_kiosk::kiosk::Content>()
            .0
            .municipalities
            .list
            .iter()
            .map(|m| m.code.clone())
            .collect();
        let mut wrong = Vec::new();
        for code in &codes {
            let p = k.map_point(code);
            k.tap_at(p);
            if k.card().as_deref() != Some(code.as_str()) {
                wrong.push(format!("{code} → {:?} at {p}", k.card()));
            }
            // Tapping the sea closes the card again, so the next tap is a first tap.
            k.app.world_mut().resource_mut::<midori_kiosk::kiosk::map_view::MapCard>().0 = None;
        }
        assert!(wrong.is_empty(), "labels that did not select their municipality: {wrong:?}");
        assert_eq!(k.screen(), Screen::Map);
    }

    #[test]
    fn every_tile_label_selects_its_municipality_and_the_sea_nothing() {
        let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
        every_label_selects_its_municipality(&mut k);
        let touched = map_touches(&mut k);
        assert_eq!(touched.len(), 62);
        assert!(touched.iter().all(Option::is_some));
        // Far outside the tiles (north-west of Okutama, in the sea).
        let b = k.app.world().resource::<MapLayers>().tiles.bounds();
        let sea = k.map_to_screen([b.min[0] - 0.5, b.max[1] + 0.3]);
        k.tap_at(sea);
        assert_eq!(k.card(), None);
        assert_eq!(map_touches(&mut k).last(), Some(&None));
    }

    #[test]
    fn every_label_selects_its_municipality_on_the_official_map_too() {
        let (_dir, startup) = with_official_map();
        // With an imported map the kiosk shows it by default.
        let mut k = Kiosk::with(startup, InitialView { screen: Screen::Map, ..InitialView::default() });
        k.frames(5);
        assert_eq!(*k.app.world().resource::<MapLayout>(), MapLayout::Official);
        assert_eq!(k.app.world().resource::<Morph>().t, 1.0);
        assert!(
            k.all_text().contains("出典：国土交通省 国土数値情報（行政区域データ）を加工して作成"),
            "the attribution is on screen"
        );
        every_label_selects_its_municipality(&mut k);
        // Tokyo Bay, east of the wards, is sea.
        let bay = midori_kiosk::geo::project([139.95, 35.45]);
        let p = k.map_to_screen(bay);
        k.tap_at(p);
        assert_eq!(k.card(), None);
        // The layout toggle morphs back to the tiles.
        k.click::<With<LayoutToggle>>();
        k.frames(30);
        assert_eq!(*k.app.world().resource::<MapLayout>(), MapLayout::Tiles);
        assert_eq!(k.app.world().resource::<Morph>().t, 0.0);
    }

    fn camera(k: &mut Kiosk) -> (Vec2, f32) {
        k.frames(20);
        let w = k.app.world_mut();
        let mut q = w.query_filtered::<(&Transform, &Projection), With<Camera2d>>();
        let (tf, proj) = q.single(w).unwrap();
        let Projection::Orthographic(o) = proj else { panic!() };
        (tf.translation.truncate(), o.scale)
    }

    fn touch(k: &mut Kiosk, id: u64, phase: TouchPhase, position: Vec2) {
        midori_kiosk::kiosk::drive::touch(&mut k.app, id, phase, position);
    }

    #[test]
    fn a_drag_pans_without_selecting_and_a_pinch_zooms_within_bounds() {
        let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
        let (c0, s0) = camera(&mut k);
        let start = k.map_point("13104");
        touch(&mut k, 1, TouchPhase::Started, start);
        for i in 1..=6 {
            touch(&mut k, 1, TouchPhase::Moved, start + Vec2::new(20.0 * i as f32, 0.0));
        }
        touch(&mut k, 1, TouchPhase::Ended, start + Vec2::new(120.0, 0.0));
        let (c1, s1) = camera(&mut k);
        assert_eq!(k.card(), None, "a drag is not a tap");
        assert!(c1.x < c0.x - 1e-3, "dragging right moves the view left: {c0} → {c1}");
        assert!((s1 - s0).abs() < 1e-6);
        // Two fingers moving apart zoom in.
        let mid = Vec2::new(600.0, 500.0);
        touch(&mut k, 1, TouchPhase::Started, mid - Vec2::new(50.0, 0.0));
        touch(&mut k, 2, TouchPhase::Started, mid + Vec2::new(50.0, 0.0));
        for i in 1..=5 {
            let d = 50.0 + 30.0 * i as f32;
            touch(&mut k, 1, TouchPhase::Moved, mid - Vec2::new(d, 0.0));
            touch(&mut k, 2, TouchPhase::Moved, mid + Vec2::new(d, 0.0));
        }
        touch(&mut k, 1, TouchPhase::Ended, mid - Vec2::new(200.0, 0.0));
        touch(&mut k, 2, TouchPhase::Ended, mid + Vec2::new(200.0, 0.0));
        let (_, s2) = camera(&mut k);
        assert!(s2 < s1 * 0.6, "pinching out zooms in: scale {s1} → {s2}");
        assert_eq!(k.card(), None);
        // Never further out than all of Tokyo.
        let fit = k.app.world().resource::<MapCamera>().fit_scale;
        let tokyo = {
            let mut q = k.app.world_mut().query::<(&ZoomButton, &UiGlobalTransform)>();
            q.iter(k.app.world()).find(|(b, _)| b.0 == QuickZoom::Tokyo).map(|(_, t)| t.affine().translation).unwrap()
        };
        k.click_at(tokyo);
        let (_, s3) = camera(&mut k);
        assert!((s3 - fit).abs() / fit < 0.01);
    }

    #[test]
    fn quick_zooms_colours_and_the_list() {
        let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
        let mut q = k.app.world_mut().query::<(Entity, &ZoomButton)>();
        let buttons: Vec<(Entity, QuickZoom)> = q.iter(k.app.world()).map(|(e, z)| (e, z.0)).collect();
        assert_eq!(buttons.len(), 4);
        let (_, whole) = camera(&mut k);
        for (e, z) in &buttons {
            let centre = k.app.world().get::<UiGlobalTransform>(*e).unwrap().affine().translation;
            k.click_at(centre);
            let (_, s) = camera(&mut k);
            match z {
                QuickZoom::Tokyo => assert!((s - whole).abs() / whole < 0.01),
                _ => assert!(s < whole * 0.8, "{z:?} zooms in: {s} vs {whole}"),
            }
        }
        // Population density: every municipality with both facts is coloured, the others are "no data".
        let density = {
            let mut q = k.app.world_mut().query::<(&ColourButton, &UiGlobalTransform)>();
            q.iter(k.app.world())
                .find(|(b, _)| b.0 == Choropleth::PopulationDensity)
                .map(|(_, t)| t.affine().translation)
                .unwrap()
        };
        k.click_at(density);
        let colours = k.app.world().resource::<AreaColours>().clone();
        assert_eq!(colours.mode, Some(Choropleth::PopulationDensity));
        let list = k.app.world().resource::<midori_kiosk::kiosk::Content>().0.municipalities.list.clone();
        for (m, fill) in list.iter().zip(&colours.fills) {
            assert_eq!(fill.is_some(), m.population.is_some() && m.area_km2.is_some(), "{}", m.code);
        }
        assert!(colours.fills.iter().any(Option::is_none));
        assert!(k.all_text().contains("データなし"));
        // Program themes: the municipalities with a program of their own on the theme light up.
        {
            use midori_kiosk::content::Theme;
            use midori_kiosk::kiosk::map_view::{THEME_DIM, THEME_LIT};
            use midori_kiosk::kiosk::screens::map::ThemeButton;
            let themes = {
                let mut q = k.app.world_mut().query::<(&ColourButton, &UiGlobalTransform)>();
                q.iter(k.app.world())
                    .find(|(b, _)| matches!(b.0, Choropleth::Theme(_)))
                    .map(|(_, t)| t.affine().translation)
                    .unwrap()
            };
            k.click_at(themes);
            k.frames(2);
            let booth = k.app.world().resource::<midori_kiosk::kiosk::Content>().0.clone();
            for theme in [Theme::Energy, Theme::Waste] {
                let button = {
                    let mut q = k.app.world_mut().query::<(&ThemeButton, &UiGlobalTransform)>();
                    q.iter(k.app.world()).find(|(b, _)| b.0 == theme).map(|(_, t)| t.affine().translation).unwrap()
                };
                k.click_at(button);
                k.frames(2);
                let colours = k.app.world().resource::<AreaColours>().clone();
                assert_eq!(colours.mode, Some(Choropleth::Theme(theme)));
                let lit: Vec<&str> = list
                    .iter()
                    .zip(&colours.fills)
                    .filter(|(_, f)| **f == Some(THEME_LIT))
                    .map(|(m, _)| m.code.as_str())
                    .collect();
                let expected: Vec<&str> = list
                    .iter()
                    .filter(|m| booth.own_programs_of(&m.code).iter().any(|p| p.theme == Some(theme)))
                    .map(|m| m.code.as_str())
                    .collect();
                assert!(!expected.is_empty() && expected.len() < 62, "{theme:?} tells municipalities apart");
                assert_eq!(lit, expected, "{theme:?}");
                assert!(colours.fills.iter().all(|f| *f == Some(THEME_LIT) || *f == Some(THEME_DIM)));
            }
            // A theme no municipality has gets no button.
            let shown: Vec<Theme> =
                k.app.world_mut().query::<&ThemeButton>().iter(k.app.world()).map(|b| b.0).collect();
            for t in Theme::ALL {
                assert_eq!(shown.contains(&t), booth.programs.iter().any(|p| p.theme == Some(t)), "{t:?}");
            }
        }
        // The list: all 62, and choosing one opens its page (recorded as chosen from the list).
        k.click::<With<ListOpenButton>>();
        assert_eq!(k.app.world_mut().query::<&MunicipalityButton>().iter(k.app.world()).count(), 62);
        k.click::<With<ListCloseButton>>();
        assert_eq!(k.app.world_mut().query::<&MunicipalityButton>().iter(k.app.world()).count(), 0);
        k.click::<With<ListOpenButton>>();
        let p = k.list_button_centre("13421");
        k.tap_at(p);
        assert_eq!(k.screen(), Screen::Municipality);
        assert!(k.events().contains(&Event::MunicipalitySelect {
            code: "13421".into(),
            how: midori_kiosk::telemetry::SelectHow::List
        }));
    }
}

/// Booth-day fault inputs: every malformed file gives one clear error naming the file (and the line, where
/// the file has one), `check` exits 1, and nothing is written anywhere in the config or locales.
mod faults {
    use super::*;
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.path().is_dir() {
                copy_dir(&e.path(), &to.join(e.file_name()));
            } else {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }

    /// Every file under `dir` with its bytes.
    fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    out.insert(p.clone(), b"<dir>".to_vec());
                    stack.push(p);
                } else {
                    out.insert(p.clone(), std::fs::read(&p).unwrap());
                }
            }
        }
        out
    }

    fn edit(path: &Path, f: impl Fn(String) -> String) {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, f(text)).unwrap();
    }

    fn shift_jis(path: &Path) {
        // 「みどり」 and the rest of the first Japanese text, as Shift_JIS bytes: み=82DD ど=82C7 り=82E8.
        let text = std::fs::read_to_string(path).unwrap();
        let at = text.find('み').expect("a み to re-encode");
        let mut bytes = text.as_bytes()[..at].to_vec();
        bytes.extend_from_slice(&[0x82, 0xDD, 0x82, 0xC7, 0x82, 0xE8]);
        bytes.extend_from_slice(text[at..].trim_start_matches('み').as_bytes());
        std::fs::write(path, bytes).unwrap();
    }

    fn truncate(path: &Path, fraction: f64) {
        let text = std::fs::read_to_string(path).unwrap();
        let mut cut = (text.len() as f64 * fraction) as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Cut inside a line, the way a copy interrupted half-way looks.
        let cut = text[..cut].rfind('=').map_or(cut, |i| i + 3).min(text.len());
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        std::fs::write(path, &text[..cut]).unwrap();
    }

    fn replace_dir(path: &Path) {
        std::fs::remove_file(path).unwrap();
        std::fs::create_dir(path).unwrap();
    }

    type Breaker = Box<dyn Fn(&Path, &Path)>;
    type Fault = (&'static str, &'static str, bool, Breaker);

    fn faults() -> Vec<Fault> {
        let b = |f: fn(&Path, &Path)| -> Breaker { Box::new(f) };
        vec![
            // (what, file named in the error, with a line number, how to break it)
            ("booth.toml truncated", "booth.toml", true, b(|c, _| truncate(&c.join("booth.toml"), 0.5))),
            (
                "booth.toml wrong type",
                "booth.toml",
                true,
                b(|c, _| edit(&c.join("booth.toml"), |t| t.replace("kiosk_id = \"kiosk-01\"", "kiosk_id = 5"))),
            ),
            (
                "booth.toml duplicate key",
                "booth.toml",
                true,
                b(|c, _| {
                    edit(&c.join("booth.toml"), |t| {
                        t.replace("kiosk_id = \"kiosk-01\"", "kiosk_id = \"kiosk-01\"\nkiosk_id = \"kiosk-02\"")
                    })
                }),
            ),
            (
                "booth.toml huge integer",
                "booth.toml",
                true,
                b(|c, _| {
                    edit(&c.join("booth.toml"), |t| {
                        t.replace("browse_seconds = 60", "browse_seconds = 99999999999999999999999")
                    })
                }),
            ),
            (
                "booth.toml huge value in range",
                "booth.toml",
                true,
                b(|c, _| edit(&c.join("booth.toml"), |t| t.replace("browse_seconds = 60", "browse_seconds = 9000000"))),
            ),
            ("booth.toml Shift_JIS", "booth.toml", true, b(|c, _| shift_jis(&c.join("booth.toml")))),
            ("booth.toml missing", "booth.toml", false, b(|c, _| std::fs::remove_file(c.join("booth.toml")).unwrap())),
            ("booth.toml is a folder", "booth.toml", false, b(|c, _| replace_dir(&c.join("booth.toml")))),
            (
                "booth.toml unknown language",
                "booth.toml",
                true,
                b(|c, _| edit(&c.join("booth.toml"), |t| t.replace("default = \"ja\"", "default = \"fr\""))),
            ),
            (
                "municipalities.toml truncated",
                "municipalities.toml",
                true,
                b(|c, _| truncate(&c.join("municipalities.toml"), 0.4)),
            ),
            (
                "municipalities.toml wrong type",
                "municipalities.toml",
                true,
                b(|c, _| {
                    edit(&c.join("municipalities.toml"), |t| {
                        t.replacen("population = 66687", "population = \"many\"", 1)
                    })
                }),
            ),
            (
                "municipalities.toml population overflow",
                "municipalities.toml",
                true,
                b(|c, _| {
                    edit(&c.join("municipalities.toml"), |t| {
                        t.replacen("population = 66687", "population = 99999999999", 1)
                    })
                }),
            ),
            (
                "municipalities.toml duplicate code",
                "municipalities.toml",
                true,
                b(|c, _| {
                    edit(&c.join("municipalities.toml"), |t| t.replacen("code = \"13102\"", "code = \"13101\"", 1))
                }),
            ),
            (
                "municipalities.toml label outside Tokyo",
                "municipalities.toml",
                true,
                b(|c, _| {
                    edit(&c.join("municipalities.toml"), |t| {
                        t.replacen("label = [139.75381, 35.68622]", "label = [200.0, 35.68622]", 1)
                    })
                }),
            ),
            (
                "municipalities.toml Shift_JIS",
                "municipalities.toml",
                true,
                b(|c, _| shift_jis(&c.join("municipalities.toml"))),
            ),
            (
                "municipalities.toml missing",
                "municipalities.toml",
                false,
                b(|c, _| std::fs::remove_file(c.join("municipalities.toml")).unwrap()),
            ),
            (
                "programs.toml unknown municipality",
                "programs.toml",
                true,
                b(|c, _| {
                    edit(&c.join("programs.toml"), |t| {
                        t.replacen("id = \"joint-grants\"", "id = \"joint-grants\"\nmunicipality = \"13999\"", 1)
                    })
                }),
            ),
            (
                "programs.toml wrong type",
                "programs.toml",
                true,
                b(|c, _| {
                    edit(&c.join("programs.toml"), |t| {
                        t.replacen("tags = [\"greenery\", \"climate\"]", "tags = \"greenery\"", 1)
                    })
                }),
            ),
            (
                "programs.toml duplicate id",
                "programs.toml",
                true,
                b(|c, _| {
                    edit(&c.join("programs.toml"), |t| {
                        t.replacen("id = \"joint-ghg-accounting\"", "id = \"joint-grants\"", 1)
                    })
                }),
            ),
            ("programs.toml is a folder", "programs.toml", false, b(|c, _| replace_dir(&c.join("programs.toml")))),
            ("quiz.toml truncated", "quiz.toml", true, b(|c, _| truncate(&c.join("quiz.toml"), 0.3))),
            (
                "quiz.toml correct answer out of range",
                "quiz.toml",
                true,
                b(|c, _| edit(&c.join("quiz.toml"), |t| t.replacen("correct = 1", "correct = 7", 1))),
            ),
            (
                "quiz.toml duplicate question",
                "quiz.toml",
                true,
                b(|c, _| {
                    edit(&c.join("quiz.toml"), |t| t.replacen("id = \"project-members\"", "id = \"project-start\"", 1))
                }),
            ),
            ("quiz.toml missing", "quiz.toml", false, b(|c, _| std::fs::remove_file(c.join("quiz.toml")).unwrap())),
            (
                "showcase.toml bad date",
                "showcase.toml",
                true,
                b(|c, _| {
                    edit(&c.join("showcase.toml"), |t| {
                        t.replacen("start = 2013-12-12T10:00:00", "start = 2013-13-12T10:00:00", 1)
                    })
                }),
            ),
            (
                "showcase.toml unknown municipality",
                "showcase.toml",
                true,
                b(|c, _| {
                    edit(&c.join("showcase.toml"), |t| {
                        t.replacen("municipality = \"13101\"", "municipality = \"99999\"", 1)
                    })
                }),
            ),
            (
                "showcase.toml end before start",
                "showcase.toml",
                true,
                b(|c, _| {
                    edit(&c.join("showcase.toml"), |t| {
                        t.replacen("end = 2013-12-12T12:00:00", "end = 2013-12-12T09:00:00", 1)
                    })
                }),
            ),
            (
                "project.toml missing key",
                "project.toml",
                true,
                b(|c, _| edit(&c.join("project.toml"), |t| t.replacen("started_fiscal_year = 2007\n", "", 1))),
            ),
            ("project.toml Shift_JIS", "project.toml", true, b(|c, _| shift_jis(&c.join("project.toml")))),
            (
                "kiosk.ftl syntax error",
                "ja/kiosk.ftl",
                true,
                b(|_, l| edit(&l.join("ja/kiosk.ftl"), |t| t.replacen("back = ", "back = { $oops", 1))),
            ),
            (
                "kiosk.ftl missing key",
                "en/kiosk.ftl",
                false,
                b(|_, l| edit(&l.join("en/kiosk.ftl"), |t| t.replacen("back = Back\n", "", 1))),
            ),
            ("kiosk.ftl Shift_JIS", "ja/kiosk.ftl", true, b(|_, l| shift_jis(&l.join("ja/kiosk.ftl")))),
            (
                "kiosk.ftl duplicate key",
                "ko/kiosk.ftl",
                true,
                b(|_, l| edit(&l.join("ko/kiosk.ftl"), |t| format!("{t}\nback = 뒤로\n"))),
            ),
            (
                "map file truncated",
                "official-map.json",
                true,
                b(|c, _| {
                    std::fs::create_dir_all(c.join("map")).unwrap();
                    std::fs::write(c.join("map/official-map.json"), "{\"version\": 1,\n  \"map\": {\"areas\": [\n")
                        .unwrap();
                }),
            ),
            (
                "map file of another version",
                "official-map.json",
                false,
                b(|c, _| {
                    std::fs::create_dir_all(c.join("map")).unwrap();
                    std::fs::write(c.join("map/official-map.json"), r#"{"version": 7, "attribution_ja": "", "attribution_en": "", "source_year": null, "source_file": "", "map": {"areas": []}}"#).unwrap();
                }),
            ),
            (
                "map file is a folder",
                "official-map.json",
                false,
                b(|c, _| std::fs::create_dir_all(c.join("map/official-map.json")).unwrap()),
            ),
        ]
    }

    #[test]
    fn each_malformed_input_gives_one_clear_error_and_writes_nothing() {
        let bin = env!("CARGO_BIN_EXE_midori-kiosk");
        let all = faults();
        assert!(all.len() >= 30, "{} faults", all.len());
        let mut failures = Vec::new();
        for (what, file, with_line, apply) in &all {
            let dir = tempfile::tempdir().unwrap();
            let (cfg, loc) = (dir.path().join("booth_config"), dir.path().join("locales"));
            copy_dir(&Path::new(ROOT).join("booth_config"), &cfg);
            copy_dir(&Path::new(ROOT).join("locales"), &loc);
            apply(&cfg, &loc);
            let before = snapshot(dir.path());
            let out = std::process::Command::new(bin)
                .args(["check", "--config"])
                .arg(&cfg)
                .arg("--locales")
                .arg(&loc)
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            let first = stdout.lines().next().unwrap_or_default().to_string();
            let named = first.contains(file);
            let line_ok = !with_line
                || first
                    .split(file)
                    .nth(1)
                    .is_some_and(|rest| rest.starts_with(':') && rest[1..].starts_with(|c: char| c.is_ascii_digit()));
            if out.status.code() != Some(1) || !named || !line_ok || snapshot(dir.path()) != before {
                failures.push(format!("{what}: exit {:?}, first line {first:?}", out.status.code()));
            }
        }
        assert!(failures.is_empty(), "faults without a clear error:\n{}", failures.join("\n"));
    }
}

/// The monkey (the booth-day soak, shortened for CI: 5 000 actions, ~6 h of booth time, take about 7 min
/// in the debug build; `midori-kiosk monkey` runs the long ones): random taps, drags, pinches, holds and
/// pauses on the real app with a real log. No panic, never stuck (back in the attract loop whenever left
/// alone), every session opened is closed in the log, and the entity count in the attract loop is the
/// same at every check after warm-up.
#[test]
fn a_monkey_never_gets_the_kiosk_stuck() {
    use midori_kiosk::kiosk::monkey::{self, MonkeyPlan};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("monkey.sqlite");
    let mut k = Kiosk::logging_to(&path);
    let plan = MonkeyPlan {
        actions: 5_000,
        seed: 2013,
        frame_s: FRAME.as_secs_f32(),
        warm_up: 1_000,
        check_every: 250,
        single_threaded: true,
    };
    let r = monkey::run(&mut k.app, plan, &path, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
    println!("{r:?}");
    for s in [Screen::Map, Screen::Municipality, Screen::QuizIntro] {
        assert!(r.screens_seen.contains(&s), "the monkey never reached {s:?}: {:?}", r.screens_seen);
    }
    let k = r.kinds;
    assert_eq!(k.taps + k.clicks + k.drags + k.pinches + k.holds + k.pauses, r.actions, "{k:?}");
    assert!(k.taps > r.actions / 2 && k.drags > 0 && k.pinches > 0 && k.holds > 0 && k.pauses > 0, "{k:?}");
    assert!(r.idle_returns >= 20, "{}", r.idle_returns);
    assert!(
        r.sessions_started > 10 && r.sessions_started == r.sessions_ended,
        "{} opened, {} closed",
        r.sessions_started,
        r.sessions_ended
    );
    let ((e_min, e_max), (m_min, m_max)) = r.ranges();
    assert!(r.samples.len() >= 15);
    assert_eq!(e_min, e_max, "entities in the attract loop vary after warm-up: {:?}", r.samples);
    assert!(m_max - m_min < 64 * 1024, "resident memory grew by {} KiB: {:?}", m_max - m_min, r.samples);
    // Meshes (the map's) are freed with their screen; glyph atlases stay within the budget.
    assert!(r.samples.iter().all(|s| s.meshes == r.samples[0].meshes), "{:?}", r.samples);
    assert!(
        r.samples.iter().all(|s| s.glyph_atlas_kib > 0 && s.glyph_atlas_kib <= 64 * 1024 + 16 * 1024),
        "{:?}",
        r.samples
    );
}

#[test]
fn a_log_deleted_under_the_running_kiosk_is_recreated_and_the_staff_panel_says_so() {
    use midori_kiosk::telemetry::read_all;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk-01.sqlite");
    let mut k = Kiosk::logging_to(&path);
    k.tap_at(TITLE_BAND);
    k.app.world().resource::<midori_kiosk::kiosk::session::EventLog>().0.flush();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    // Visitors keep being served.
    k.open_on_map("13104");
    assert_eq!(k.screen(), Screen::Municipality);
    k.app.world().resource::<midori_kiosk::kiosk::session::EventLog>().0.flush();
    let events: Vec<Event> =
        read_all(&rusqlite::Connection::open(&path).unwrap()).unwrap().into_iter().map(|r| r.event).collect();
    assert_eq!(events.first(), Some(&Event::AppStart), "what was saved before the deletion is in the new file");
    assert!(events.contains(&Event::MunicipalitySelect { code: "13104".into(), how: SelectHow::Map }));
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::StaffPanel);
    k.frames(4);
    assert!(k.all_text().contains("記録ファイルが消されたため作り直しました"), "{}", k.all_text());
}

/// Every laid-out glyph points into an atlas image that exists.
fn glyph_atlases_present(k: &mut Kiosk) -> (usize, usize) {
    use bevy::text::TextLayoutInfo;
    let w = k.app.world_mut();
    let ids: Vec<AssetId<Image>> =
        w.query::<&TextLayoutInfo>().iter(w).flat_map(|l| l.glyphs.iter().map(|g| g.atlas_info.texture)).collect();
    let images = w.resource::<Assets<Image>>();
    (ids.len(), ids.iter().filter(|id| images.get(**id).is_none()).count())
}

#[test]
fn glyph_atlases_over_budget_are_dropped_in_the_attract_loop_and_text_still_draws() {
    use bevy::text::FontAtlasSet;
    use midori_kiosk::kiosk::glyph_cache::{GlyphAtlasBudget, GlyphAtlasTrims};
    let atlas_bytes =
        |k: &Kiosk| k.app.world().resource::<FontAtlasSet>().total_bytes(k.app.world().resource::<Assets<Image>>());
    let trims = |k: &Kiosk| k.app.world().resource::<GlyphAtlasTrims>().0;
    let go = |k: &mut Kiosk, s: Screen| {
        k.app.world_mut().resource_mut::<NextState<Screen>>().set(s);
        k.frames(4);
        assert_eq!(k.screen(), s);
    };
    let mut k = Kiosk::start(InitialView {
        screen: Screen::Municipality,
        lang: Some(Lang::Ko),
        municipality: Some("13421".into()),
        ..InitialView::default()
    });
    // Within the default budget, a return to the attract loop keeps the atlases.
    go(&mut k, Screen::Attract);
    assert_eq!(trims(&k), 0);
    go(&mut k, Screen::Municipality);
    let visited = atlas_bytes(&k);
    assert!(visited > 0);
    // Text that stays on screen across the change (not respawned by the attract loop) must be laid out again.
    k.app.world_mut().spawn(Text::new("Eco-Products 2013"));
    k.frames(2);
    // Over budget: dropped on the way back, and the attract loop's own glyphs rasterised again.
    k.app.insert_resource(GlyphAtlasBudget { bytes: visited - 1 });
    go(&mut k, Screen::Attract);
    assert_eq!(trims(&k), 1);
    let after = atlas_bytes(&k);
    assert!(after > 0 && after < visited, "atlas bytes {visited} before, {after} after");
    let (glyphs, missing) = glyph_atlases_present(&mut k);
    assert!(glyphs > 50 && missing == 0, "{missing} of {glyphs} glyphs point to a dropped atlas");
    // The next visitor's screens draw too.
    k.app.insert_resource(GlyphAtlasBudget::default());
    go(&mut k, Screen::Map);
    let (glyphs, missing) = glyph_atlases_present(&mut k);
    assert!(glyphs > 50 && missing == 0, "{missing} of {glyphs} glyphs point to a dropped atlas");
}
