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

#[cfg(test)]
mod tests {
    use super::*;

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
