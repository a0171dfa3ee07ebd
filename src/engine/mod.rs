//! The session engine: a pure state machine that runs a routine.
//!
//! It does no I/O and never reads the clock: every call takes `now`.

mod clock;
mod command;
mod cue;
mod schedule;
mod session;
mod view;

pub use command::Command;
pub use cue::{Cue, TempoStep};
pub use schedule::{HALFWAY_MIN, TICKS};
pub use session::{CUE_GRACE, Session};
pub use view::{Label, Summary, View};

use std::time::Duration;

/// How much [`Command::Extend`] adds to a countdown.
pub const EXTEND_BY: Duration = Duration::from_secs(10);
