//! The validated, in-memory form of a routine. Every value here has passed
//! the bounds in [`crate::routine::limits`]; code downstream never re-checks.

use std::time::Duration;

/// One routine file, parsed and validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routine {
    pub name: String,
    pub description: Option<String>,
    pub exercises: Vec<Exercise>,
}

/// One `[[exercise]]` entry with its defaults already resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    pub name: String,
    pub instructions: Option<String>,
    pub work: Work,
    /// Sets per side (at least 1).
    pub sets: u32,
    pub sides: Sides,
    /// Rest between two consecutive sets on the same side (zero = none).
    pub rest: Duration,
    /// Get-into-position countdown before the exercise and at a side switch (zero = none).
    pub prepare: Duration,
}

/// What one work phase asks of the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// A static hold, counted down.
    Hold(Duration),
    /// A continuous activity for a time (walking, an ice pack).
    Duration(Duration),
    /// Counted repetitions: paced by the app with a tempo, else counted by the user.
    Reps { count: u32, tempo: Option<Tempo> },
}

/// Pace of one guided repetition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tempo {
    pub up: Duration,
    pub hold: Duration,
    pub down: Duration,
}

impl Tempo {
    /// Length of one repetition.
    pub fn rep(&self) -> Duration {
        self.up + self.hold + self.down
    }
}

/// Which sides an exercise is done on, and in what order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sides {
    /// No sides (a symmetric exercise).
    #[default]
    None,
    Left,
    Right,
    /// All sets on the left, then all sets on the right.
    Both,
    /// Left and right take turns: L1, R1, L2, R2, ...
    Alternate,
}

impl Sides {
    /// The spelling used in routine files.
    pub const NAMES: [&'static str; 5] = ["none", "left", "right", "both", "alternate"];

    pub fn parse(s: &str) -> Option<Sides> {
        Some(match s {
            "none" => Sides::None,
            "left" => Sides::Left,
            "right" => Sides::Right,
            "both" => Sides::Both,
            "alternate" => Sides::Alternate,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sides::None => "none",
            Sides::Left => "left",
            Sides::Right => "right",
            Sides::Both => "both",
            Sides::Alternate => "alternate",
        }
    }

    /// True when the exercise is done on a named side.
    pub fn has_sides(self) -> bool {
        self != Sides::None
    }
}

/// A body side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// Upper-case label as shown on screen.
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "LEFT",
            Side::Right => "RIGHT",
        }
    }
}
