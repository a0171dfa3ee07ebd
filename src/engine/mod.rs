//! The session engine: a pure state machine that runs a routine.
//!
//! It does no I/O and never reads the clock: every call takes `now`.
//!
//! - [`Session`] walks the phases of [`crate::routine::expand`] on an
//!   "active time" line (pauses cut out). A phase that ends by time starts
//!   the next one at exactly its end, so an uninterrupted run ends at
//!   `start + planned(routine).total`, to the nanosecond.
//! - The caller sleeps until [`Session::next_deadline`] (at most a second
//!   away while running: the displayed countdown and elapsed time turn on
//!   whole seconds), then calls [`Session::advance`] and plays the cues.
//! - Where each cue falls is stated once, in `schedule.rs`; what a late
//!   wake-up emits is stated on [`Session::advance`]; what the summary
//!   counts is stated on [`Session::summary`].

mod clock;
mod command;
mod cue;
mod schedule;
mod session;
mod view;

pub use command::Command;
pub use cue::{Cue, TempoStep};
pub use schedule::{HALFWAY_MIN, TICKS};
pub use session::{CUE_GRACE, MAX_TICKS, Session};
pub use view::{Label, Summary, View};

use std::time::Duration;

/// How much [`Command::Extend`] adds to a countdown.
pub const EXTEND_BY: Duration = Duration::from_secs(10);
