//! How a routine expands into a sequence of timed phases.
//!
//! This is the single statement of the expansion rule: the planned duration
//! shown in listings and the session engine's timeline both come from
//! [`expand`], so they cannot disagree.

use std::time::Duration;

use super::limits::ESTIMATED_REP;
use super::model::{Exercise, Routine, Side, Sides, Work};

/// What a phase is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhaseKind {
    /// Get into position before an exercise.
    Prepare,
    /// One set on one side.
    Work,
    /// Rest between two sets on the same side.
    Rest,
    /// Change to the other side between two sets.
    SwitchSides,
}

/// How long a phase lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// A countdown of this length.
    Fixed(Duration),
    /// Manual reps: ends when the user says so.
    Open { reps: u32 },
}

impl Length {
    /// The planned length; manual reps are estimated at [`ESTIMATED_REP`] each.
    pub fn planned(self) -> Duration {
        match self {
            Length::Fixed(d) => d,
            Length::Open { reps } => ESTIMATED_REP * reps,
        }
    }

    pub fn is_estimate(self) -> bool {
        matches!(self, Length::Open { .. })
    }
}

/// One step of an expanded routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phase {
    /// Index of the exercise in [`Routine::exercises`].
    pub exercise: usize,
    pub kind: PhaseKind,
    /// The side worked in this phase, or about to be worked after a prepare,
    /// rest or switch; `None` for exercises without sides.
    pub side: Option<Side>,
    /// The set (1-based, counted per side) this phase does or leads into.
    pub set: u32,
    pub length: Length,
}

/// A routine's total planned length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Planned {
    pub total: Duration,
    /// True when manual reps make the total an estimate.
    pub estimated: bool,
}

impl Planned {
    /// `M:SS` or `H:MM:SS`, prefixed with `~` when estimated.
    pub fn display(&self) -> String {
        let prefix = if self.estimated { "~" } else { "" };
        format!("{prefix}{}", clock(self.total))
    }
}

/// `N exercise(s), M:SS`: a routine's size as the CLI and the menu report it.
pub fn describe(routine: &Routine) -> String {
    let n = routine.exercises.len();
    let s = if n == 1 { "" } else { "s" };
    format!("{n} exercise{s}, {}", planned(routine).display())
}

/// Formats whole seconds (rounded down) as `M:SS` or `H:MM:SS`.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Expands a whole routine, exercise after exercise.
pub fn expand(routine: &Routine) -> Vec<Phase> {
    let mut phases = Vec::new();
    for (index, exercise) in routine.exercises.iter().enumerate() {
        expand_exercise(index, exercise, &mut phases);
    }
    phases
}

/// Sum of all phase lengths of [`expand`].
pub fn planned(routine: &Routine) -> Planned {
    expand(routine)
        .iter()
        .fold(Planned::default(), |acc, phase| Planned {
            total: acc.total + phase.length.planned(),
            estimated: acc.estimated || phase.length.is_estimate(),
        })
}

/// The (side, set) of every work phase of an exercise, in order.
pub fn work_order(exercise: &Exercise) -> Vec<(Option<Side>, u32)> {
    let sets = 1..=exercise.sets;
    match exercise.sides {
        Sides::None => sets.map(|n| (None, n)).collect(),
        Sides::Left => sets.map(|n| (Some(Side::Left), n)).collect(),
        Sides::Right => sets.map(|n| (Some(Side::Right), n)).collect(),
        Sides::Both => sets
            .clone()
            .map(|n| (Some(Side::Left), n))
            .chain(sets.map(|n| (Some(Side::Right), n)))
            .collect(),
        Sides::Alternate => sets
            .flat_map(|n| [(Some(Side::Left), n), (Some(Side::Right), n)])
            .collect(),
    }
}

/// Length of one work phase of an exercise.
pub fn work_length(work: Work) -> Length {
    match work {
        Work::Hold(d) | Work::Duration(d) => Length::Fixed(d),
        Work::Reps {
            count,
            tempo: Some(t),
        } => Length::Fixed(t.rep() * count),
        Work::Reps { count, tempo: None } => Length::Open { reps: count },
    }
}

fn expand_exercise(index: usize, exercise: &Exercise, out: &mut Vec<Phase>) {
    let order = work_order(exercise);
    let work = work_length(exercise.work);
    let phase = |kind, side, set, length| Phase {
        exercise: index,
        kind,
        side,
        set,
        length,
    };
    let mut previous: Option<Option<Side>> = None;
    for (side, set) in order {
        let (kind, length) = match previous {
            None => (PhaseKind::Prepare, exercise.prepare),
            Some(prev) if prev != side => (PhaseKind::SwitchSides, exercise.prepare),
            Some(_) => (PhaseKind::Rest, exercise.rest),
        };
        if !length.is_zero() {
            out.push(phase(kind, side, set, Length::Fixed(length)));
        }
        out.push(phase(PhaseKind::Work, side, set, work));
        previous = Some(side);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::model::Tempo;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn exercise(work: Work, sets: u32, sides: Sides, prepare: u64, rest: u64) -> Exercise {
        Exercise {
            name: "E".into(),
            instructions: None,
            work,
            sets,
            sides,
            rest: secs(rest),
            prepare: secs(prepare),
        }
    }

    /// Compact form of a phase: kind letter, side letter, set.
    fn shape(phases: &[Phase]) -> Vec<String> {
        phases
            .iter()
            .map(|p| {
                let kind = match p.kind {
                    PhaseKind::Prepare => "P",
                    PhaseKind::Work => "W",
                    PhaseKind::Rest => "R",
                    PhaseKind::SwitchSides => "S",
                };
                let side = match p.side {
                    Some(Side::Left) => "L",
                    Some(Side::Right) => "R",
                    None => "",
                };
                format!("{kind}{side}{}", p.set)
            })
            .collect()
    }

    #[test]
    fn expansion_follows_the_rule_for_every_sides_value() {
        let hold = Work::Hold(secs(30));
        let cases = [
            (Sides::None, 2, 5, 10, "P1 W1 R2 W2"),
            (Sides::Left, 2, 5, 10, "PL1 WL1 RL2 WL2"),
            (Sides::Right, 1, 5, 10, "PR1 WR1"),
            (Sides::Both, 2, 5, 10, "PL1 WL1 RL2 WL2 SR1 WR1 RR2 WR2"),
            (
                Sides::Alternate,
                2,
                5,
                10,
                "PL1 WL1 SR1 WR1 SL2 WL2 SR2 WR2",
            ),
            // Zero prepare drops the prepare and the switch; zero rest drops rests.
            (Sides::Both, 2, 0, 0, "WL1 WL2 WR1 WR2"),
            (Sides::Both, 2, 0, 10, "WL1 RL2 WL2 WR1 RR2 WR2"),
            (Sides::Alternate, 1, 5, 0, "PL1 WL1 SR1 WR1"),
        ];
        for (sides, sets, prepare, rest, expected) in cases {
            let r = Routine {
                name: "R".into(),
                description: None,
                exercises: vec![exercise(hold, sets, sides, prepare, rest)],
            };
            assert_eq!(shape(&expand(&r)).join(" "), expected, "{sides:?} x{sets}");
        }
    }

    #[test]
    fn planned_sums_phases_exactly() {
        let tempo = Tempo {
            up: Duration::from_millis(1500),
            hold: secs(2),
            down: secs(1),
        };
        let r = Routine {
            name: "R".into(),
            description: None,
            exercises: vec![
                // 5 + 30 + 5 (switch) + 30 = 70
                exercise(Work::Hold(secs(30)), 1, Sides::Both, 5, 10),
                // 5 + 10 x 4.5 s + 10 + 45 = 105
                exercise(
                    Work::Reps {
                        count: 10,
                        tempo: Some(tempo),
                    },
                    2,
                    Sides::None,
                    5,
                    10,
                ),
                // 0 + 90
                exercise(Work::Duration(secs(90)), 1, Sides::None, 0, 10),
            ],
        };
        let p = planned(&r);
        assert_eq!(p.total, secs(265));
        assert!(!p.estimated);
        assert_eq!(p.display(), "4:25");
    }

    #[test]
    fn manual_reps_are_estimated_at_three_seconds_each() {
        let r = Routine {
            name: "R".into(),
            description: None,
            exercises: vec![exercise(
                Work::Reps {
                    count: 10,
                    tempo: None,
                },
                2,
                Sides::None,
                5,
                0,
            )],
        };
        let p = planned(&r);
        assert_eq!(p.total, secs(65));
        assert!(p.estimated);
        assert_eq!(p.display(), "~1:05");
        assert_eq!(expand(&r)[1].length, Length::Open { reps: 10 });
    }

    #[test]
    fn clock_formats_minutes_and_hours() {
        let cases = [
            (0, "0:00"),
            (59, "0:59"),
            (600, "10:00"),
            (3599, "59:59"),
            (3600, "1:00:00"),
            (45296, "12:34:56"),
        ];
        for (s, text) in cases {
            assert_eq!(clock(secs(s)), text);
        }
    }
}
