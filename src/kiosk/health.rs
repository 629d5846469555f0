//! The kiosk's health in the log: a heartbeat every minute with the frame times of the minute before and
//! the events the log dropped, and a watch on the system clock (a jump is logged as an error).

use bevy::prelude::*;
use std::collections::VecDeque;
use std::time::Duration;

use super::event_bus::{EventLog, KioskEvent};

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
/// Time between two heartbeats in the log (real time since start; the first comes one interval in).
pub const HEARTBEAT: Duration = Duration::from_secs(60);

#[derive(Resource, Default)]
struct FrameTimes(VecDeque<Duration>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FrameTimes>()
        .init_resource::<LastHeartbeat>()
        .init_resource::<ClockWatch>()
        .add_systems(Last, (watch_clock, heartbeat).chain().before(super::event_bus::RecordEvents));
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
        writer.write(KioskEvent {
            event: crate::telemetry::Event::Error { kind: crate::telemetry::ErrorKind::Clock },
            session: None,
        });
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
        event: crate::telemetry::Event::Heartbeat {
            uptime_s: time.elapsed().as_secs(),
            frame_p50_us: pct(0.5),
            frame_p99_us: pct(0.99),
            dropped: log.map_or(0, |l| l.0.health().dropped),
        },
        session: None,
    });
}
