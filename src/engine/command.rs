//! Commands the user (through the key map) can give a running session.

/// Every command is accepted in every state; one that does not apply is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Pause when running, resume when paused.
    TogglePause,
    Pause,
    Resume,
    /// End the current phase now and move on.
    Skip,
    NextExercise,
    /// Back to the start of the previous exercise (at the first: restart it).
    PreviousExercise,
    RestartExercise,
    /// Add [`crate::engine::EXTEND_BY`] to the current countdown.
    Extend,
    /// Manual reps: one more rep done.
    RepDone,
    /// Manual reps: the set is done.
    SetDone,
    /// End the session now, recording what was done.
    Quit,
}

impl Command {
    /// Every command, for tests that try each one in each state.
    pub const ALL: [Command; 11] = [
        Command::TogglePause,
        Command::Pause,
        Command::Resume,
        Command::Skip,
        Command::NextExercise,
        Command::PreviousExercise,
        Command::RestartExercise,
        Command::Extend,
        Command::RepDone,
        Command::SetDone,
        Command::Quit,
    ];
}
