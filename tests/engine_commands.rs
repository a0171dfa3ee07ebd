//! Every command in every state: the resulting state and cues, as a table.

mod engine_support;

use std::time::Duration;

use engine_support::*;
use limber::engine::{Command, View};
use limber::routine::{Routine, Sides};

/// Glute: prepare 0-5, L1 5-25, rest 25-30, L2 30-50, switch 50-55,
/// R1 55-75, rest 75-80, R2 80-100. Clam (guided, 4 x 3 s): prepare
/// 100-105, work 105-117. Count (manual, 3 reps, no prepare): from 117.
/// Walk (duration 20, no prepare): after Count.
fn plan() -> Routine {
    routine(vec![
        with(hold("Glute", 20), 2, Sides::Both, 5, 5),
        with(guided("Clam", 4, 1, 1, 1), 1, Sides::None, 5, 5),
        with(manual("Count", 3), 1, Sides::None, 5, 0),
        with(duration("Walk", 20), 1, Sides::None, 5, 0),
    ])
}

/// `LABEL side set exN seconds [rep i/n]`, or `DONE`.
fn describe(v: &View) -> String {
    if v.finished {
        return "DONE".to_string();
    }
    let mut s = format!("{} {}", v.label.text(), v.side.map_or("-", |s| s.label()));
    if let Some((i, n)) = v.set {
        s += &format!(" {i}/{n}");
    }
    s += &format!(" ex{}", v.exercise_index);
    s += &v.seconds_left.map_or(" -".to_string(), |n| format!(" {n}"));
    if let Some((i, n)) = v.rep {
        s += &format!(" rep {i}/{n}");
    }
    s
}

/// Brings a fresh session into a state; returns the driver and the time.
fn reach(state: &str) -> (Driver, Duration) {
    let mut d = Driver::new(plan());
    let t = match state {
        "prepare" => secs(2),
        "hold" | "paused" | "finished" => secs(10),
        "rest" => secs(27),
        "switch" => secs(52),
        "guided" => secs(106),
        "manual" => secs(118),
        "duration" => secs(119),
        other => panic!("unknown state {other}"),
    };
    match state {
        "duration" => {
            d.at(secs(118));
            d.cmd(Command::SetDone, secs(118));
            d.at(t);
        }
        "paused" => {
            d.at(t);
            d.cmd(Command::Pause, t);
        }
        "finished" => {
            d.at(t);
            d.cmd(Command::Quit, t);
        }
        _ => {
            d.at(t);
        }
    }
    (d, t)
}

/// Per state, the outcome of each command of [`Command::ALL`], in that order:
/// `state after | cues`.
const TABLE: [(&str, [&str; 11]); 9] = [
    (
        "prepare",
        [
            "PAUSED LEFT ex0 3 |",
            "PAUSED LEFT ex0 3 |",
            "GET READY LEFT ex0 3 |",
            "HOLD LEFT 1/2 ex0 20 | work-start",
            "GET READY - ex1 5 |",
            "GET READY LEFT ex0 5 |",
            "GET READY LEFT ex0 5 |",
            "GET READY LEFT ex0 13 |",
            "GET READY LEFT ex0 3 |",
            "GET READY LEFT ex0 3 |",
            "DONE | finished",
        ],
    ),
    (
        "hold",
        [
            "PAUSED LEFT 1/2 ex0 15 |",
            "PAUSED LEFT 1/2 ex0 15 |",
            "HOLD LEFT 1/2 ex0 15 |",
            "REST LEFT 2/2 ex0 5 | work-end rest",
            "GET READY - ex1 5 |",
            "GET READY LEFT ex0 5 |",
            "GET READY LEFT ex0 5 |",
            "HOLD LEFT 1/2 ex0 25 |",
            "HOLD LEFT 1/2 ex0 15 |",
            "HOLD LEFT 1/2 ex0 15 |",
            "DONE | finished",
        ],
    ),
    (
        "rest",
        [
            "PAUSED LEFT 2/2 ex0 3 |",
            "PAUSED LEFT 2/2 ex0 3 |",
            "REST LEFT 2/2 ex0 3 |",
            "HOLD LEFT 2/2 ex0 20 | work-start",
            "GET READY - ex1 5 |",
            "GET READY LEFT ex0 5 |",
            "GET READY LEFT ex0 5 |",
            "REST LEFT 2/2 ex0 13 |",
            "REST LEFT 2/2 ex0 3 |",
            "REST LEFT 2/2 ex0 3 |",
            "DONE | finished",
        ],
    ),
    (
        "switch",
        [
            "PAUSED RIGHT 1/2 ex0 3 |",
            "PAUSED RIGHT 1/2 ex0 3 |",
            "SWITCH SIDES RIGHT 1/2 ex0 3 |",
            "HOLD RIGHT 1/2 ex0 20 | work-start",
            "GET READY - ex1 5 |",
            "GET READY LEFT ex0 5 |",
            "GET READY LEFT ex0 5 |",
            "SWITCH SIDES RIGHT 1/2 ex0 13 |",
            "SWITCH SIDES RIGHT 1/2 ex0 3 |",
            "SWITCH SIDES RIGHT 1/2 ex0 3 |",
            "DONE | finished",
        ],
    ),
    (
        "guided",
        [
            "PAUSED - 1/1 ex1 11 rep 1/4 |",
            "PAUSED - 1/1 ex1 11 rep 1/4 |",
            "REPS - 1/1 ex1 11 rep 1/4 |",
            "REPS - 1/1 ex2 - rep 1/3 | work-end work-start",
            "REPS - 1/1 ex2 - rep 1/3 | work-start",
            "GET READY LEFT ex0 5 |",
            "GET READY - ex1 5 |",
            "REPS - 1/1 ex1 21 rep 1/4 |",
            "REPS - 1/1 ex1 11 rep 1/4 |",
            "REPS - 1/1 ex1 11 rep 1/4 |",
            "DONE | finished",
        ],
    ),
    (
        "manual",
        [
            "PAUSED - 1/1 ex2 - rep 1/3 |",
            "PAUSED - 1/1 ex2 - rep 1/3 |",
            "REPS - 1/1 ex2 - rep 1/3 |",
            "GO - 1/1 ex3 20 | work-end work-start",
            "GO - 1/1 ex3 20 | work-start",
            "GET READY - ex1 5 |",
            "REPS - 1/1 ex2 - rep 1/3 | work-start",
            "REPS - 1/1 ex2 - rep 1/3 |",
            "REPS - 1/1 ex2 - rep 2/3 |",
            "GO - 1/1 ex3 20 | work-end work-start",
            "DONE | finished",
        ],
    ),
    (
        "duration",
        [
            "PAUSED - 1/1 ex3 19 |",
            "PAUSED - 1/1 ex3 19 |",
            "GO - 1/1 ex3 19 |",
            "DONE | work-end finished",
            "DONE | finished",
            "REPS - 1/1 ex2 - rep 1/3 | work-start",
            "GO - 1/1 ex3 20 | work-start",
            "GO - 1/1 ex3 29 |",
            "GO - 1/1 ex3 19 |",
            "GO - 1/1 ex3 19 |",
            "DONE | finished",
        ],
    ),
    (
        "paused",
        [
            "HOLD LEFT 1/2 ex0 15 |",
            "PAUSED LEFT 1/2 ex0 15 |",
            "HOLD LEFT 1/2 ex0 15 |",
            "PAUSED LEFT 2/2 ex0 5 | work-end",
            "PAUSED - ex1 5 |",
            "PAUSED LEFT ex0 5 |",
            "PAUSED LEFT ex0 5 |",
            "PAUSED LEFT 1/2 ex0 25 |",
            "PAUSED LEFT 1/2 ex0 15 |",
            "PAUSED LEFT 1/2 ex0 15 |",
            "DONE | finished",
        ],
    ),
    ("finished", ["DONE |"; 11]),
];

#[test]
fn every_command_in_every_state() {
    let mut failures = Vec::new();
    for (state, outcomes) in TABLE {
        for (cmd, want) in Command::ALL.into_iter().zip(outcomes) {
            let (mut d, t) = reach(state);
            let cues = d.cmd(cmd, t);
            let names: Vec<_> = cues.iter().map(|c| c.name()).collect();
            let got = format!("{} | {}", describe(&d.view()), names.join(" "));
            if got.trim_end() != want {
                failures.push(format!("{state} + {cmd:?}: got `{got}`, want `{want}`"));
            }
            // Invariants that hold after any command.
            let s = &d.session;
            assert_eq!(
                s.next_deadline().is_none(),
                s.is_paused() || s.is_finished(),
                "{state} + {cmd:?}"
            );
            if let Some(next) = s.next_deadline() {
                let next = next - d.t0;
                assert!(next > t && next <= t + S, "{state} + {cmd:?}: {next:?}");
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_paused_session_resumes_where_the_command_left_it() {
    // Navigation while paused: the new phase waits, full length, and its
    // opening cue plays on resume.
    let (mut d, t) = reach("paused");
    d.cmd(Command::NextExercise, t);
    assert_eq!(d.cmd(Command::Resume, t + secs(30)), []);
    assert_eq!(describe(&d.view()), "GET READY - ex1 5");
    d.cmd(Command::Pause, t + secs(31));
    d.cmd(Command::Skip, t + secs(40));
    assert_eq!(
        d.cmd(Command::TogglePause, t + secs(50)),
        [
            limber::engine::Cue::WorkStart,
            limber::engine::Cue::Tempo(limber::engine::TempoStep::Up)
        ]
    );
    let s = d.session.summary(d.t0 + t + secs(50));
    assert_eq!((s.active, s.paused), (secs(11), secs(49)));
}

#[test]
fn quitting_records_what_was_done() {
    let mut d = Driver::new(plan());
    d.run_until(secs(117));
    d.cmd(Command::Quit, secs(117));
    let s = d.session.summary(d.t0 + secs(200));
    assert_eq!(s.active, secs(117));
    assert_eq!((s.completed, s.cut_short, s.skipped), (2, 1, 1));
    assert!(s.quit);
    // Nothing more happens after the end.
    assert_eq!(d.at(secs(500)), []);
    assert_eq!(d.session.summary(d.t0 + secs(500)), s);
}
