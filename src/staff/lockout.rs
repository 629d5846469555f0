//! After 5 wrong PINs the pad locks, for longer each time: 30 s, 60 s, 120 s, … up to 1 hour.

use std::time::Duration;

/// Wrong PINs in a row that lock the pad.
pub const MAX_FAILURES: u32 = 5;
const FIRST_LOCK: Duration = Duration::from_secs(30);
const LONGEST_LOCK: Duration = Duration::from_secs(3600);

/// The staff PIN pad's count of wrong PINs and its lock; times are app time since start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lockout {
    failures: u32,
    lockouts: u32,
    locked_until: Option<Duration>,
}

/// What an attempt led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The right PIN: the count of wrong ones and the lock lengthening are reset.
    Accepted,
    /// Wrong, but not yet locked.
    Rejected {
        /// Wrong PINs still allowed before the pad locks (1 to 4).
        failures_left: u32,
    },
    /// Wrong, and now locked for this long.
    LockedOut(Duration),
    /// Not even checked: the pad is locked for this much longer.
    StillLocked(Duration),
}

impl Lockout {
    /// Time left on the lock at `now` (app time).
    pub fn remaining(&self, now: Duration) -> Option<Duration> {
        self.locked_until.filter(|until| *until > now).map(|until| until - now)
    }

    /// Records an attempt made at `now`; `correct` is only looked at when the pad is not locked.
    pub fn attempt(&mut self, correct: impl FnOnce() -> bool, now: Duration) -> Attempt {
        if let Some(left) = self.remaining(now) {
            return Attempt::StillLocked(left);
        }
        if correct() {
            self.failures = 0;
            self.lockouts = 0;
            self.locked_until = None;
            return Attempt::Accepted;
        }
        self.failures += 1;
        if self.failures < MAX_FAILURES {
            return Attempt::Rejected { failures_left: MAX_FAILURES - self.failures };
        }
        self.failures = 0;
        let lock = FIRST_LOCK.saturating_mul(1 << self.lockouts.min(10)).min(LONGEST_LOCK);
        self.lockouts += 1;
        self.locked_until = Some(now + lock);
        Attempt::LockedOut(lock)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_wrong_lock_for_longer_each_time_and_a_right_pin_resets() {
        let mut l = Lockout::default();
        let t = Duration::from_secs;
        for left in (1..=4).rev() {
            assert_eq!(l.attempt(|| false, t(0)), Attempt::Rejected { failures_left: left });
        }
        assert_eq!(l.attempt(|| false, t(0)), Attempt::LockedOut(t(30)));
        // While locked even the right PIN is not checked.
        let mut checked = false;
        assert_eq!(
            l.attempt(
                || {
                    checked = true;
                    true
                },
                t(10)
            ),
            Attempt::StillLocked(t(20))
        );
        assert!(!checked);
        for _ in 0..4 {
            l.attempt(|| false, t(31));
        }
        assert_eq!(l.attempt(|| false, t(31)), Attempt::LockedOut(t(60)), "the second lock is longer");
        assert_eq!(l.attempt(|| true, t(100)), Attempt::Accepted);
        for _ in 0..4 {
            l.attempt(|| false, t(100));
        }
        assert_eq!(l.attempt(|| false, t(100)), Attempt::LockedOut(t(30)), "after a right PIN the ladder starts again");
    }
}
