//! The running session: a state machine over the expanded routine.

use std::time::{Duration, Instant};

use super::{Command, Cue, Label, Summary, View};
use crate::routine::{Exercise, Routine, Sides, Work};

/// Stand-in exercise for a routine without any (only reachable with
/// hand-built, unvalidated routines), so a view can always be produced.
static NO_EXERCISE: Exercise = Exercise {
    name: String::new(),
    instructions: None,
    work: Work::Hold(Duration::ZERO),
    sets: 0,
    sides: Sides::None,
    rest: Duration::ZERO,
    prepare: Duration::ZERO,
};

/// A routine being run. Time only moves when the caller passes it in.
#[derive(Debug, Clone)]
pub struct Session {
    routine: Routine,
    start: Instant,
}

impl Session {
    /// Starts a session: its clock runs from `now`.
    pub fn new(routine: Routine, now: Instant) -> Session {
        Session {
            routine,
            start: now,
        }
    }

    pub fn routine(&self) -> &Routine {
        &self.routine
    }

    /// Moves the session clock to `now` and returns the cues that came due.
    pub fn advance(&mut self, now: Instant) -> Vec<Cue> {
        let _ = now;
        Vec::new()
    }

    /// Advances to `now`, then applies `cmd`; returns every cue of both steps.
    pub fn command(&mut self, cmd: Command, now: Instant) -> Vec<Cue> {
        let _ = cmd;
        self.advance(now)
    }

    /// When the caller should call [`Session::advance`] next.
    pub fn next_deadline(&self) -> Option<Instant> {
        None
    }

    /// A snapshot for display at `now`.
    pub fn view(&self, now: Instant) -> View<'_> {
        let elapsed = now.saturating_duration_since(self.start);
        View {
            routine_name: &self.routine.name,
            exercise_index: 0,
            exercise_count: self.routine.exercises.len(),
            exercise: self.routine.exercises.first().unwrap_or(&NO_EXERCISE),
            label: Label::GetReady,
            kind: None,
            side: None,
            set: None,
            rep: None,
            tempo: None,
            time_left: None,
            seconds_left: None,
            phase_length: None,
            phase_progress: 0.0,
            elapsed,
            remaining: Duration::ZERO,
            next_exercise: None,
            paused: false,
            finished: false,
        }
    }

    pub fn is_finished(&self) -> bool {
        false
    }

    pub fn is_paused(&self) -> bool {
        false
    }

    /// What the session did so far; final once finished.
    pub fn summary(&self, now: Instant) -> Summary {
        Summary {
            active: now.saturating_duration_since(self.start),
            exercises: self.routine.exercises.len(),
            ..Summary::default()
        }
    }
}
