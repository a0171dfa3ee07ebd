//! Property tests over generated routines and command scripts.

mod engine_support;

use std::time::Duration;

use engine_support::*;
use limber::engine::{Command, Cue};
use limber::routine::{Exercise, Length, Routine, Sides, Tempo, Work, expand, planned};
use proptest::prelude::*;

/// Work of a phase; manual reps only when `manual`. Millisecond lengths
/// put phase ends off the whole seconds, where rounding bugs live.
fn work(manual: bool) -> BoxedStrategy<Work> {
    let ms = Duration::from_millis;
    let timed = prop_oneof![
        (1u64..=60_000).prop_map(move |d| Work::Hold(ms(d))),
        (1u64..=60_000).prop_map(move |d| Work::Duration(ms(d))),
        (1u32..=8, 0u64..=3000, 0u64..=3000, 1u64..=3000).prop_map(move |(count, u, h, d)| {
            Work::Reps {
                count,
                tempo: Some(Tempo {
                    up: ms(u),
                    hold: ms(h),
                    down: ms(d),
                }),
            }
        }),
    ];
    if manual {
        prop_oneof![
            3 => timed,
            1 => (1u32..=5).prop_map(|count| Work::Reps { count, tempo: None }),
        ]
        .boxed()
    } else {
        timed.boxed()
    }
}

fn routine(manual: bool) -> impl Strategy<Value = Routine> {
    let sides = prop_oneof![
        Just(Sides::None),
        Just(Sides::Left),
        Just(Sides::Right),
        Just(Sides::Both),
        Just(Sides::Alternate),
    ];
    let pause = || prop_oneof![Just(0u64), 1u64..=8000];
    let exercise = (work(manual), 1u32..=3, sides, pause(), pause()).prop_map(
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
    prop::collection::vec(exercise, 1..=4).prop_map(engine_support::routine)
}

/// A generous bound on the number of deadline steps of a run: two wake-ups
/// per second (countdown and elapsed turn at different instants), plus
/// every cue and phase end.
fn step_bound(r: &Routine, extra: Duration) -> usize {
    let secs = (planned(r).total + extra).as_secs() as usize;
    let phases = expand(r);
    let reps: usize = phases
        .iter()
        .map(|p| match (p.length, r.exercises[p.exercise].work) {
            (Length::Fixed(_), Work::Reps { count, .. }) => 4 * count as usize,
            _ => 0,
        })
        .sum();
    2 * (secs + 1) + 10 * phases.len() + reps + 10
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Uninterrupted, a session ends exactly at start + planned total, with
    /// every exercise completed, within a bounded number of wake-ups, each
    /// at most a second after the last.
    #[test]
    fn uninterrupted_total_is_the_planned_total(r in routine(false)) {
        let total = planned(&r).total;
        let bound = step_bound(&r, Duration::ZERO);
        let exercises = r.exercises.len();
        let mut d = Driver::new(r);
        let mut last = Duration::ZERO;
        let mut steps = 0;
        while let Some(t) = d.deadline() {
            prop_assert!(t >= last && t - last <= S, "{t:?} after {last:?}");
            prop_assert!(steps < bound, "more than {bound} steps");
            d.at(t);
            last = t;
            steps += 1;
        }
        prop_assert!(d.session.is_finished());
        prop_assert_eq!(d.now, total);
        prop_assert_eq!(d.log.last(), Some(&(total, Cue::Finished)));
        prop_assert_eq!(d.log.iter().filter(|(_, c)| *c == Cue::Finished).count(), 1);
        let s = d.session.summary(d.t0 + total + secs(60));
        prop_assert_eq!((s.active, s.paused, s.quit), (total, Duration::ZERO, false));
        prop_assert_eq!((s.completed, s.exercises), (exercises, exercises));
    }

    /// A pause shifts everything after it by exactly its length and changes
    /// nothing else.
    #[test]
    fn pause_is_excluded_exactly(
        r in routine(false),
        at in 0.0f64..1.0,
        length in 0u64..=600_000,
    ) {
        let total = planned(&r).total;
        let reference = golden(r.clone());
        let p = total.mul_f64(at);
        let length = ms(length);
        let mut d = Driver::new(r);
        d.run_until(p);
        d.cmd(Command::Pause, p);
        prop_assert!(d.session.next_deadline().is_none());
        d.at(p + length / 2);
        d.cmd(Command::Resume, p + length);
        d.run(1_000_000);
        let shifted: Vec<_> = reference
            .iter()
            .map(|(t, c)| (if *t > p { *t + length } else { *t }, *c))
            .collect();
        prop_assert_eq!(&d.log, &shifted);
        let s = d.session.summary(d.t0 + d.now);
        prop_assert_eq!((s.active, s.paused), (total, length));
    }

    /// Arbitrary commands at arbitrary times: no panic, sane deadlines and
    /// summary at every step, and the session always finishes in a bounded
    /// number of further steps, with `Finished` once and last.
    #[test]
    fn command_scripts_always_finish(
        r in routine(true),
        script in prop::collection::vec(
            (prop_oneof![0u64..=50, 0u64..=2000, 0u64..=90_000],
             prop::option::weighted(0.5, 0..Command::ALL.len())),
            0..80,
        ),
    ) {
        let exercises = r.exercises.len();
        let extends = script.iter().filter(|(_, c)| *c == Some(7)).count() as u32;
        let bound = step_bound(&r, secs(10) * extends);
        let mut d = Driver::new(r);
        let mut t = Duration::ZERO;
        let check = |d: &Driver| -> Result<(), TestCaseError> {
            let s = d.session.summary(d.t0 + d.now);
            prop_assert_eq!(s.completed + s.skipped + s.cut_short, exercises);
            if d.session.is_finished() {
                prop_assert!(s.active + s.paused <= d.now);
                prop_assert!(d.session.next_deadline().is_none());
            } else {
                prop_assert_eq!(s.active + s.paused, d.now);
                prop_assert_eq!(s.active, d.view().elapsed);
                match d.deadline() {
                    None => prop_assert!(d.session.is_paused()),
                    Some(next) => prop_assert!(next > d.now && next - d.now <= S),
                }
            }
            Ok(())
        };
        for (wait, cmd) in script {
            t += ms(wait);
            match cmd {
                Some(c) => d.cmd(Command::ALL[c], t),
                None => d.at(t),
            };
            check(&d)?;
        }
        let mut steps = 0;
        while !d.session.is_finished() {
            prop_assert!(steps < bound, "no end after {bound} steps");
            steps += 1;
            let manual = d
                .session
                .phase()
                .is_some_and(|p| matches!(p.length, Length::Open { .. }));
            if d.session.is_paused() {
                d.cmd(Command::Resume, d.now);
            } else if manual {
                d.cmd(Command::RepDone, d.now);
            } else if let Some(next) = d.deadline() {
                d.at(next);
            }
            check(&d)?;
        }
        let finished: Vec<_> = d.log.iter().filter(|(_, c)| *c == Cue::Finished).collect();
        prop_assert_eq!(finished.len(), 1);
        prop_assert_eq!(d.log.last().map(|(_, c)| *c), Some(Cue::Finished));
        // Nothing happens after the end.
        prop_assert_eq!(d.cmd(Command::Skip, d.now + secs(5)), vec![]);
    }

    /// Waking at random instants instead of on the deadlines (late, early,
    /// after long sleeps) never changes where the session ends.
    #[test]
    fn random_wake_ups_still_end_on_the_planned_total(
        r in routine(false),
        gaps in prop::collection::vec(prop_oneof![1u64..=400, 1u64..=5000, 1u64..=120_000], 1..200),
    ) {
        let total = planned(&r).total;
        let mut d = Driver::new(r);
        let mut t = Duration::ZERO;
        for gap in gaps.iter().cycle() {
            if d.session.is_finished() {
                break;
            }
            t += ms(*gap);
            d.at(t);
        }
        prop_assert_eq!(d.session.summary(d.t0 + t).active, total);
        prop_assert_eq!(d.log.iter().filter(|(_, c)| *c == Cue::Finished).count(), 1);
    }
}
