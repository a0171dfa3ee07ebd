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
