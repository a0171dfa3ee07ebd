//! Routine files: the format, its validation and its expansion into phases.

pub mod limits;
mod model;
pub mod plan;

pub use model::{Exercise, Routine, Side, Sides, Tempo, Work};
pub use plan::{Length, Phase, PhaseKind, Planned, expand, planned};
