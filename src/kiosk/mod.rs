//! The Bevy app: thin plugins over the domain modules. One plugin per concern, one file per screen.

pub mod app;
pub mod capture;
pub mod drive;
pub mod fonts;
pub mod glyph_cache;
pub mod icons;
pub mod idle;
pub mod map_view;
pub mod monkey;
pub mod motion;
pub mod screens;
pub mod session;
pub mod staff;
pub mod theme;
pub mod top_bar;
pub mod widgets;

use bevy::prelude::*;
use std::sync::Arc;

use crate::booth::Booth;
use crate::i18n::Localizer;
use crate::lang::Lang;
pub use session::{EventSender, KioskEvent, RecordedEvents};

/// The top-level screen.
#[derive(States, Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Screen {
    /// Waiting for the fonts; nothing visible yet.
    #[default]
    Loading,
    /// The booth configuration is broken: a page for staff, never the visitor experience.
    ConfigError,
    Attract,
    Map,
    Municipality,
    TakeHome,
    /// One program: summary, year, theme, source and the QR code of its page.
    Program,
    About,
    QuizIntro,
    QuizQuestion,
    QuizFeedback,
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

/// The UI strings.
#[derive(Resource, Clone)]
pub struct Strings(pub Arc<Localizer>);

/// The language on screen now.
#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurrentLang(pub Lang);

/// The municipality a visitor chose.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub municipality: Option<String>,
    /// A program whose page the visitor wants to take home (only programs with a URL).
    pub program: Option<String>,
}

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
    pub seconds: f32,
    pub frozen: bool,
}

/// What the app starts with.
#[derive(Clone)]
pub enum LoadedBooth {
    Ready { booth: Arc<Booth>, strings: Arc<Localizer> },
    Broken { problems: Vec<String>, strings: Option<Arc<Localizer>> },
}

/// Where the app goes once the fonts are loaded, and in which state (used by screenshots and tests).
#[derive(Resource, Clone, Debug)]
pub struct InitialView {
    pub screen: Screen,
    pub lang: Option<Lang>,
    pub municipality: Option<String>,
    pub program: Option<String>,
    pub idle_warning: bool,
    /// Freeze animations at this many seconds.
    pub frozen_clock: Option<f32>,
    /// On the map: open the card of `municipality`.
    pub map_card: bool,
    /// On the about screen: this tab.
    pub about_tab: Option<screens::about::AboutTab>,
    pub map_zoom: Option<map_view::QuickZoom>,
    pub map_layout: Option<map_view::MapLayout>,
    pub choropleth: Option<map_view::Choropleth>,
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
            map_card: false,
            about_tab: None,
            map_zoom: None,
            map_layout: None,
            choropleth: None,
        }
    }
}

/// Everything of the kiosk except Bevy's own plugins (so tests can run it without a window or GPU).
pub struct KioskPlugin {
    pub startup: LoadedBooth,
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
            .insert_resource(Selection { municipality: initial.municipality.clone(), program: initial.program.clone() })
            .insert_resource(AnimationClock {
                seconds: initial.frozen_clock.unwrap_or(0.0),
                frozen: initial.frozen_clock.is_some(),
            })
            .insert_resource(initial.map_layout.unwrap_or(match &self.startup {
                LoadedBooth::Ready { booth, .. } if booth.official_map.is_some() => map_view::MapLayout::Official,
                _ => map_view::MapLayout::Tiles,
            }))
            .insert_resource(initial.choropleth.unwrap_or_default())
            .insert_resource(map_view::MapCard(if initial.map_card { initial.municipality.clone() } else { None }))
            .insert_resource(initial)
            .init_resource::<LanguageReentry>()
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
                session::plugin,
                staff::plugin,
                map_view::plugin,
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
