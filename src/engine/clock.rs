//! The session clock: "active time" (time spent not paused, since the
//! start) and its mapping back to real instants.
//!
//! Every moment in the engine is an offset on the active time line. A phase
//! that starts at active time `s` with length `l` ends at `s + l`, whatever
//! pauses happen in between; the real instant is that offset shifted by the
//! paused total. Nothing is ever accumulated from sleeps, so nothing drifts.

use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub(crate) struct Clock {
    start: Instant,
    /// Paused time of the pauses that are over.
    paused_total: Duration,
    /// Start of the current pause.
    paused_since: Option<Instant>,
    /// Latest instant the session was moved to; time never runs backwards.
    latest: Instant,
}

impl Clock {
    pub(crate) fn new(now: Instant) -> Clock {
        Clock {
            start: now,
            paused_total: Duration::ZERO,
            paused_since: None,
            latest: now,
        }
    }

    /// Moves the clock to `now` (an earlier `now` is ignored).
    pub(crate) fn observe(&mut self, now: Instant) {
        self.latest = self.latest.max(now);
    }

    /// The latest instant the clock was moved to.
    pub(crate) fn latest(&self) -> Instant {
        self.latest
    }

    /// Active time at the latest observed instant.
    pub(crate) fn now(&self) -> Duration {
        self.active_at(self.latest)
    }

    /// Active time at `now`; frozen while paused.
    pub(crate) fn active_at(&self, now: Instant) -> Duration {
        let until = self.paused_since.map_or(now, |p| p.min(now));
        until
            .saturating_duration_since(self.start)
            .saturating_sub(self.paused_total)
    }

    /// Total paused time up to `now`, the current pause included.
    pub(crate) fn paused_at(&self, now: Instant) -> Duration {
        let current = self
            .paused_since
            .map_or(Duration::ZERO, |p| now.saturating_duration_since(p));
        self.paused_total.saturating_add(current)
    }

    pub(crate) fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    pub(crate) fn pause(&mut self) {
        if self.paused_since.is_none() {
            self.paused_since = Some(self.latest);
        }
    }

    pub(crate) fn resume(&mut self) {
        if let Some(since) = self.paused_since.take() {
            let paused = self.latest.saturating_duration_since(since);
            self.paused_total = self.paused_total.saturating_add(paused);
        }
    }

    /// The real instant of an active-time moment (while running); `None`
    /// if it is not representable.
    pub(crate) fn instant_of(&self, active: Duration) -> Option<Instant> {
        self.start
            .checked_add(self.paused_total)?
            .checked_add(active)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    #[test]
    fn pauses_are_cut_out_of_active_time() {
        let t0 = Instant::now();
        let mut c = Clock::new(t0);
        c.observe(t0 + 5 * S);
        c.pause();
        c.observe(t0 + 12 * S);
        assert_eq!(c.now(), 5 * S);
        assert_eq!(c.paused_at(t0 + 12 * S), 7 * S);
        c.resume();
        c.observe(t0 + 13 * S);
        assert_eq!(c.now(), 6 * S);
        assert_eq!(c.instant_of(6 * S), Some(t0 + 13 * S));
    }

    #[test]
    fn time_never_runs_backwards() {
        let t0 = Instant::now();
        let mut c = Clock::new(t0 + 10 * S);
        c.observe(t0);
        assert_eq!(c.now(), Duration::ZERO);
        c.observe(t0 + 12 * S);
        c.observe(t0 + 11 * S);
        assert_eq!(c.now(), 2 * S);
    }
}
