//! Steps a two-hour routine through its whole run on a virtual clock, waking
//! on every `next_deadline()` exactly as the app does, and reports the cost
//! per simulated minute. Run: `cargo bench --bench engine`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use limber::engine::Session;
use limber::routine::{Exercise, Routine, Sides, Tempo, Work, planned};

fn exercise(name: &str, work: Work, sets: u32, sides: Sides) -> Exercise {
    Exercise {
        name: name.to_string(),
        instructions: None,
        work,
        sets,
        sides,
        rest: Duration::from_secs(15),
        prepare: Duration::from_secs(5),
    }
}

/// A mix of holds, guided reps and durations, repeated to two hours.
fn two_hours() -> Routine {
    let s = Duration::from_secs;
    let pattern = [
        exercise("Glute stretch", Work::Hold(s(30)), 3, Sides::Alternate),
        exercise(
            "Clam",
            Work::Reps {
                count: 20,
                tempo: Some(Tempo {
                    up: s(1),
                    hold: s(2),
                    down: s(1),
                }),
            },
            2,
            Sides::Both,
        ),
        exercise("Walk", Work::Duration(s(600)), 1, Sides::None),
        exercise("Hamstring stretch", Work::Hold(s(45)), 2, Sides::Both),
    ];
    let mut routine = Routine {
        name: "Two hours".to_string(),
        description: None,
        exercises: Vec::new(),
    };
    for e in pattern.iter().cycle() {
        if planned(&routine).total >= s(2 * 3600) {
            break;
        }
        routine.exercises.push(e.clone());
    }
    routine
}

/// One whole run; returns (wake-ups, cues).
fn run(routine: Routine, t0: Instant) -> (usize, usize) {
    let mut session = Session::new(routine, t0);
    let (mut wakes, mut cues) = (0, 0);
    while let Some(deadline) = session.next_deadline() {
        cues += session.advance(deadline).len();
        black_box(session.view(deadline));
        wakes += 1;
    }
    (wakes, cues)
}

fn main() {
    let routine = two_hours();
    let total = planned(&routine).total;
    let minutes = total.as_secs_f64() / 60.0;
    let rounds = 20;
    let mut best = Duration::MAX;
    let mut counts = (0, 0);
    for _ in 0..rounds {
        let r = routine.clone();
        let t0 = Instant::now();
        let start = Instant::now();
        counts = black_box(run(r, t0));
        best = best.min(start.elapsed());
    }
    println!(
        "engine: {} exercises, {:.1} simulated minutes, {} wake-ups, {} cues",
        routine.exercises.len(),
        minutes,
        counts.0,
        counts.1
    );
    println!(
        "engine: whole run {:.3} ms (best of {rounds}), {:.2} us per simulated minute, {:.0} ns per wake-up (advance + view)",
        best.as_secs_f64() * 1e3,
        best.as_secs_f64() * 1e6 / minutes,
        best.as_secs_f64() * 1e9 / counts.0 as f64
    );
}
