//! Bounds of the routine format, in one place: the parser enforces them and
//! the JSON schema publishes them.

use std::time::Duration;

/// Longest hold or duration.
pub const MAX_WORK: Duration = Duration::from_secs(4 * 3600);
/// Longest rest or prepare.
pub const MAX_PAUSE: Duration = Duration::from_secs(10 * 60);
/// Longest single tempo part.
pub const MAX_TEMPO_PART: Duration = Duration::from_secs(30);
pub const MAX_SETS: u32 = 50;
pub const MAX_REPS: u32 = 500;
/// Default prepare countdown.
pub const DEFAULT_PREPARE: Duration = Duration::from_secs(5);
/// Default rest between sets.
pub const DEFAULT_REST: Duration = Duration::from_secs(10);
/// Time assumed per manual (self-counted) rep when estimating a routine's length.
pub const ESTIMATED_REP: Duration = Duration::from_secs(3);
