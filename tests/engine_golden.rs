//! Golden sequences: the full ordered (time, cue) list of uninterrupted runs,
//! written out by hand from the expansion rule and the documented cue
//! moments, so any change in timing or order shows up as a readable diff.

mod engine_support;

use engine_support::*;
use limber::routine::{Routine, Sides, planned};

/// Runs `r` uninterrupted, compares its cues with `expected` and checks it
/// ended exactly at the planned total.
fn check(r: Routine, expected: &str) {
    let total = planned(&r).total;
    let log = golden(r);
    let got = render(&log);
    let want: String = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(got, want, "cue sequence differs:\n{got}");
    assert_eq!(log.last().map(|(t, _)| *t), Some(total), "end != planned");
}

#[test]
fn alternating_hold_with_halfway() {
    // Prepare 5, then L1 R1 L2 R2 holds of 20 s with a switch (5 s) between
    // every two: 5 + 4 * 20 + 3 * 5 = 100 s.
    let r = routine(vec![with(hold("Glute", 20), 2, Sides::Alternate, 10, 5)]);
    check(
        r,
        "
        0:02.000 GetReadyTick { left: 3 }
        0:03.000 GetReadyTick { left: 2 }
        0:04.000 GetReadyTick { left: 1 }
        0:05.000 WorkStart
        0:15.000 Halfway
        0:22.000 LastSecondsTick { left: 3 }
        0:23.000 LastSecondsTick { left: 2 }
        0:24.000 LastSecondsTick { left: 1 }
        0:25.000 WorkEnd
        0:25.000 SwitchSides
        0:27.000 GetReadyTick { left: 3 }
        0:28.000 GetReadyTick { left: 2 }
        0:29.000 GetReadyTick { left: 1 }
        0:30.000 WorkStart
        0:40.000 Halfway
        0:47.000 LastSecondsTick { left: 3 }
        0:48.000 LastSecondsTick { left: 2 }
        0:49.000 LastSecondsTick { left: 1 }
        0:50.000 WorkEnd
        0:50.000 SwitchSides
        0:52.000 GetReadyTick { left: 3 }
        0:53.000 GetReadyTick { left: 2 }
        0:54.000 GetReadyTick { left: 1 }
        0:55.000 WorkStart
        1:05.000 Halfway
        1:12.000 LastSecondsTick { left: 3 }
        1:13.000 LastSecondsTick { left: 2 }
        1:14.000 LastSecondsTick { left: 1 }
        1:15.000 WorkEnd
        1:15.000 SwitchSides
        1:17.000 GetReadyTick { left: 3 }
        1:18.000 GetReadyTick { left: 2 }
        1:19.000 GetReadyTick { left: 1 }
        1:20.000 WorkStart
        1:30.000 Halfway
        1:37.000 LastSecondsTick { left: 3 }
        1:38.000 LastSecondsTick { left: 2 }
        1:39.000 LastSecondsTick { left: 1 }
        1:40.000 WorkEnd
        1:40.000 Finished
        ",
    );
}

#[test]
fn guided_clams_both_sides() {
    // 3 reps of 1 + 2 + 1 s = 12 s per set; 2 sets per side, both sides.
    // Prepare 3, L1, rest 5, L2, switch 3, R1, rest 5, R2: 64 s.
    let r = routine(vec![with(guided("Clam", 3, 1, 2, 1), 2, Sides::Both, 5, 3)]);
    check(
        r,
        "
        0:00.000 GetReadyTick { left: 3 }
        0:01.000 GetReadyTick { left: 2 }
        0:02.000 GetReadyTick { left: 1 }
        0:03.000 WorkStart
        0:03.000 Tempo(Up)
        0:04.000 Tempo(Hold)
        0:06.000 Tempo(Down)
        0:07.000 Tempo(Up)
        0:08.000 Tempo(Hold)
        0:10.000 Tempo(Down)
        0:11.000 LastRep
        0:11.000 Tempo(Up)
        0:12.000 Tempo(Hold)
        0:14.000 Tempo(Down)
        0:15.000 WorkEnd
        0:15.000 RestStart
        0:17.000 GetReadyTick { left: 3 }
        0:18.000 GetReadyTick { left: 2 }
        0:19.000 GetReadyTick { left: 1 }
        0:20.000 WorkStart
        0:20.000 Tempo(Up)
        0:21.000 Tempo(Hold)
        0:23.000 Tempo(Down)
        0:24.000 Tempo(Up)
        0:25.000 Tempo(Hold)
        0:27.000 Tempo(Down)
        0:28.000 LastRep
        0:28.000 Tempo(Up)
        0:29.000 Tempo(Hold)
        0:31.000 Tempo(Down)
        0:32.000 WorkEnd
        0:32.000 SwitchSides
        0:32.000 GetReadyTick { left: 3 }
        0:33.000 GetReadyTick { left: 2 }
        0:34.000 GetReadyTick { left: 1 }
        0:35.000 WorkStart
        0:35.000 Tempo(Up)
        0:36.000 Tempo(Hold)
        0:38.000 Tempo(Down)
        0:39.000 Tempo(Up)
        0:40.000 Tempo(Hold)
        0:42.000 Tempo(Down)
        0:43.000 LastRep
        0:43.000 Tempo(Up)
        0:44.000 Tempo(Hold)
        0:46.000 Tempo(Down)
        0:47.000 WorkEnd
        0:47.000 RestStart
        0:49.000 GetReadyTick { left: 3 }
        0:50.000 GetReadyTick { left: 2 }
        0:51.000 GetReadyTick { left: 1 }
        0:52.000 WorkStart
        0:52.000 Tempo(Up)
        0:53.000 Tempo(Hold)
        0:55.000 Tempo(Down)
        0:56.000 Tempo(Up)
        0:57.000 Tempo(Hold)
        0:59.000 Tempo(Down)
        1:00.000 LastRep
        1:00.000 Tempo(Up)
        1:01.000 Tempo(Hold)
        1:03.000 Tempo(Down)
        1:04.000 WorkEnd
        1:04.000 Finished
        ",
    );
}

#[test]
fn walk_then_short_right_side_holds() {
    // A 60 s walk with no prepare, then a 10 s hold on the right side twice
    // with a 2 s prepare and a 2 s rest: short countdowns tick 2 and 1 only,
    // and a hold under 20 s has no halfway. 60 + 2 + 10 + 2 + 10 = 84 s.
    let r = routine(vec![
        with(duration("Walk", 60), 1, Sides::None, 10, 0),
        with(hold("Hamstring", 10), 2, Sides::Right, 2, 2),
    ]);
    check(
        r,
        "
        0:00.000 WorkStart
        0:30.000 Halfway
        0:57.000 LastSecondsTick { left: 3 }
        0:58.000 LastSecondsTick { left: 2 }
        0:59.000 LastSecondsTick { left: 1 }
        1:00.000 WorkEnd
        1:00.000 GetReadyTick { left: 2 }
        1:01.000 GetReadyTick { left: 1 }
        1:02.000 WorkStart
        1:09.000 LastSecondsTick { left: 3 }
        1:10.000 LastSecondsTick { left: 2 }
        1:11.000 LastSecondsTick { left: 1 }
        1:12.000 WorkEnd
        1:12.000 RestStart
        1:12.000 GetReadyTick { left: 2 }
        1:13.000 GetReadyTick { left: 1 }
        1:14.000 WorkStart
        1:21.000 LastSecondsTick { left: 3 }
        1:22.000 LastSecondsTick { left: 2 }
        1:23.000 LastSecondsTick { left: 1 }
        1:24.000 WorkEnd
        1:24.000 Finished
        ",
    );
}

#[test]
fn tempo_without_hold_and_no_rest_between_sets() {
    // Tempo 2/0/1: no hold cue. Rest 0: the second set follows at once.
    // Prepare 1 ticks only 1. 1 + 2 * (2 * 3) = 13 s.
    let r = routine(vec![with(
        guided("Bridge", 2, 2, 0, 1),
        2,
        Sides::None,
        0,
        1,
    )]);
    check(
        r,
        "
        0:00.000 GetReadyTick { left: 1 }
        0:01.000 WorkStart
        0:01.000 Tempo(Up)
        0:03.000 Tempo(Down)
        0:04.000 LastRep
        0:04.000 Tempo(Up)
        0:06.000 Tempo(Down)
        0:07.000 WorkEnd
        0:07.000 WorkStart
        0:07.000 Tempo(Up)
        0:09.000 Tempo(Down)
        0:10.000 LastRep
        0:10.000 Tempo(Up)
        0:12.000 Tempo(Down)
        0:13.000 WorkEnd
        0:13.000 Finished
        ",
    );
}
