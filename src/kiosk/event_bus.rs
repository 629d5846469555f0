//! The event bus: every event a plugin sends, kept in memory for the staff panel and tests and handed to
//! the SQLite log when the booth has one; the log is flushed when the app exits.

use bevy::prelude::*;
use std::collections::VecDeque;

use super::Content;
use crate::telemetry::{DayCounters, Event, Record, Telemetry};

/// An event for the interaction log, with the session it belongs to.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct KioskEvent {
    /// What happened.
    pub event: Event,
    /// Id of the visitor session it happened in; `None` outside a session (start, heartbeats, the attract loop).
    pub session: Option<String>,
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

/// Most events [`RecordedEvents`] keeps; beyond it the oldest is dropped for each new one.
pub const RECORDED_EVENTS_CAP: usize = 2_000;

/// Where the frame's events are recorded and handed to the log (in `Last`): a system that sends events
/// late in the frame runs before it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordEvents;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<KioskEvent>()
        .init_resource::<RecordedEvents>()
        .init_resource::<TodayCounters>()
        .add_systems(Startup, |mut events: super::EventSender| events.send(Event::AppStart))
        .add_systems(Last, (record_events, stop_on_exit).chain().in_set(RecordEvents));
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
