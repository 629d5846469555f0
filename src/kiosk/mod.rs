//! The Bevy app: thin plugins over the domain modules. One plugin per concern, one file per screen.

pub mod aids;
pub mod app;
pub mod capture;
pub mod display;
pub mod drive;
pub mod event_bus;
pub mod fonts;
pub mod glyph_cache;
pub mod health;
pub mod icons;
pub mod idle;
pub mod map_view;
pub mod monkey;
pub mod motion;
pub mod pointer_input;
pub mod screens;
pub mod session;
pub mod speech;
pub mod staff;
pub mod theme;
pub mod top_bar;
pub mod visit;
pub mod widgets;

use bevy::prelude::*;
use std::sync::Arc;

use crate::booth::Booth;
use crate::i18n::Localizer;
use crate::lang::Lang;
pub use event_bus::{KioskEvent, RecordedEvents};
pub use session::EventSender;
pub use visit::Selection;

/// The top-level screen.
#[derive(States, Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Screen {
    /// Waiting for the fonts; nothing visible yet.
    #[default]
    Loading,
    /// The booth configuration is broken: a page for staff, never the visitor experience.
    ConfigError,
    /// The attract loop: the living map, with its call to touch, waiting for the next visitor.
    Attract,
    /// The hub: the interactive map with its card, quick zooms, colours and the list of all 62.
    Map,
    /// One municipality's page: its names, facts and programs.
    Municipality,
    /// A QR code to take home: the municipality's website, or the chosen program's page.
    TakeHome,
    /// One program: summary, year, theme, source and the QR code of its page.
    Program,
    /// About the project: declaration, organizers, plan, results and courses, one tab each.
    About,
    /// Quiz: what it is, and the start button.
    QuizIntro,
    /// Quiz: one question and its 2–4 choices.
    QuizQuestion,
    /// Quiz: right or wrong, the right answer and its explanation.
    QuizFeedback,
    /// Quiz: the score, the rank, each answer, and a QR code to learn more.
    QuizResult,
    /// Staff: the PIN pad (opened by holding the top-left corner).
    StaffPin,
    /// Staff: showcase, counters, health, exit.
    StaffPanel,
}

impl Screen {
    /// Screens a visitor uses (sessions, idle timer, top bar).
    pub fn is_visitor_screen(self) -> bool {
        !matches!(self, Screen::Loading | Screen::ConfigError | Screen::Attract | Screen::StaffPin | Screen::StaffPanel)
    }

    /// Staff screens (they also go back to the attract loop when left alone).
    pub fn is_staff(self) -> bool {
        matches!(self, Screen::StaffPin | Screen::StaffPanel)
    }

    /// Screens of the quiz (longer idle timeout; leaving them abandons a round).
    pub fn is_quiz(self) -> bool {
        matches!(self, Screen::QuizIntro | Screen::QuizQuestion | Screen::QuizFeedback | Screen::QuizResult)
    }
}

/// The validated booth content.
#[derive(Resource, Clone)]
pub struct Content(pub Arc<Booth>);

/// The idle timings of booth.toml (or the ones it ships with when it could not be read), stretched in
/// the staff's "more time" mode.
pub fn idle_timings(content: Option<&Content>, more_time: MoreTime) -> crate::content::IdleTimings {
    let t = content.map_or(crate::content::IdleTimings::SHIPPED, |c| c.0.settings.idle);
    if more_time.0 { t.with_more_time() } else { t }
}

/// The staff's "more time" mode for school groups: idle limits × 3 until staff turn it off (it outlives
/// visits, not a restart).
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MoreTime(pub bool);

/// The UI strings.
#[derive(Resource, Clone)]
pub struct Strings(pub Arc<Localizer>);

/// The language on screen now.
#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurrentLang(pub Lang);

/// Set when a language button re-enters the screen to rebuild it in the new language: the screen is not
/// a new view, so it must not log a second `screen_view`, `program_view` or `qr_shown`. Cleared after the
/// screen change has been seen (PostUpdate).
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct LanguageReentry(pub bool);

/// Problems that stop the visitor experience, one line each (`file:line:col: message`).
#[derive(Resource, Clone, Debug, Default)]
pub struct ConfigProblems(pub Vec<String>);

/// Seconds that drive every animation. Frozen in screenshot mode so images are reproducible.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct AnimationClock {
    /// Seconds of animation since start (the frozen value in screenshot mode).
    pub seconds: f32,
    /// Screenshot mode: `seconds` does not advance.
    pub frozen: bool,
}

/// What the app starts with.
#[derive(Clone)]
pub enum LoadedBooth {
    /// Booth configuration and locales read and valid: the visitor experience.
    Ready {
        /// The validated booth content.
        booth: Arc<Booth>,
        /// The UI strings of the booth's languages.
        strings: Arc<Localizer>,
    },
    /// The configuration is broken: the app only shows its problems, to staff.
    Broken {
        /// One line per problem (`file:line:col: message`).
        problems: Vec<String>,
        /// The UI strings, when the locales could be read.
        strings: Option<Arc<Localizer>>,
    },
}

/// Where the app goes once the fonts are loaded, and in which state (used by screenshots and tests).
#[derive(Resource, Clone, Debug)]
pub struct InitialView {
    /// The screen shown once the fonts are loaded (the config error page instead when the booth is broken).
    pub screen: Screen,
    /// The language to start in; booth.toml's default language when `None`.
    pub lang: Option<Lang>,
    /// The municipality chosen: its page, or on the map its card.
    pub municipality: Option<String>,
    /// The program chosen: the one the program screen shows, or whose page the take-home screen gives.
    pub program: Option<String>,
    /// Start with the "Still there?" overlay up and the idle timer frozen (screenshots).
    pub idle_warning: bool,
    /// Freeze animations at this many seconds.
    pub frozen_clock: Option<f32>,
    /// On the about screen: this tab.
    pub about_tab: Option<screens::about::AboutTab>,
    /// The quick zoom the map screen opens on (`None`: all of Tokyo).
    pub map_zoom: Option<map_view::QuickZoom>,
    /// The map layout to start with (`None`: the official map when imported, else the tiles).
    pub map_layout: Option<map_view::MapLayout>,
    /// What colours the map at start (`None`: the regions).
    pub choropleth: Option<map_view::Choropleth>,
    /// The visitor's aids to start with (screenshots).
    pub aids: aids::Aids,
}

impl Default for InitialView {
    fn default() -> Self {
        InitialView {
            screen: Screen::Attract,
            lang: None,
            municipality: None,
            program: None,
            idle_warning: false,
            frozen_clock: None,
            about_tab: None,
            map_zoom: None,
            map_layout: None,
            choropleth: None,
            aids: aids::Aids::default(),
        }
    }
}

/// Everything of the kiosk except Bevy's own plugins (so tests can run it without a window or GPU).
pub struct KioskPlugin {
    /// The booth as loaded: its content and strings, or the problems to show.
    pub startup: LoadedBooth,
    /// Where the app goes once the fonts are loaded, and in which state.
    pub initial: InitialView,
}

impl Plugin for KioskPlugin {
    fn build(&self, app: &mut App) {
        let default_lang = match &self.startup {
            LoadedBooth::Ready { booth, strings } => {
                let content = Content(booth.clone());
                app.insert_resource(map_view::MapLayers::from_content(&content));
                app.insert_resource(content).insert_resource(Strings(strings.clone()));
                booth.settings.default_lang
            }
            LoadedBooth::Broken { problems, strings } => {
                app.insert_resource(ConfigProblems(problems.clone()));
                if let Some(s) = strings {
                    app.insert_resource(Strings(s.clone()));
                }
                Lang::Ja
            }
        };
        let mut initial = self.initial.clone();
        if matches!(self.startup, LoadedBooth::Broken { .. }) {
            initial.screen = Screen::ConfigError;
        }
        app.insert_resource(CurrentLang(initial.lang.unwrap_or(default_lang)))
            .insert_resource(Selection {
                municipality: initial.municipality.clone(),
                program: initial.program.clone(),
                how: None,
            })
            .insert_resource(AnimationClock {
                seconds: initial.frozen_clock.unwrap_or(0.0),
                frozen: initial.frozen_clock.is_some(),
            })
            .insert_resource(initial.map_layout.unwrap_or(match &self.startup {
                LoadedBooth::Ready { booth, .. } if booth.official_map.is_some() => map_view::MapLayout::Official,
                _ => map_view::MapLayout::Tiles,
            }))
            .insert_resource(initial.choropleth.unwrap_or_default())
            .insert_resource(initial.aids)
            .insert_resource(initial)
            .init_resource::<LanguageReentry>()
            .init_resource::<MoreTime>()
            .init_state::<Screen>()
            .add_systems(Startup, spawn_camera)
            .add_systems(Update, tick_animation_clock)
            .add_plugins((
                theme::plugin,
                fonts::plugin,
                glyph_cache::plugin,
                icons::plugin,
                motion::plugin,
                screens::plugin,
                top_bar::plugin,
                idle::plugin,
                event_bus::plugin,
                session::plugin,
                health::plugin,
                staff::plugin,
                map_view::plugin,
                visit::plugin,
                (pointer_input::plugin, display::plugin, health::notify_plugin, aids::plugin, speech::plugin),
            ));
    }
}

/// The one camera: UI now, the map's meshes later.
fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

fn tick_animation_clock(time: Res<Time>, mut clock: ResMut<AnimationClock>) {
    if !clock.frozen {
        clock.seconds += time.delta_secs();
    }
}

/// Leaves the loading screen for the initial view once the fonts are ready.
pub(crate) fn leave_loading(
    fonts_ready: Res<fonts::FontsReady>,
    initial: Res<InitialView>,
    mut next: ResMut<NextState<Screen>>,
) {
    if fonts_ready.0 {
        next.set(initial.screen);
    }
}
