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

/// Where readiness and watchdog pings go.
#[derive(Debug)]
pub enum NotifySink {
    /// systemd, through `NOTIFY_SOCKET` (the `sd-notify` crate).
    Systemd,
    /// Kept in memory (tests).
    Recorded(Vec<String>),
}

/// systemd's `Type=notify` and `WatchdogSec=` from the frame loop: `READY=1` on the first frame of the
/// attract loop (or of the configuration error screen: the kiosk is up and says what is wrong), then
/// `WATCHDOG=1` at half the watchdog interval, from a system of the frame loop, so that a frozen loop
/// stops pinging and systemd restarts the kiosk. Absent when the kiosk does not run under systemd.
#[derive(Resource, Debug)]
pub struct SystemdNotifier {
    /// When to ping; none when the unit has no watchdog.
    pub schedule: Option<crate::watchdog::PingSchedule>,
    /// Whether READY=1 has been sent.
    pub ready: bool,
    /// Where the messages go.
    pub sink: NotifySink,
}

impl SystemdNotifier {
    /// The notifier for this process, when systemd asked for notifications (`NOTIFY_SOCKET` is set).
    pub fn from_environment() -> Option<SystemdNotifier> {
        std::env::var_os("NOTIFY_SOCKET")?;
        let var = |k: &str| std::env::var(k).ok();
        let interval = crate::watchdog::requested_interval(
            var("WATCHDOG_USEC").as_deref(),
            var("WATCHDOG_PID").as_deref(),
            std::process::id(),
            std::os::unix::process::parent_id(),
        );
        let schedule = interval.map(crate::watchdog::PingSchedule::for_watchdog);
        Some(SystemdNotifier { schedule, ready: false, sink: NotifySink::Systemd })
    }

    fn send(&mut self, state: sd_notify::NotifyState<'_>, text: &str) {
        match &mut self.sink {
            NotifySink::Systemd => {
                if let Err(e) = sd_notify::notify(false, &[state]) {
                    warn!("systemd notify {text}: {e}");
                }
            }
            NotifySink::Recorded(sent) => sent.push(text.to_owned()),
        }
    }
}

/// Adds the notifier's system (the notifier itself is inserted by `run`, or by a test).
pub(super) fn notify_plugin(app: &mut App) {
    app.add_systems(Last, notify_systemd.run_if(resource_exists::<SystemdNotifier>));
}

fn notify_systemd(time: Res<Time<Real>>, state: Res<State<super::Screen>>, mut notifier: ResMut<SystemdNotifier>) {
    if !notifier.ready && matches!(state.get(), super::Screen::Attract | super::Screen::ConfigError) {
        notifier.ready = true;
        notifier.send(sd_notify::NotifyState::Ready, "READY=1");
        info!("told systemd: ready");
    }
    let now = time.elapsed();
    if notifier.schedule.as_mut().is_some_and(|s| s.due(now)) {
        notifier.send(sd_notify::NotifyState::Watchdog, "WATCHDOG=1");
    }
}
