//! When to tell systemd the kiosk is alive. The unit runs with `Type=notify` and `WatchdogSec=`; the
//! kiosk says `READY=1` after its first attract frame and `WATCHDOG=1` from the frame loop itself, at
//! half the watchdog interval (systemd's advice), so a frozen render loop stops the pings and systemd
//! restarts the kiosk.

use std::time::Duration;

/// The ping schedule for a watchdog interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PingSchedule {
    every: Duration,
    last: Option<Duration>,
}

impl PingSchedule {
    /// Pings at half of `watchdog` (the unit's `WatchdogSec=`, as systemd passes it in `WATCHDOG_USEC`).
    pub fn for_watchdog(watchdog: Duration) -> PingSchedule {
        PingSchedule { every: watchdog / 2, last: None }
    }

    /// The time between pings.
    pub fn every(&self) -> Duration {
        self.every
    }

    /// Whether a ping is due at `now` (time since start); when it is, it counts as sent.
    pub fn due(&mut self, now: Duration) -> bool {
        match self.last {
            Some(last) if now.saturating_sub(last) < self.every => false,
            _ => {
                self.last = Some(now);
                true
            }
        }
    }
}

/// The watchdog interval systemd asks this process to keep, from `WATCHDOG_USEC` and `WATCHDOG_PID`.
/// systemd addresses the unit's main process, which on the booth PC is cage, the kiosk's parent; with
/// `NotifyAccess=all` the kiosk may ping for it. So the request is taken when `WATCHDOG_PID` is this
/// process, its parent, or unset (`sd_notify::watchdog_enabled` takes only the first, and so would
/// never ping under cage).
pub fn requested_interval(usec: Option<&str>, pid: Option<&str>, own_pid: u32, parent_pid: u32) -> Option<Duration> {
    let usec: u64 = usec?.trim().parse().ok().filter(|u| *u > 0)?;
    match pid.map(|p| p.trim().parse::<u32>()) {
        None => Some(Duration::from_micros(usec)),
        Some(Ok(p)) if p == own_pid || p == parent_pid => Some(Duration::from_micros(usec)),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watchdog_request_of_the_parent_cage_is_taken_and_another_process_s_is_not() {
        let ten_s = Some(Duration::from_secs(10));
        assert_eq!(requested_interval(Some("10000000"), Some("40"), 41, 40), ten_s, "cage's, the parent");
        assert_eq!(requested_interval(Some("10000000"), Some("41"), 41, 40), ten_s, "our own");
        assert_eq!(requested_interval(Some("10000000"), None, 41, 40), ten_s);
        assert_eq!(requested_interval(Some("10000000"), Some("7"), 41, 40), None, "someone else's");
        assert_eq!(requested_interval(None, Some("40"), 41, 40), None);
        assert_eq!(requested_interval(Some("soon"), None, 41, 40), None);
        assert_eq!(requested_interval(Some("0"), None, 41, 40), None);
    }

    #[test]
    fn pings_at_half_the_watchdog_interval_and_at_once_at_the_start() {
        let mut s = PingSchedule::for_watchdog(Duration::from_secs(10));
        assert_eq!(s.every(), Duration::from_secs(5));
        let ms = Duration::from_millis;
        let sent: Vec<u64> = (0..=120).map(|i| i * 100).filter(|t| s.due(ms(*t))).collect();
        assert_eq!(sent, vec![0, 5000, 10000]);
    }

    #[test]
    fn a_late_frame_pings_at_once_and_restarts_the_count_from_there() {
        let mut s = PingSchedule::for_watchdog(Duration::from_secs(2));
        assert!(s.due(Duration::ZERO));
        assert!(s.due(Duration::from_millis(3700)));
        assert!(!s.due(Duration::from_millis(4600)));
        assert!(s.due(Duration::from_millis(4700)));
    }
}
