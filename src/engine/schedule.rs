//! The cues of one phase and where they fall, as offsets from the phase's
//! start. Kept apart from the state machine so the moments are stated once.
//!
//! Moments (offsets from the phase start; `end` = the phase's current
//! length, extensions included):
//! - `WorkStart`, `RestStart`, `SwitchSides`: at 0.
//! - `Halfway`: at half the planned length of a hold or duration of 20 s or
//!   more (an extension does not move it).
//! - `GetReadyTick { left: k }` (prepare, rest, switch) and
//!   `LastSecondsTick { left: k }` (hold, duration): at `end - k s` for
//!   k = 3, 2, 1, only when that moment is inside the phase (`end >= k s`),
//!   so a 2 s rest ticks 2 (at its start) and 1. That is the instant the
//!   displayed countdown turns to `k`.
//! - Guided reps, rep i (0-based) of length `r`: `LastRep` at `i * r` when i
//!   is the last rep, then `Tempo(Up)` at `i * r`, `Tempo(Hold)` at
//!   `i * r + up`, `Tempo(Down)` at `i * r + up + hold`; a zero-length
//!   sub-phase has no cue.
//! - Manual reps: `LastRep` at 0 when the set is a single rep (later it is
//!   emitted by the rep count, not by time).
//! - `WorkEnd` is not here: it belongs to the moment a work phase ends.

use std::time::Duration;

use super::cue::{Cue, TempoStep};
use crate::routine::{Exercise, Phase, PhaseKind, Tempo, Work};

/// Holds and durations at least this long get a [`Cue::Halfway`].
pub const HALFWAY_MIN: Duration = Duration::from_secs(20);
/// How many final seconds of a countdown tick, unless the caller sets
/// another number ([`crate::engine::Session::set_ticks`]).
pub const TICKS: u32 = 3;

/// A cue at a fixed offset from its phase's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timed {
    pub at: Duration,
    pub cue: Cue,
    /// The cue that says which phase began; kept when time jumps over it
    /// into this phase (see [`crate::engine::Session::advance`]).
    pub opening: bool,
}

/// The cues of a phase that fall at fixed offsets, in order.
pub(crate) fn fixed_cues(phase: &Phase, exercise: &Exercise) -> Vec<Timed> {
    let at = |at, cue| Timed {
        at,
        cue,
        opening: false,
    };
    let opening = |cue| Timed {
        at: Duration::ZERO,
        cue,
        opening: true,
    };
    match phase.kind {
        PhaseKind::Prepare => Vec::new(),
        PhaseKind::Rest => vec![opening(Cue::RestStart)],
        PhaseKind::SwitchSides => vec![opening(Cue::SwitchSides)],
        PhaseKind::Work => {
            let mut cues = vec![opening(Cue::WorkStart)];
            match exercise.work {
                Work::Hold(d) | Work::Duration(d) => {
                    if d >= HALFWAY_MIN {
                        cues.push(at(d / 2, Cue::Halfway));
                    }
                }
                Work::Reps {
                    count,
                    tempo: Some(tempo),
                } => push_tempo(&mut cues, count, tempo),
                Work::Reps { count, tempo: None } => {
                    if count == 1 {
                        cues.push(at(Duration::ZERO, Cue::LastRep));
                    }
                }
            }
            cues
        }
    }
}

fn push_tempo(cues: &mut Vec<Timed>, count: u32, tempo: Tempo) {
    let rep = tempo.rep();
    let steps = [
        (Duration::ZERO, tempo.up, TempoStep::Up),
        (tempo.up, tempo.hold, TempoStep::Hold),
        (tempo.up + tempo.hold, tempo.down, TempoStep::Down),
    ];
    for i in 0..count {
        let Some(base) = rep.checked_mul(i) else {
            return;
        };
        let mut push = |offset: Duration, cue| {
            if let Some(at) = base.checked_add(offset) {
                cues.push(Timed {
                    at,
                    cue,
                    opening: false,
                });
            }
        };
        if i + 1 == count {
            push(Duration::ZERO, Cue::LastRep);
        }
        for (offset, length, step) in steps {
            if !length.is_zero() {
                push(offset, Cue::Tempo(step));
            }
        }
    }
}

/// The countdown tick cue of a phase kind, if it ticks.
pub(crate) fn tick_cue(phase: &Phase, exercise: &Exercise) -> Option<fn(u32) -> Cue> {
    match (phase.kind, exercise.work) {
        (PhaseKind::Prepare | PhaseKind::Rest | PhaseKind::SwitchSides, _) => {
            Some(|left| Cue::GetReadyTick { left })
        }
        (PhaseKind::Work, Work::Hold(_) | Work::Duration(_)) => {
            Some(|left| Cue::LastSecondsTick { left })
        }
        (PhaseKind::Work, Work::Reps { .. }) => None,
    }
}

/// The next tick still to come in a phase of length `end` whose ticks down
/// to `floor` (exclusive) are done: `(left, offset)`. A phase starts with
/// `floor` one above the number of ticks wanted. Ticks only count down, so
/// one already heard is never repeated, even after an extension.
pub(crate) fn next_tick(end: Duration, floor: u32) -> Option<(u32, Duration)> {
    let whole = u32::try_from(end.as_secs()).unwrap_or(u32::MAX);
    let left = floor.saturating_sub(1).min(whole);
    (left >= 1).then(|| (left, end - Duration::from_secs(u64::from(left))))
}

/// Where a guided rep phase is at `offset`: the 1-based rep (clamped to
/// `count`) and the tempo sub-phase (`None` once every rep is over, e.g.
/// in extra time added by an extension).
pub(crate) fn tempo_at(tempo: Tempo, count: u32, offset: Duration) -> (u32, Option<TempoStep>) {
    let rep = tempo.rep().as_nanos();
    if rep == 0 {
        return (count.min(1), None);
    }
    let done = offset.as_nanos() / rep;
    if done >= u128::from(count) {
        return (count, None);
    }
    let into = offset.as_nanos() % rep;
    let step = if into < tempo.up.as_nanos() {
        TempoStep::Up
    } else if into < (tempo.up + tempo.hold).as_nanos() {
        TempoStep::Hold
    } else {
        TempoStep::Down
    };
    // `done < count <= u32::MAX`, so this fits.
    (u32::try_from(done).unwrap_or(count - 1) + 1, Some(step))
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    #[test]
    fn ticks_count_down_inside_the_phase_only() {
        assert_eq!(next_tick(10 * S, 4), Some((3, 7 * S)));
        assert_eq!(next_tick(10 * S, 3), Some((2, 8 * S)));
        assert_eq!(next_tick(10 * S, 1), None);
        assert_eq!(next_tick(2 * S, 4), Some((2, Duration::ZERO)));
        assert_eq!(next_tick(S / 2, 4), None);
        assert_eq!(next_tick(2500 * S / 1000, 4), Some((2, S / 2)));
    }

    #[test]
    fn tempo_positions() {
        let t = Tempo {
            up: S,
            hold: 2 * S,
            down: S,
        };
        assert_eq!(tempo_at(t, 3, Duration::ZERO), (1, Some(TempoStep::Up)));
        assert_eq!(tempo_at(t, 3, S), (1, Some(TempoStep::Hold)));
        assert_eq!(tempo_at(t, 3, 3 * S), (1, Some(TempoStep::Down)));
        assert_eq!(tempo_at(t, 3, 4 * S), (2, Some(TempoStep::Up)));
        assert_eq!(tempo_at(t, 3, 12 * S), (3, None));
        let no_up = Tempo {
            up: Duration::ZERO,
            ..t
        };
        assert_eq!(
            tempo_at(no_up, 2, Duration::ZERO),
            (1, Some(TempoStep::Hold))
        );
    }
}
