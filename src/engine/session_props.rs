//! Property: every cue fires at most once per phase (per entry into a
//! phase; tempo cues once per rep), ticks only count down, and `Finished`
//! comes once, last. Needs the engine's test-only phase marks, so it lives
//! in the crate.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::Session;
use crate::engine::{Command, Cue};
use crate::routine::{Exercise, Routine, Sides, Tempo, Work};

fn work() -> impl Strategy<Value = Work> {
    let ms = Duration::from_millis;
    prop_oneof![
        (1u64..=40_000).prop_map(move |d| Work::Hold(ms(d))),
        (1u64..=40_000).prop_map(move |d| Work::Duration(ms(d))),
        (1u32..=6, 0u64..=2000, 0u64..=2000, 1u64..=2000).prop_map(move |(count, u, h, d)| {
            Work::Reps {
                count,
                tempo: Some(Tempo {
                    up: ms(u),
                    hold: ms(h),
                    down: ms(d),
                }),
            }
        }),
        (1u32..=4).prop_map(|count| Work::Reps { count, tempo: None }),
    ]
}

fn routine() -> impl Strategy<Value = Routine> {
    let sides = prop_oneof![
        Just(Sides::None),
        Just(Sides::Left),
        Just(Sides::Right),
        Just(Sides::Both),
        Just(Sides::Alternate),
    ];
    let exercise = (work(), 1u32..=3, sides, 0u64..=6000, 0u64..=6000).prop_map(
        |(work, sets, sides, rest, prepare)| Exercise {
            name: "x".into(),
            instructions: None,
            work,
            sets,
            sides,
            rest: Duration::from_millis(rest),
            prepare: Duration::from_millis(prepare),
        },
    );
    prop::collection::vec(exercise, 1..=3).prop_map(|exercises| Routine {
        name: "r".into(),
        description: None,
        exercises,
    })
}

/// Steps: wait this long (ms), then give this command (or just advance).
fn script() -> impl Strategy<Value = Vec<(u64, Option<usize>)>> {
    let step = (
        prop_oneof![0u64..=50, 0u64..=1500, 0u64..=30_000],
        prop::option::weighted(0.4, 0..Command::ALL.len()),
    );
    prop::collection::vec(step, 0..60)
}

/// Checks the cues of one call against what the current phase entry has
/// already emitted.
#[derive(Default)]
struct Tracker {
    seen: HashSet<Cue>,
    ticks: Option<u32>,
    finished: bool,
}

impl Tracker {
    fn take(&mut self, s: &Session, cues: &[Cue]) -> Result<(), TestCaseError> {
        let mut marks = s.marks.iter().copied().peekable();
        for (i, cue) in cues.iter().enumerate() {
            while marks.next_if(|m| *m <= i).is_some() {
                self.seen.clear();
                self.ticks = None;
            }
            prop_assert!(!self.finished, "{cue:?} after Finished");
            match cue {
                Cue::Tempo(_) => {}
                Cue::GetReadyTick { left } | Cue::LastSecondsTick { left } => {
                    prop_assert!(self.ticks.is_none_or(|t| *left < t), "ticks {cues:?}");
                    self.ticks = Some(*left);
                }
                Cue::Finished => self.finished = true,
                _ => prop_assert!(self.seen.insert(*cue), "{cue:?} twice: {cues:?}"),
            }
        }
        if marks.next().is_some() {
            self.seen.clear();
            self.ticks = None;
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn cues_fire_at_most_once_per_phase(r in routine(), steps in script()) {
        let t0 = Instant::now();
        let mut s = Session::new(r, t0);
        let mut tracker = Tracker::default();
        let mut t = Duration::ZERO;
        for (wait, cmd) in steps {
            t += Duration::from_millis(wait);
            let cues = match cmd {
                Some(c) => s.command(Command::ALL[c], t0 + t),
                None => s.advance(t0 + t),
            };
            tracker.take(&s, &cues)?;
        }
        // Run out the rest on deadlines, finishing manual sets by hand.
        let mut guard = 0;
        while !s.is_finished() {
            guard += 1;
            prop_assert!(guard < 200_000, "runaway");
            let manual = s
                .phase()
                .is_some_and(|p| matches!(p.length, crate::routine::Length::Open { .. }));
            let cues = if s.is_paused() {
                s.command(Command::Resume, t0 + t)
            } else if manual {
                s.command(Command::SetDone, t0 + t)
            } else if let Some(d) = s.next_deadline() {
                t = d - t0;
                s.advance(d)
            } else {
                return Err(TestCaseError::fail("running without a deadline"));
            };
            tracker.take(&s, &cues)?;
        }
        prop_assert!(tracker.finished);
    }
}
