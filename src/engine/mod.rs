//! The session engine: a pure state machine that runs a routine.
//!
//! It does no I/O and never reads the clock: every call takes `now`.

mod command;
mod cue;
mod session;
mod view;

pub use command::Command;
pub use cue::{Cue, TempoStep};
pub use session::Session;
pub use view::{Label, Summary, View};

use std::time::Duration;

/// How much [`Command::Extend`] adds to a countdown.
pub const EXTEND_BY: Duration = Duration::from_secs(10);
