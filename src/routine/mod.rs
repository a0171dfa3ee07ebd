//! Routine files: the format, its validation and its expansion into phases.

pub mod duration;
pub mod limits;
mod model;
mod parse;
pub mod plan;
pub(crate) mod read;
pub mod spec;

pub use model::{Exercise, Routine, Side, Sides, Tempo, Work};
pub use parse::{parse, parse_bytes};
pub use plan::{Length, Phase, PhaseKind, Planned, expand, planned};
