//! A read-only snapshot of the session for display.

use std::time::Duration;

use super::cue::TempoStep;
use crate::routine::{Exercise, PhaseKind, Side};

/// The phase label shown large on screen. The words are part of the
/// product's contract: users and tests rely on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    GetReady,
    Hold,
    Go,
    Reps,
    Rest,
    SwitchSides,
    Paused,
    Done,
}

impl Label {
    /// Every label, e.g. to check each can be drawn.
    pub const ALL: [Label; 8] = [
        Label::GetReady,
        Label::Hold,
        Label::Go,
        Label::Reps,
        Label::Rest,
        Label::SwitchSides,
        Label::Paused,
        Label::Done,
    ];

    pub fn text(self) -> &'static str {
        match self {
            Label::GetReady => "GET READY",
            Label::Hold => "HOLD",
            Label::Go => "GO",
            Label::Reps => "REPS",
            Label::Rest => "REST",
            Label::SwitchSides => "SWITCH SIDES",
            Label::Paused => "PAUSED",
            Label::Done => "DONE",
        }
    }
}

/// Everything the session screen shows, computed for one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct View<'a> {
    pub routine_name: &'a str,
    /// 0-based index of the current exercise.
    pub exercise_index: usize,
    pub exercise_count: usize,
    pub exercise: &'a Exercise,
    /// `PAUSED` while paused, `DONE` when finished, else the phase's label.
    pub label: Label,
    /// The kind of the current phase (`None` once finished).
    pub kind: Option<PhaseKind>,
    pub side: Option<Side>,
    /// (current, total) sets on this side, for work, rest and switch phases.
    pub set: Option<(u32, u32)>,
    /// (current, total) reps in a reps phase; current is 1-based.
    pub rep: Option<(u32, u32)>,
    pub tempo: Option<TempoStep>,
    /// Exact time left in the phase; `None` for manual reps (no deadline).
    pub time_left: Option<Duration>,
    /// Whole seconds to show: `time_left` rounded up, so the number changes
    /// exactly at whole-second boundaries and reads 0 only at the end.
    pub seconds_left: Option<u64>,
    /// Planned length of the current phase (including extensions).
    pub phase_length: Option<Duration>,
    /// Share of the phase done, 0.0..=1.0.
    pub phase_progress: f64,
    /// Active (unpaused) session time so far.
    pub elapsed: Duration,
    /// Planned time still to go in the session (an estimate with manual reps).
    pub remaining: Duration,
    /// Name of the exercise after this one.
    pub next_exercise: Option<&'a str>,
    pub paused: bool,
    pub finished: bool,
}

/// What a session did, for the summary screen (and, later, history).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Time the session ran, pauses excluded.
    pub active: Duration,
    /// Time spent paused.
    pub paused: Duration,
    pub exercises: usize,
    /// Exercises whose work phases all ran to their end.
    pub completed: usize,
    /// Exercises left without any work done.
    pub skipped: usize,
    /// Exercises begun but not finished.
    pub cut_short: usize,
    /// True when the user quit before the end.
    pub quit: bool,
}
