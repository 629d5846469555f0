//! Visitor sessions and the event path. A session starts when a touch leaves the attract loop and ends
//! on Start over, on the idle reset, or when a touch comes after the quiet gap (a new visitor took over
//! without a reset). Every event is stamped with the session it happened in and, when the booth has a
//! data folder, handed to the SQLite log.

use bevy::ecs::system::SystemParam;
use bevy::input::InputSystems;
use bevy::picking::PickingSystems;
use bevy::prelude::*;
use std::collections::VecDeque;
use std::time::Duration;

use super::{Content, Screen};
use crate::telemetry::{DayCounters, Event, Record, ScreenName, SessionEndReason, Telemetry};

/// An event for the interaction log, with the session it belongs to.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct KioskEvent {
    pub event: Event,
    pub session: Option<String>,
}

/// The visitor using the kiosk now.
#[derive(Resource, Debug, Default)]
pub struct VisitorSession {
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
    pub fn send(&mut self, event: Event) {
        let session = self.session.id.clone();
        self.writer.write(KioskEvent { event, session });
    }
}

/// The SQLite log, when the kiosk has one.
#[derive(Resource)]
pub struct EventLog(pub Telemetry);

/// The most recent events of this run in memory (at most [`RECORDED_EVENTS_CAP`]), with their session and
/// UTC time in ms, for tests and a look in a debugger. The log has them all.
#[derive(Resource, Clone, Debug, Default)]
pub struct RecordedEvents(pub VecDeque<(Event, Option<String>, i64)>);

/// The staff panel's counters for today, as running totals (constant memory over a 3-day booth).
#[derive(Resource, Clone, Debug, Default)]
pub struct TodayCounters(pub DayCounters);

/// When the last heartbeat was sent (app time).
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct LastHeartbeat(pub Option<Duration>);

/// Watches the system clock against the app's own: a jump of more than 2 minutes is reported.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct ClockWatch {
    anchor: Option<(i64, Duration)>,
    /// Sum of the jumps seen, in ms (0 when the clock behaved).
    pub jumped_ms: i64,
}

const CLOCK_JUMP_MS: i64 = 120_000;

pub const RECORDED_EVENTS_CAP: usize = 2_000;
/// A heartbeat every minute, with the frame times of the minute before.
pub const HEARTBEAT: Duration = Duration::from_secs(60);

#[derive(Resource, Default)]
struct FrameTimes(VecDeque<Duration>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<KioskEvent>()
        .init_resource::<VisitorSession>()
        .init_resource::<RecordedEvents>()
        .init_resource::<TodayCounters>()
        .init_resource::<FrameTimes>()
        .init_resource::<LastHeartbeat>()
        .init_resource::<ClockWatch>()
        .add_systems(Startup, |mut events: EventSender| events.send(Event::AppStart))
        .add_systems(PreUpdate, track_touches.after(InputSystems).before(PickingSystems::Input))
        .add_systems(PostUpdate, screen_changes)
        .add_systems(Last, (watch_clock, heartbeat, record_events, stop_on_exit).chain());
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The quiet gap that splits a session on `screen`: never shorter than the screen's own idle limit, so a
/// visitor who thinks for a minute over a quiz question stays one visitor (the idle reset ends the visit).
pub fn quiet_gap_on(screen: Screen, content: Option<&Content>) -> Duration {
    let t = content.map_or(super::idle::DEFAULT_TIMINGS, |c| c.0.settings.idle);
    if screen.is_quiz() { t.quiet_gap.max(t.quiz) } else { t.quiet_gap }
}

fn track_touches(
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    time: Res<Time<Real>>,
    state: Res<State<Screen>>,
    content: Option<Res<Content>>,
    mut session: ResMut<VisitorSession>,
    mut writer: MessageWriter<KioskEvent>,
) {
    if mouse.get_just_pressed().next().is_none() && !touches.any_just_pressed() {
        return;
    }
    let now = time.elapsed();
    let gap = quiet_gap_on(*state.get(), content.as_deref());
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

fn watch_clock(
    time: Res<Time<Real>>,
    clock: Res<super::staff::BoothClock>,
    mut watch: ResMut<ClockWatch>,
    mut writer: MessageWriter<KioskEvent>,
) {
    let (utc, mono) = (clock.utc_ms(), time.elapsed());
    let Some((anchor_utc, anchor_mono)) = watch.anchor else {
        watch.anchor = Some((utc, mono));
        return;
    };
    let expected = anchor_utc + mono.saturating_sub(anchor_mono).as_millis() as i64;
    let drift = utc - expected;
    if drift.abs() > CLOCK_JUMP_MS {
        watch.jumped_ms += drift;
        writer.write(KioskEvent { event: Event::Error { kind: crate::telemetry::ErrorKind::Clock }, session: None });
    }
    watch.anchor = Some((utc, mono));
}

fn heartbeat(
    time: Res<Time<Real>>,
    mut frames: ResMut<FrameTimes>,
    mut next_at: Local<Duration>,
    mut last: ResMut<LastHeartbeat>,
    log: Option<Res<EventLog>>,
    mut writer: MessageWriter<KioskEvent>,
) {
    frames.0.push_back(time.delta());
    if frames.0.len() > 60 * 60 {
        frames.0.pop_front();
    }
    if *next_at == Duration::ZERO {
        *next_at = HEARTBEAT;
    }
    if time.elapsed() < *next_at {
        return;
    }
    *next_at += HEARTBEAT;
    last.0 = Some(time.elapsed());
    let mut sorted: Vec<Duration> = frames.0.iter().copied().collect();
    sorted.sort();
    let pct = |p: f64| {
        sorted.get(((sorted.len().saturating_sub(1)) as f64 * p).round() as usize).map_or(0, |d| d.as_micros() as u32)
    };
    writer.write(KioskEvent {
        event: Event::Heartbeat {
            uptime_s: time.elapsed().as_secs(),
            frame_p50_us: pct(0.5),
            frame_p99_us: pct(0.99),
            dropped: log.map_or(0, |l| l.0.health().dropped),
        },
        session: None,
    });
}

fn record_events(
    mut events: MessageReader<KioskEvent>,
    mut recorded: ResMut<RecordedEvents>,
    mut today: ResMut<TodayCounters>,
    content: Option<Res<Content>>,
    log: Option<Res<EventLog>>,
    time: Res<Time<Real>>,
) {
    let utc_offset = content.map_or(0, |c| c.0.settings.event.utc_offset_minutes);
    for e in events.read() {
        if recorded.0.len() >= RECORDED_EVENTS_CAP {
            recorded.0.pop_front();
        }
        let record = Record::new(e.event.clone(), e.session.clone(), time.elapsed().as_millis() as i64);
        today.0.add(&e.event, record.utc_ms, utc_offset);
        recorded.0.push_back((e.event.clone(), e.session.clone(), record.utc_ms));
        if let Some(log) = &log {
            log.0.send(record);
        }
    }
}

fn stop_on_exit(mut exits: MessageReader<AppExit>, log: Option<Res<EventLog>>, time: Res<Time<Real>>) {
    if exits.read().next().is_none() {
        return;
    }
    if let Some(log) = log {
        log.0.send(Record::new(Event::AppStop, None, time.elapsed().as_millis() as i64));
        log.0.flush();
    }
}
