//! The routine format as data: every key, its type, bounds and meaning.
//!
//! The parser reads files by these tables and the JSON schema is generated
//! from them, so the format, its checks and its schema cannot drift apart.

use std::time::Duration;

use super::limits::{MAX_PAUSE, MAX_REPS, MAX_SETS, MAX_TEMPO_PART, MAX_WORK};
use super::model::Sides;

/// What a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string; `non_empty` rejects an empty or blank one.
    Text { non_empty: bool },
    /// A duration string or whole seconds; `positive` rejects zero.
    Duration { max: Duration, positive: bool },
    /// A whole number in `min..=max`.
    Count { min: u32, max: u32 },
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// `true`/`false` (also `"on"`/`"off"`).
    Switch,
    /// A table with these keys.
    Table(&'static [Field]),
    /// An array of tables (`[[key]]`) with these keys.
    Tables(&'static [Field]),
}

/// One key of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub doc: &'static str,
}

pub(crate) const fn field(key: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        key,
        kind,
        required: false,
        doc,
    }
}

pub(crate) const fn required(key: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        key,
        kind,
        required: true,
        doc,
    }
}

const NAME: Kind = Kind::Text { non_empty: true };
const TEXT: Kind = Kind::Text { non_empty: false };
const WORK: Kind = Kind::Duration {
    max: MAX_WORK,
    positive: true,
};
const PAUSE: Kind = Kind::Duration {
    max: MAX_PAUSE,
    positive: false,
};
const TEMPO_PART: Kind = Kind::Duration {
    max: MAX_TEMPO_PART,
    positive: false,
};

/// The keys that say what work an exercise is; exactly one is required.
pub const WORK_KEYS: [&str; 3] = ["hold", "reps", "duration"];

/// Top level of a routine file.
pub const ROUTINE: &[Field] = &[
    required(
        "name",
        NAME,
        "Name shown in the menu and on the session screen.",
    ),
    field("description", TEXT, "A sentence or two about the routine."),
    field(
        "defaults",
        Kind::Table(DEFAULTS),
        "Values for every exercise that does not set its own.",
    ),
    required(
        "exercise",
        Kind::Tables(EXERCISE),
        "The exercises, in order: one [[exercise]] table each.",
    ),
];

/// `[defaults]`.
pub const DEFAULTS: &[Field] = &[
    field(
        "prepare",
        PAUSE,
        "Get-into-position countdown before each exercise and at a side switch (default 5s; 0s = none).",
    ),
    field("rest", PAUSE, "Rest between sets (default 10s; 0s = none)."),
];

/// One `[[exercise]]`.
pub const EXERCISE: &[Field] = &[
    required("name", NAME, "Name of the exercise."),
    field(
        "instructions",
        TEXT,
        "How to do it, shown during the exercise.",
    ),
    field("hold", WORK, "A static hold of this length, e.g. \"30s\"."),
    field(
        "reps",
        Kind::Count {
            min: 1,
            max: MAX_REPS,
        },
        "Counted repetitions per set.",
    ),
    field(
        "duration",
        WORK,
        "Keep going for this long (walking, an ice pack), e.g. \"10m\".",
    ),
    field(
        "sets",
        Kind::Count {
            min: 1,
            max: MAX_SETS,
        },
        "Sets per side (default 1).",
    ),
    field(
        "sides",
        Kind::Choice(&Sides::NAMES),
        "none (default), left, right, both (all sets left, then right) or alternate (L, R, L, R...).",
    ),
    field("rest", PAUSE, "Rest between sets; overrides defaults.rest."),
    field(
        "prepare",
        PAUSE,
        "Get-into-position countdown; overrides defaults.prepare.",
    ),
    field(
        "tempo",
        Kind::Table(TEMPO),
        "Guided reps paced by the app (only with reps); without it you count reps yourself.",
    ),
];

/// `tempo = { up, hold, down }`.
pub const TEMPO: &[Field] = &[
    field("up", TEMPO_PART, "Time to lift or move into the rep."),
    field("hold", TEMPO_PART, "Time to hold at the top."),
    field("down", TEMPO_PART, "Time to lower or return."),
];
