//! Visitor sessions. A session starts when a touch leaves the attract loop and ends on Start over, on the
//! idle reset, or when a touch comes after the quiet gap (a new visitor took over without a reset). Every
//! event a plugin sends through [`EventSender`] is stamped with the session it happened in.

use bevy::ecs::system::SystemParam;
use bevy::input::InputSystems;
use bevy::picking::PickingSystems;
use bevy::prelude::*;
use std::time::Duration;

use super::event_bus::KioskEvent;
use super::{Content, Screen};
use crate::telemetry::{Event, ScreenName, SessionEndReason};

/// The visitor using the kiosk now.
#[derive(Resource, Debug, Default)]
pub struct VisitorSession {
    /// The session's random UUID while a visitor is on a visitor screen; `None` otherwise.
    pub id: Option<String>,
    /// When the last touch came (app time).
    pub last_touch: Option<Duration>,
    /// Why the coming return to the attract loop happens (Start over when not set).
    pub ending: Option<SessionEndReason>,
}

/// Sends events stamped with the current session.
#[derive(SystemParam)]
pub struct EventSender<'w> {
    writer: MessageWriter<'w, KioskEvent>,
    session: Res<'w, VisitorSession>,
}

impl EventSender<'_> {
    /// Sends `event` to the log, stamped with the current session (none outside one).
    pub fn send(&mut self, event: Event) {
        let session = self.session.id.clone();
        self.writer.write(KioskEvent { event, session });
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<VisitorSession>()
        .add_systems(PreUpdate, track_touches.after(InputSystems).before(PickingSystems::Input))
        .add_systems(PostUpdate, screen_changes);
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The quiet gap that splits a session on `screen`: never shorter than the screen's own idle limit, so a
/// visitor who thinks for a minute over a quiz question stays one visitor (the idle reset ends the visit).
pub fn quiet_gap_on(screen: Screen, content: Option<&Content>, more_time: super::MoreTime) -> Duration {
    let t = super::idle_timings(content, more_time);
    if screen.is_quiz() { t.quiet_gap.max(t.quiz) } else { t.quiet_gap }
}

fn track_touches(
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    time: Res<Time<Real>>,
    state: Res<State<Screen>>,
    content: Option<Res<Content>>,
    more_time: Res<super::MoreTime>,
    mut session: ResMut<VisitorSession>,
    mut writer: MessageWriter<KioskEvent>,
) {
    if mouse.get_just_pressed().next().is_none() && !touches.any_just_pressed() {
        return;
    }
    let now = time.elapsed();
    let gap = quiet_gap_on(*state.get(), content.as_deref(), *more_time);
    if state.get().is_visitor_screen()
        && session.id.is_some()
        && session.last_touch.is_some_and(|t| now.saturating_sub(t) >= gap)
    {
        writer.write(KioskEvent {
            event: Event::SessionEnd { reason: SessionEndReason::QuietGap },
            session: session.id.take(),
        });
        session.id = Some(new_id());
        writer.write(KioskEvent { event: Event::SessionStart, session: session.id.clone() });
    }
    session.last_touch = Some(now);
}

/// The screen's name in the log.
pub fn screen_name(s: Screen) -> ScreenName {
    match s {
        Screen::Loading | Screen::ConfigError => ScreenName::ConfigError,
        Screen::Attract => ScreenName::Attract,
        Screen::Map => ScreenName::Map,
        Screen::Municipality => ScreenName::Municipality,
        Screen::TakeHome => ScreenName::TakeHome,
        Screen::Program => ScreenName::Program,
        Screen::About => ScreenName::About,
        Screen::QuizIntro => ScreenName::QuizIntro,
        Screen::QuizQuestion => ScreenName::QuizQuestion,
        Screen::QuizFeedback => ScreenName::QuizFeedback,
        Screen::QuizResult => ScreenName::QuizResult,
        Screen::StaffPin | Screen::StaffPanel => ScreenName::Staff,
    }
}

pub(crate) fn screen_changes(
    state: Res<State<Screen>>,
    time: Res<Time<Real>>,
    mut session: ResMut<VisitorSession>,
    mut reentry: ResMut<super::LanguageReentry>,
    mut writer: MessageWriter<KioskEvent>,
) {
    // A language switch rebuilds the same screen (its OnEnter ran again this frame, reading the flag):
    // the visitor is still looking at it. The flag lasts one frame, whether or not the state reports a change.
    let rebuilt = std::mem::take(&mut reentry.0);
    if !state.is_changed() || *state.get() == Screen::Loading || rebuilt {
        return;
    }
    let screen = *state.get();
    if screen.is_visitor_screen() && session.id.is_none() {
        session.id = Some(new_id());
        session.last_touch = Some(time.elapsed());
        writer.write(KioskEvent { event: Event::SessionStart, session: session.id.clone() });
    }
    if !screen.is_visitor_screen() && session.id.is_some() {
        let reason = session.ending.take().unwrap_or(SessionEndReason::StartOver);
        writer.write(KioskEvent { event: Event::SessionEnd { reason }, session: session.id.take() });
    }
    session.ending = None;
    writer.write(KioskEvent { event: Event::ScreenView { screen: screen_name(screen) }, session: session.id.clone() });
}
