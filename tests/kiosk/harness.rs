//! The app harness: the real kiosk without a window or GPU, and the taps, clicks and look-ups the
//! tests drive it with; its `pub use` lines are the imports every topic module shares.

pub use bevy::input::touch::{TouchInput, TouchPhase};
pub use bevy::prelude::*;
pub use bevy::ui::UiGlobalTransform;
pub use bevy::window::PrimaryWindow;
pub use midori_kiosk::kiosk::RecordedEvents;
pub use midori_kiosk::kiosk::app::build_headless;
pub use midori_kiosk::kiosk::idle::{ContinueButton, IdleOverlay};
pub use midori_kiosk::kiosk::screens::config_error::ProblemLine;
pub use midori_kiosk::kiosk::screens::map::QuizOpenButton;
pub use midori_kiosk::kiosk::screens::map::{ListOpenButton, MunicipalityButton};
pub use midori_kiosk::kiosk::screens::municipality::TakeHomeButton;
pub use midori_kiosk::kiosk::screens::quiz::QuizSession;
pub use midori_kiosk::kiosk::screens::quiz::feedback::QuizNextButton;
pub use midori_kiosk::kiosk::screens::quiz::intro::QuizStartButton;
pub use midori_kiosk::kiosk::screens::quiz::question::QuizChoice;
pub use midori_kiosk::kiosk::screens::take_home::TakeHomeQr;
pub use midori_kiosk::kiosk::theme::{TARGET_MIN_MM, px_per_mm};
pub use midori_kiosk::kiosk::top_bar::{LanguageButton, StartOverButton};
pub use midori_kiosk::kiosk::{CurrentLang, InitialView, LoadedBooth, Screen, Selection};
pub use midori_kiosk::lang::Lang;
pub use midori_kiosk::telemetry::{Event, QrTarget, ScreenName};
pub use midori_kiosk::telemetry::{SelectHow, SessionEndReason};
pub use std::path::Path;
pub use std::sync::Arc;
pub use std::time::Duration;

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");
pub const W: u32 = 1920;
pub const H: u32 = 1080;
pub const FRAME: Duration = Duration::from_millis(100);

/// A point on the attract loop's title band: leaves it without choosing a municipality.
pub const TITLE_BAND: Vec2 = Vec2::new(960.0, 60.0);

pub fn startup() -> LoadedBooth {
    let (booth, strings) =
        midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap();
    LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) }
}

pub struct Kiosk {
    pub app: App,
}

impl Kiosk {
    pub fn start(initial: InitialView) -> Kiosk {
        Kiosk::with(startup(), initial)
    }

    pub fn with(startup: LoadedBooth, initial: InitialView) -> Kiosk {
        Kiosk::with_log(startup, initial, None)
    }

    pub fn with_log(
        startup: LoadedBooth,
        initial: InitialView,
        log: Option<midori_kiosk::telemetry::Telemetry>,
    ) -> Kiosk {
        let mut app = build_headless(startup, initial, W, H, FRAME);
        if let Some(log) = log {
            app.insert_resource(midori_kiosk::kiosk::event_bus::EventLog(log));
        }
        midori_kiosk::kiosk::app::wait_until_loaded(&mut app, 600);
        let mut k = Kiosk { app };
        k.frames(3);
        assert_ne!(k.screen(), Screen::Loading, "fonts never loaded");
        k
    }

    /// A kiosk on the shipped config whose log is a new file at `path`.
    pub fn logging_to(path: &Path) -> Kiosk {
        use midori_kiosk::telemetry::{Meta, Telemetry, WriterConfig};
        let meta = Meta { kiosk_id: "kiosk-01".into(), booth_id: "all62-ecopro".into(), app_version: "test".into() };
        let log = Telemetry::start(path, meta, WriterConfig::default()).unwrap();
        Kiosk::with_log(startup(), InitialView::default(), Some(log))
    }

    /// Every municipality code of the booth, in file order.
    pub fn codes(&self) -> Vec<String> {
        self.app
            .world()
            .resource::<midori_kiosk::kiosk::Content>()
            .0
            .municipalities
            .list
            .iter()
            .map(|m| m.code.clone())
            .collect()
    }

    pub fn frames(&mut self, n: usize) {
        for _ in 0..n {
            self.app.update();
        }
    }

    /// Runs the app for `seconds` of simulated time (frames of `FRAME`).
    pub fn seconds(&mut self, seconds: u32) {
        self.frames((Duration::from_secs(u64::from(seconds)).as_millis() / FRAME.as_millis()) as usize);
    }

    pub fn screen(&self) -> Screen {
        *self.app.world().resource::<State<Screen>>().get()
    }

    pub fn lang(&self) -> Lang {
        self.app.world().resource::<CurrentLang>().0
    }

    pub fn window(&mut self) -> Entity {
        self.app.world_mut().query_filtered::<Entity, With<PrimaryWindow>>().single(self.app.world()).unwrap()
    }

    /// Centre, in logical pixels, of the one entity matching `F`.
    pub fn centre_of<F: bevy::ecs::query::QueryFilter>(&mut self) -> Vec2 {
        let mut q = self.app.world_mut().query_filtered::<&UiGlobalTransform, F>();
        let t = q.single(self.app.world()).expect("exactly one such entity");
        t.affine().translation
    }

    /// A mouse click at a point, the way winit delivers it.
    pub fn click_at(&mut self, position: Vec2) {
        midori_kiosk::kiosk::drive::click(&mut self.app, position);
    }

    /// A finger tap at a point.
    pub fn tap_at(&mut self, position: Vec2) {
        midori_kiosk::kiosk::drive::tap(&mut self.app, position);
    }

    pub fn click<F: bevy::ecs::query::QueryFilter>(&mut self) {
        let p = self.centre_of::<F>();
        self.click_at(p);
    }

    /// How many idle overlays are on screen.
    pub fn overlays(&mut self) -> usize {
        self.app.world_mut().query::<&IdleOverlay>().iter(self.app.world()).count()
    }

    /// Centre of a municipality's button in the list (open the list first).
    pub fn list_button_centre(&mut self, code: &str) -> Vec2 {
        let mut q = self.app.world_mut().query::<(&MunicipalityButton, &UiGlobalTransform)>();
        q.iter(self.app.world())
            .find(|(b, _)| b.0 == code)
            .map(|(_, t)| t.affine().translation)
            .unwrap_or_else(|| panic!("no button for {code}"))
    }

    /// Where a map point is on screen now (after letting the camera settle).
    pub fn map_to_screen(&mut self, p: [f64; 2]) -> Vec2 {
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
    pub fn map_point(&mut self, code: &str) -> Vec2 {
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
    pub fn open_on_map(&mut self, code: &str) {
        let p = self.map_point(code);
        self.tap_at(p);
        self.tap_at(p);
    }

    pub fn card(&self) -> Option<String> {
        self.app.world().resource::<Selection>().municipality.clone()
    }

    pub fn click_language(&mut self, lang: Lang) {
        let mut q = self.app.world_mut().query::<(&LanguageButton, &UiGlobalTransform)>();
        let p = q.iter(self.app.world()).find(|(b, _)| b.0 == lang).map(|(_, t)| t.affine().translation).unwrap();
        self.click_at(p);
    }

    /// Every text on screen, joined.
    pub fn all_text(&mut self) -> String {
        let mut q = self.app.world_mut().query::<&Text>();
        q.iter(self.app.world()).map(|t| t.0.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// The smallest side, in mm on the configured screen, of every button on screen.
    pub fn smallest_button_mm(&mut self) -> (f32, String) {
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

impl Kiosk {
    pub fn click_choice(&mut self, position: usize) {
        let mut q = self.app.world_mut().query::<(&QuizChoice, &UiGlobalTransform)>();
        let p = q.iter(self.app.world()).find(|(c, _)| c.0 == position).map(|(_, t)| t.affine().translation).unwrap();
        self.click_at(p);
    }
    pub fn events(&self) -> Vec<Event> {
        self.app.world().resource::<RecordedEvents>().0.iter().map(|(e, _, _)| e.clone()).collect()
    }
    pub fn stamped(&self) -> Vec<(Event, Option<String>)> {
        self.app.world().resource::<RecordedEvents>().0.iter().map(|(e, s, _)| (e.clone(), s.clone())).collect()
    }
    pub fn correct_position(&self) -> usize {
        self.app.world().resource::<QuizSession>().round.as_ref().unwrap().current().unwrap().correct_position
    }
}

pub fn count(events: &[Event], f: impl Fn(&Event) -> bool) -> usize {
    events.iter().filter(|e| f(e)).count()
}

/// The events from the first session start on, with sessions numbered 1, 2, … in order of appearance.
pub fn numbered(stamped: &[(Event, Option<String>)]) -> Vec<(Event, usize)> {
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

/// The program cards on the municipality page, with their ids and centres.
pub fn program_cards(k: &mut Kiosk) -> Vec<(String, Vec2)> {
    use midori_kiosk::kiosk::screens::municipality::ProgramCard;
    let mut q = k.app.world_mut().query::<(&ProgramCard, &UiGlobalTransform)>();
    let mut found: Vec<(String, Vec2)> =
        q.iter(k.app.world()).map(|(c, t)| (c.0.clone(), t.affine().translation)).collect();
    found.sort_by(|a, b| (a.1.y, a.1.x).partial_cmp(&(b.1.y, b.1.x)).unwrap());
    found
}

/// A copy of the shipped booth_config's files in `dir/name`, to change without touching the real one.
pub fn copy_of_booth_config(dir: &Path, name: &str) -> std::path::PathBuf {
    let cfg = dir.join(name);
    std::fs::create_dir(&cfg).unwrap();
    for e in std::fs::read_dir(Path::new(ROOT).join("booth_config")).unwrap() {
        let e = e.unwrap();
        if e.path().is_file() {
            std::fs::copy(e.path(), cfg.join(e.file_name())).unwrap();
        }
    }
    cfg
}
