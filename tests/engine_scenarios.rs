//! Scenario tests on a virtual clock: phase kinds, sides, sets, rests,
//! prepare 0, tempo, manual reps, the view, pause, extend and time jumps.

mod engine_support;

use std::time::Duration;

use engine_support::*;
use limber::engine::{CUE_GRACE, Command, Cue, Label, TempoStep};
use limber::routine::{Sides, planned};

/// One line per phase of an uninterrupted run: `LABEL side set`.
fn phase_walk(d: &mut Driver) -> Vec<String> {
    let mut seen = Vec::new();
    let mut last = None;
    loop {
        let phase = d.session.phase().copied();
        if phase.is_some() && phase != last {
            let v = d.view();
            let side = v.side.map_or("-", |s| s.label());
            let set = v.set.map_or(String::new(), |(i, n)| format!(" {i}/{n}"));
            seen.push(format!("{} {side}{set}", v.label.text()));
            last = phase;
        }
        match d.deadline() {
            Some(t) => {
                d.at(t);
            }
            None => break,
        }
    }
    seen
}

#[test]
fn sides_expand_in_the_documented_order() {
    let table: [(Sides, &[&str]); 5] = [
        (
            Sides::None,
            &["GET READY -", "HOLD - 1/2", "REST - 2/2", "HOLD - 2/2"],
        ),
        (
            Sides::Left,
            &[
                "GET READY LEFT",
                "HOLD LEFT 1/2",
                "REST LEFT 2/2",
                "HOLD LEFT 2/2",
            ],
        ),
        (
            Sides::Right,
            &[
                "GET READY RIGHT",
                "HOLD RIGHT 1/2",
                "REST RIGHT 2/2",
                "HOLD RIGHT 2/2",
            ],
        ),
        (
            Sides::Both,
            &[
                "GET READY LEFT",
                "HOLD LEFT 1/2",
                "REST LEFT 2/2",
                "HOLD LEFT 2/2",
                "SWITCH SIDES RIGHT 1/2",
                "HOLD RIGHT 1/2",
                "REST RIGHT 2/2",
                "HOLD RIGHT 2/2",
            ],
        ),
        (
            Sides::Alternate,
            &[
                "GET READY LEFT",
                "HOLD LEFT 1/2",
                "SWITCH SIDES RIGHT 1/2",
                "HOLD RIGHT 1/2",
                "SWITCH SIDES LEFT 2/2",
                "HOLD LEFT 2/2",
                "SWITCH SIDES RIGHT 2/2",
                "HOLD RIGHT 2/2",
            ],
        ),
    ];
    for (sides, want) in table {
        let r = routine(vec![with(hold("H", 5), 2, sides, 3, 2)]);
        let total = planned(&r).total;
        let mut d = Driver::new(r);
        assert_eq!(phase_walk(&mut d), want, "{sides:?}");
        assert!(d.session.is_finished());
        assert_eq!(d.now, total, "{sides:?}");
        assert_eq!(d.view().label, Label::Done);
    }
}

#[test]
fn each_work_kind_has_its_label() {
    let table = [
        (hold("a", 5), Label::Hold),
        (duration("b", 5), Label::Go),
        (guided("c", 2, 1, 1, 1), Label::Reps),
        (manual("d", 2), Label::Reps),
    ];
    for (e, label) in table {
        let mut d = Driver::new(routine(vec![with(e, 1, Sides::None, 0, 2)]));
        d.at(Duration::ZERO);
        assert_eq!(d.view().label, Label::GetReady);
        assert_eq!(d.view().set, None, "no set during prepare");
        d.at(secs(2));
        assert_eq!(d.view().label, label);
        assert_eq!(d.view().set, Some((1, 1)));
    }
}

#[test]
fn prepare_zero_starts_with_work_and_drops_the_switch() {
    let r = routine(vec![with(hold("H", 4), 1, Sides::Both, 10, 0)]);
    let mut d = Driver::new(r);
    // Deadline right away: the opening cue is due at the start.
    assert_eq!(d.deadline(), Some(Duration::ZERO));
    assert_eq!(d.at(Duration::ZERO), [Cue::WorkStart]);
    // A 4 s hold ticks 3 at 1 s.
    assert_eq!(d.at(secs(1)), [Cue::LastSecondsTick { left: 3 }]);
    assert_eq!(phase_walk(&mut d), ["HOLD LEFT 1/1", "HOLD RIGHT 1/1"]);
    assert_eq!(d.now, secs(8));
}

#[test]
fn countdown_shows_rounded_up_seconds_changing_on_whole_seconds() {
    let mut d = Driver::new(routine(vec![with(hold("H", 10), 1, Sides::None, 0, 0)]));
    let table = [
        (0, Some(10)),
        (1, Some(10)),
        (999, Some(10)),
        (1000, Some(9)),
        (1001, Some(9)),
        (8999, Some(2)),
        (9000, Some(1)),
        (9999, Some(1)),
    ];
    for (t, shown) in table {
        d.at(ms(t));
        let v = d.view();
        assert_eq!(v.seconds_left, shown, "at {t} ms");
        assert_eq!(v.time_left, Some(ms(10_000 - t)), "at {t} ms");
        assert_eq!(v.elapsed, ms(t));
        assert_eq!(v.remaining, ms(10_000 - t));
    }
    d.at(secs(10));
    assert!(d.session.is_finished());
    assert_eq!(d.view().seconds_left, None);
}

#[test]
fn deadlines_wake_exactly_when_the_display_changes() {
    // After a skip at 2.5 s, the hold runs 2.5..12.5 s: its countdown turns
    // at x.5 s while elapsed turns at whole seconds. Both must be deadlines,
    // nothing visible may change between two deadlines, and a deadline is
    // never more than a second away.
    let r = routine(vec![with(hold("H", 10), 1, Sides::None, 0, 5)]);
    let mut d = Driver::new(r);
    d.cmd(Command::Skip, ms(2500));
    let mut deadlines = Vec::new();
    while let Some(next) = d.deadline() {
        assert!(
            next > d.now && next - d.now <= S,
            "{next:?} after {:?}",
            d.now
        );
        let before = d.view();
        let shown = (before.seconds_left, before.elapsed.as_secs());
        // Just before the deadline nothing shown has changed yet.
        let probe = d.session.view(d.t0 + next - Duration::from_nanos(1));
        assert_eq!((probe.seconds_left, probe.elapsed.as_secs()), shown);
        d.at(next);
        deadlines.push(d.now.as_millis());
    }
    assert_eq!(
        deadlines,
        [
            3000, 3500, 4000, 4500, 5000, 5500, 6000, 6500, 7000, 7500, 8000, 8500, 9000, 9500,
            10000, 10500, 11000, 11500, 12000, 12500
        ]
    );
}

#[test]
fn view_reports_progress_remaining_and_next_exercise() {
    let r = routine(vec![
        with(hold("First", 20), 1, Sides::None, 0, 4),
        with(duration("Second", 30), 1, Sides::None, 0, 0),
    ]);
    let mut d = Driver::new(r);
    d.at(secs(2));
    let v = d.view();
    assert_eq!((v.exercise_index, v.exercise_count), (0, 2));
    assert_eq!(v.exercise.name, "First");
    assert_eq!(v.next_exercise, Some("Second"));
    assert_eq!(v.phase_length, Some(secs(4)));
    assert_eq!(v.phase_progress, 0.5);
    assert_eq!(v.remaining, secs(52));
    d.at(secs(14));
    let v = d.view();
    assert_eq!((v.phase_length, v.phase_progress), (Some(secs(20)), 0.5));
    d.at(secs(30));
    let v = d.view();
    assert_eq!(v.routine_name, "Test routine");
    assert_eq!(
        (v.label, v.exercise_index, v.next_exercise),
        (Label::Go, 1, None)
    );
    assert_eq!(v.remaining, secs(24));
}

#[test]
fn guided_reps_show_rep_and_tempo() {
    // Prepare 0; 3 reps of up 1, hold 0, down 2 (3 s each).
    let mut d = Driver::new(routine(vec![with(
        guided("G", 3, 1, 0, 2),
        1,
        Sides::None,
        0,
        0,
    )]));
    let table = [
        (
            0,
            (1, Some(TempoStep::Up)),
            &[Cue::WorkStart, Cue::Tempo(TempoStep::Up)][..],
        ),
        (
            1000,
            (1, Some(TempoStep::Down)),
            &[Cue::Tempo(TempoStep::Down)],
        ),
        (2999, (1, Some(TempoStep::Down)), &[]),
        (3000, (2, Some(TempoStep::Up)), &[Cue::Tempo(TempoStep::Up)]),
        (
            6000,
            (3, Some(TempoStep::Up)),
            &[Cue::LastRep, Cue::Tempo(TempoStep::Up)],
        ),
        (
            7000,
            (3, Some(TempoStep::Down)),
            &[Cue::Tempo(TempoStep::Down)],
        ),
    ];
    for (t, (rep, tempo), cues) in table {
        assert_eq!(d.at(ms(t)), cues, "at {t} ms");
        let v = d.view();
        assert_eq!(v.rep, Some((rep, 3)), "at {t} ms");
        assert_eq!(v.tempo, tempo, "at {t} ms");
        assert_eq!(v.label, Label::Reps);
    }
    assert_eq!(d.at(secs(9)), [Cue::WorkEnd, Cue::Finished]);
}

#[test]
fn manual_reps_are_counted_by_the_user() {
    let r = routine(vec![
        with(manual("M", 3), 2, Sides::None, 5, 0),
        hold("After", 20),
    ]);
    let total_estimate = planned(&r).total;
    let mut d = Driver::new(r);
    assert_eq!(d.at(Duration::ZERO), [Cue::WorkStart]);
    let v = d.view();
    assert_eq!(
        (v.label, v.rep, v.time_left, v.seconds_left),
        (Label::Reps, Some((1, 3)), None, None)
    );
    assert_eq!(v.phase_length, None);
    assert_eq!(v.remaining, total_estimate, "estimate: 3 s per rep");
    // No deadline of its own, but the elapsed clock still ticks.
    assert_eq!(d.deadline(), Some(secs(1)));
    assert_eq!(d.at(secs(60)), [], "a manual set never times out");
    // Extend and other phases' commands do nothing here.
    assert_eq!(d.cmd(Command::Extend, secs(60)), []);
    assert_eq!(d.view().time_left, None);
    assert_eq!(d.cmd(Command::RepDone, secs(61)), []);
    assert_eq!(d.view().rep, Some((2, 3)));
    assert_eq!(d.cmd(Command::RepDone, secs(62)), [Cue::LastRep]);
    assert_eq!(d.view().rep, Some((3, 3)));
    assert_eq!(d.view().phase_progress, 2.0 / 3.0);
    assert_eq!(
        d.cmd(Command::RepDone, secs(63)),
        [Cue::WorkEnd, Cue::RestStart]
    );
    assert_eq!(d.view().label, Label::Rest);
    // The rest started when the set was done, not at a planned moment.
    assert_eq!(d.view().time_left, Some(secs(5)));
    d.at(secs(68));
    assert_eq!(d.view().rep, Some((1, 3)));
    // SetDone ends the set at once.
    assert_eq!(d.cmd(Command::SetDone, secs(70)), [Cue::WorkEnd]);
    assert_eq!(d.view().label, Label::GetReady);
    d.at(secs(95));
    let s = d.session.summary(d.t0 + secs(95));
    assert_eq!((s.completed, s.cut_short, s.skipped), (2, 0, 0));
}

#[test]
fn manual_single_rep_is_the_last_rep_at_once() {
    let mut d = Driver::new(routine(vec![with(manual("M", 1), 1, Sides::None, 0, 0)]));
    assert_eq!(d.at(Duration::ZERO), [Cue::WorkStart, Cue::LastRep]);
    assert_eq!(
        d.cmd(Command::RepDone, secs(2)),
        [Cue::WorkEnd, Cue::Finished]
    );
}

#[test]
fn pause_time_never_counts() {
    let r = routine(vec![with(hold("H", 30), 1, Sides::None, 0, 5)]);
    let total = planned(&r).total;
    let mut d = Driver::new(r);
    d.at(secs(10));
    assert_eq!(d.cmd(Command::Pause, ms(10_400)), []);
    assert!(d.session.is_paused());
    let v = d.view();
    assert_eq!(
        (v.label, v.paused, v.seconds_left),
        (Label::Paused, true, Some(25))
    );
    assert_eq!(d.deadline(), None, "nothing to wake up for while paused");
    // Two minutes go by: nothing moves.
    assert_eq!(d.at(ms(130_400)), []);
    assert_eq!(d.view().time_left, Some(ms(24_600)));
    assert_eq!(d.view().elapsed, ms(10_400));
    assert_eq!(d.cmd(Command::TogglePause, ms(130_400)), []);
    assert!(!d.session.is_paused());
    assert_eq!(d.view().label, Label::Hold);
    // The halfway cue (15 s into the hold = 20 s active) moved by the pause.
    assert_eq!(d.deadline(), Some(ms(131_000)));
    d.run(1000);
    assert_eq!(d.now, total + secs(120));
    assert!(d.log.contains(&(secs(140), Cue::Halfway)));
    let s = d.session.summary(d.t0 + d.now);
    assert_eq!((s.active, s.paused, s.completed), (total, secs(120), 1));
}

#[test]
fn opening_cues_of_a_phase_entered_while_paused_wait_for_resume() {
    let mut d = Driver::new(routine(vec![with(hold("H", 30), 1, Sides::None, 0, 5)]));
    d.at(secs(1));
    d.cmd(Command::Pause, secs(1));
    assert_eq!(d.cmd(Command::Skip, secs(2)), [], "paused: no sound yet");
    assert_eq!(d.view().label, Label::Paused);
    assert_eq!(d.view().time_left, Some(secs(30)));
    assert_eq!(d.cmd(Command::Resume, secs(9)), [Cue::WorkStart]);
    assert_eq!(d.view().time_left, Some(secs(30)));
    let s = d.session.summary(d.t0 + secs(9));
    assert_eq!((s.active, s.paused), (secs(1), secs(8)));
}

#[test]
fn extend_adds_to_the_countdown_and_ticks_never_repeat() {
    let mut d = Driver::new(routine(vec![with(hold("H", 10), 1, Sides::None, 0, 0)]));
    d.at(Duration::ZERO);
    d.at(secs(7));
    d.at(secs(8));
    assert_eq!(
        d.log.iter().map(|(_, c)| *c).collect::<Vec<_>>(),
        [
            Cue::WorkStart,
            Cue::LastSecondsTick { left: 3 },
            Cue::LastSecondsTick { left: 2 }
        ]
    );
    assert_eq!(d.cmd(Command::Extend, ms(8500)), []);
    let v = d.view();
    assert_eq!(
        (v.time_left, v.phase_length),
        (Some(ms(11_500)), Some(secs(20)))
    );
    // Ticks 3 and 2 were heard already: only 1 is left, at the new end - 1.
    assert_eq!(d.deadline(), Some(secs(9)));
    d.run(100);
    let rest: Vec<_> = d.log[3..].to_vec();
    assert_eq!(
        rest,
        [
            (secs(19), Cue::LastSecondsTick { left: 1 }),
            (secs(20), Cue::WorkEnd),
            (secs(20), Cue::Finished)
        ]
    );
}

#[test]
fn extend_works_for_every_countdown_kind() {
    let table = [
        (hold("a", 10), 0),
        (duration("b", 10), 0),
        (guided("c", 2, 1, 1, 1), 0),
        (hold("prepare", 10), 5),
    ];
    for (e, prepare) in table {
        let mut d = Driver::new(routine(vec![with(e, 1, Sides::None, 0, prepare)]));
        d.at(secs(1));
        let before = d.view().time_left.unwrap();
        d.cmd(Command::Extend, secs(1));
        assert_eq!(d.view().time_left, Some(before + secs(10)));
    }
    // After the last guided rep, the extra time has no tempo.
    let mut d = Driver::new(routine(vec![with(
        guided("c", 2, 1, 1, 1),
        1,
        Sides::None,
        0,
        0,
    )]));
    d.cmd(Command::Extend, Duration::ZERO);
    d.at(secs(7));
    let v = d.view();
    assert_eq!(
        (v.rep, v.tempo, v.seconds_left),
        (Some((2, 2)), None, Some(9))
    );
    d.run(100);
    assert_eq!(d.now, secs(16));
}

#[test]
fn a_late_wake_up_within_the_grace_window_loses_nothing() {
    let r = || {
        routine(vec![
            with(hold("Glute", 20), 2, Sides::Alternate, 10, 5),
            with(guided("Clam", 3, 1, 2, 1), 1, Sides::Both, 5, 3),
        ])
    };
    let on_time = golden(r());
    let mut d = Driver::new(r());
    while let Some(t) = d.deadline() {
        d.at(t + CUE_GRACE);
    }
    let late: Vec<_> = d.log.iter().map(|(t, c)| (*t - CUE_GRACE, *c)).collect();
    assert_eq!(late, on_time);
    // And the summary is exact even though the last call came late.
    assert_eq!(d.session.summary(d.t0 + d.now).active, planned(&r()).total);
}

#[test]
fn time_jumps_emit_only_the_cues_of_the_state_landed_in() {
    // Prepare 0-5, L1 5-25 (halfway 15), switch 25-30, R1 30-50 (halfway 40),
    // switch 50-55, L2 55-75, switch 75-80, R2 80-100.
    let r = || routine(vec![with(hold("Glute", 20), 2, Sides::Alternate, 10, 5)]);
    let table: [(u64, &[Cue]); 7] = [
        // Landed in a work phase that began during the jump: its start only.
        (41_000, &[Cue::WorkStart]),
        // The halfway 200 ms ago is still fresh.
        (40_200, &[Cue::WorkStart, Cue::Halfway]),
        // Landed in a switch, its first tick 100 ms ago.
        (27_100, &[Cue::SwitchSides, Cue::GetReadyTick { left: 3 }]),
        // Landed in the prepare: it has no opening cue; stale ticks dropped.
        (4_500, &[]),
        (4_100, &[Cue::GetReadyTick { left: 1 }]),
        // Past the end: only the end, not the last work's end from 1:40.
        (3_600_000, &[Cue::Finished]),
        // Exactly at a phase end: the end of work is fresh.
        (50_000, &[Cue::WorkEnd, Cue::SwitchSides]),
    ];
    for (t, want) in table {
        let mut d = Driver::new(r());
        assert_eq!(d.at(ms(t)), want, "jump to {t} ms");
    }
    // A jump inside the current phase drops the stale ticks too.
    let mut d = Driver::new(r());
    d.at(secs(5));
    assert_eq!(d.at(ms(23_500)), []);
    let mut d = Driver::new(r());
    d.at(secs(5));
    assert_eq!(d.at(ms(23_200)), [Cue::LastSecondsTick { left: 2 }]);
    // After a jump the session carries on in step with the plan.
    d.run(1000);
    assert_eq!(d.now, secs(100));
}

#[test]
fn time_running_backwards_is_ignored() {
    let mut d = Driver::new(routine(vec![hold("H", 30)]));
    d.at(secs(10));
    let before = d.view().time_left;
    assert_eq!(d.at(secs(3)), []);
    assert_eq!(d.session.view(d.t0 + secs(10)).time_left, before);
    assert_eq!(d.deadline(), Some(secs(11)));
}

#[test]
fn summary_sorts_exercises_into_completed_skipped_and_cut_short() {
    let r = routine(vec![
        with(hold("done", 5), 1, Sides::None, 0, 0),
        with(hold("cut", 5), 2, Sides::None, 0, 0),
        with(hold("jumped", 5), 1, Sides::None, 0, 2),
        with(hold("never", 5), 1, Sides::None, 0, 2),
    ]);
    let mut d = Driver::new(r);
    d.at(secs(5)); // "done" ran to its end
    d.at(secs(6));
    d.cmd(Command::Skip, secs(7)); // first set of "cut" skipped
    d.at(secs(12)); // its second set ran to its end
    d.at(secs(13)); // in the prepare of "jumped"
    let s = d.session.summary(d.t0 + secs(13));
    assert_eq!(
        (s.completed, s.cut_short, s.skipped, s.quit),
        (1, 1, 2, false)
    );
    d.cmd(Command::NextExercise, secs(13)); // "jumped" left during its prepare
    d.cmd(Command::Pause, secs(14));
    let cues = d.cmd(Command::Quit, secs(20)); // quit while paused
    assert_eq!(cues, [Cue::Finished]);
    let s = d.session.summary(d.t0 + secs(99));
    assert_eq!(s.exercises, 4);
    assert_eq!(
        (s.completed, s.cut_short, s.skipped, s.quit),
        (1, 1, 2, true)
    );
    assert_eq!((s.active, s.paused), (secs(14), secs(6)));
    assert!(!d.session.is_paused(), "finished, so not paused");
    let v = d.view();
    assert_eq!(
        (v.label, v.finished, v.elapsed),
        (Label::Done, true, secs(14))
    );
}

#[test]
fn credit_for_a_set_is_kept_after_going_back() {
    let r = routine(vec![
        with(hold("A", 5), 1, Sides::None, 0, 0),
        with(hold("B", 5), 1, Sides::None, 0, 0),
    ]);
    let mut d = Driver::new(r);
    d.at(secs(5));
    // Back to A, then straight on to B and through it.
    d.cmd(Command::PreviousExercise, secs(6));
    assert_eq!(d.view().exercise_index, 0);
    d.cmd(Command::NextExercise, secs(7));
    d.run(100);
    let s = d.session.summary(d.t0 + d.now);
    assert_eq!((s.completed, s.cut_short, s.skipped), (2, 0, 0));
}

#[test]
fn a_routine_without_exercises_finishes_at_once() {
    let mut d = Driver::new(routine(vec![]));
    assert!(d.session.is_finished());
    assert_eq!(d.deadline(), Some(Duration::ZERO));
    assert_eq!(d.at(Duration::ZERO), [Cue::Finished]);
    assert_eq!(d.deadline(), None);
    assert_eq!(d.view().label, Label::Done);
    for cmd in [Command::Skip, Command::Quit, Command::PreviousExercise] {
        assert_eq!(d.cmd(cmd, secs(1)), []);
    }
}

#[test]
fn far_future_deadlines_do_not_overflow() {
    let huge = Duration::from_secs(u64::MAX / 4);
    let mut r = routine(vec![hold("H", 1)]);
    r.exercises[0].work = limber::routine::Work::Hold(huge);
    r.exercises[0].prepare = Duration::ZERO;
    let mut d = Driver::new(r);
    d.at(Duration::ZERO);
    // Whatever the platform's Instant can hold: no panic, a sane answer.
    let _ = d.session.next_deadline();
    assert_eq!(d.view().seconds_left, Some(huge.as_secs()));
    d.cmd(Command::Extend, secs(1));
    d.cmd(Command::Quit, secs(2));
    assert!(d.session.is_finished());
}

#[test]
fn the_number_of_ticking_seconds_can_be_set() {
    // (ticks asked for, the `left` values heard in a 10 s hold and its 6 s prepare)
    let cases: [(u32, &[u32], &[u32]); 4] = [
        (3, &[3, 2, 1], &[3, 2, 1]),
        (5, &[5, 4, 3, 2, 1], &[5, 4, 3, 2, 1]),
        (0, &[], &[]),
        (99, &[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], &[6, 5, 4, 3, 2, 1]),
    ];
    for (ticks, hold, prepare) in cases {
        let mut d = Driver::new(routine(vec![with(hold_ex(10), 1, Sides::None, 0, 6)]));
        d.session.set_ticks(ticks);
        d.run(1000);
        let heard = |pick: fn(&Cue) -> Option<u32>| -> Vec<u32> {
            d.log.iter().filter_map(|(_, c)| pick(c)).collect()
        };
        let get_ready = heard(|c| match c {
            Cue::GetReadyTick { left } => Some(*left),
            _ => None,
        });
        let last_seconds = heard(|c| match c {
            Cue::LastSecondsTick { left } => Some(*left),
            _ => None,
        });
        assert_eq!(get_ready, prepare, "prepare ticks, set_ticks({ticks})");
        assert_eq!(last_seconds, hold, "hold ticks, set_ticks({ticks})");
    }
}

fn hold_ex(seconds: u64) -> limber::routine::Exercise {
    hold("Hold", seconds)
}
