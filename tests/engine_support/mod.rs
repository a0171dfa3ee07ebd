//! Shared helpers for the engine tests: routines built as Rust values and a
//! driver that runs a session on a virtual clock.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use limber::engine::{Command, Cue, Session, View};
use limber::routine::{Exercise, Routine, Sides, Tempo, Work};

pub const S: Duration = Duration::from_secs(1);

pub fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn exercise(name: &str, work: Work) -> Exercise {
    Exercise {
        name: name.to_string(),
        instructions: None,
        work,
        sets: 1,
        sides: Sides::None,
        rest: secs(10),
        prepare: secs(5),
    }
}

pub fn hold(name: &str, s: u64) -> Exercise {
    exercise(name, Work::Hold(secs(s)))
}

pub fn duration(name: &str, s: u64) -> Exercise {
    exercise(name, Work::Duration(secs(s)))
}

pub fn guided(name: &str, count: u32, up: u64, hold: u64, down: u64) -> Exercise {
    exercise(
        name,
        Work::Reps {
            count,
            tempo: Some(Tempo {
                up: secs(up),
                hold: secs(hold),
                down: secs(down),
            }),
        },
    )
}

pub fn manual(name: &str, count: u32) -> Exercise {
    exercise(name, Work::Reps { count, tempo: None })
}

/// Sets, sides, rest and prepare in one go.
pub fn with(e: Exercise, sets: u32, sides: Sides, rest: u64, prepare: u64) -> Exercise {
    Exercise {
        sets,
        sides,
        rest: secs(rest),
        prepare: secs(prepare),
        ..e
    }
}

pub fn routine(exercises: Vec<Exercise>) -> Routine {
    Routine {
        name: "Test routine".to_string(),
        description: None,
        exercises,
    }
}

/// A session on a virtual clock: times are offsets from its start.
pub struct Driver {
    pub session: Session,
    pub t0: Instant,
    pub now: Duration,
    /// Every cue emitted, with the offset of the call that emitted it.
    pub log: Vec<(Duration, Cue)>,
}

impl Driver {
    pub fn new(routine: Routine) -> Driver {
        let t0 = Instant::now();
        Driver {
            session: Session::new(routine, t0),
            t0,
            now: Duration::ZERO,
            log: Vec::new(),
        }
    }

    /// Advances to offset `t` and returns the cues.
    pub fn at(&mut self, t: Duration) -> Vec<Cue> {
        self.now = t;
        let cues = self.session.advance(self.t0 + t);
        self.log.extend(cues.iter().map(|c| (t, *c)));
        cues
    }

    /// Gives `cmd` at offset `t` and returns the cues.
    pub fn cmd(&mut self, cmd: Command, t: Duration) -> Vec<Cue> {
        self.now = t;
        let cues = self.session.command(cmd, self.t0 + t);
        self.log.extend(cues.iter().map(|c| (t, *c)));
        cues
    }

    pub fn view(&self) -> View<'_> {
        self.session.view(self.t0 + self.now)
    }

    /// Offset of the next deadline.
    pub fn deadline(&self) -> Option<Duration> {
        self.session.next_deadline().map(|d| d - self.t0)
    }

    /// Steps from deadline to deadline until finished or paused; returns the
    /// number of steps. Panics past `max` steps (a runaway).
    pub fn run(&mut self, max: usize) -> usize {
        let mut steps = 0;
        while let Some(d) = self.deadline() {
            assert!(steps < max, "no end after {max} steps");
            self.at(d);
            steps += 1;
        }
        steps
    }
}

impl Driver {
    /// Steps from deadline to deadline up to offset `t`, then to `t`.
    pub fn run_until(&mut self, t: Duration) {
        while let Some(d) = self.deadline().filter(|d| *d < t) {
            self.at(d);
        }
        self.at(t);
    }
}

/// The (time, cue) list of an uninterrupted run.
pub fn golden(routine: Routine) -> Vec<(Duration, Cue)> {
    let mut d = Driver::new(routine);
    d.run(1_000_000);
    assert!(d.session.is_finished());
    d.log
}

/// Renders a cue log one line per cue, `M:SS.mmm Cue`, for readable diffs.
pub fn render(log: &[(Duration, Cue)]) -> String {
    log.iter()
        .map(|(t, c)| {
            format!(
                "{}:{:02}.{:03} {c:?}\n",
                t.as_secs() / 60,
                t.as_secs() % 60,
                t.subsec_millis()
            )
        })
        .collect()
}
