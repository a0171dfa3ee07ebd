//! The session clock for `--speed N`: session time runs N times faster than
//! real time. Both directions are exact maps from one fixed origin, so
//! nothing accumulates and there is no drift at any speed.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VirtualClock {
    origin: Instant,
    speed: u32,
}

impl VirtualClock {
    /// A clock that agrees with real time at `origin` (speed 0 counts as 1).
    pub fn new(origin: Instant, speed: u32) -> VirtualClock {
        VirtualClock {
            origin,
            speed: speed.max(1),
        }
    }

    pub fn speed(&self) -> u32 {
        self.speed
    }

    /// The session instant at real instant `real`.
    pub fn to_session(&self, real: Instant) -> Instant {
        let since = real.saturating_duration_since(self.origin);
        self.origin + since.saturating_mul(self.speed)
    }

    /// The first real instant at which the session clock reaches `session`
    /// (rounded up, so waking then never lands before a deadline).
    pub fn to_real(&self, session: Instant) -> Instant {
        let since = session.saturating_duration_since(self.origin).as_nanos();
        let real = since.div_ceil(u128::from(self.speed));
        self.origin + Duration::from_nanos(u64::try_from(real).unwrap_or(u64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_one_is_the_identity() {
        let o = Instant::now();
        let c = VirtualClock::new(o, 1);
        let t = o + Duration::from_millis(1234);
        assert_eq!(c.to_session(t), t);
        assert_eq!(c.to_real(t), t);
    }

    #[test]
    fn fast_clock_maps_both_ways_without_drift() {
        let o = Instant::now();
        let c = VirtualClock::new(o, 50);
        assert_eq!(
            c.to_session(o + Duration::from_secs(12)),
            o + Duration::from_secs(600)
        );
        assert_eq!(
            c.to_real(o + Duration::from_secs(600)),
            o + Duration::from_secs(12)
        );
        // A deadline that is not a multiple of the speed rounds up.
        let d = o + Duration::from_nanos(101);
        let r = c.to_real(d);
        assert!(c.to_session(r) >= d);
        assert_eq!(r, o + Duration::from_nanos(3));
    }

    #[test]
    fn instants_before_the_origin_clamp_to_it() {
        let o = Instant::now() + Duration::from_secs(5);
        let c = VirtualClock::new(o, 10);
        assert_eq!(c.to_session(Instant::now()), o);
    }
}
