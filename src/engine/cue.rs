//! Cue events: moments the audio and the screen react to.

/// A tempo sub-phase of a guided rep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TempoStep {
    Up,
    Hold,
    Down,
}

impl TempoStep {
    pub fn label(self) -> &'static str {
        match self {
            TempoStep::Up => "UP",
            TempoStep::Hold => "HOLD",
            TempoStep::Down => "DOWN",
        }
    }
}

/// Something that just happened in the session, emitted exactly once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// One of the last seconds of a prepare, rest or switch-sides countdown;
    /// `left` is the number of whole seconds still to go (3, 2, 1).
    GetReadyTick { left: u32 },
    /// A work phase (hold, duration or reps) began.
    WorkStart,
    /// Half of a hold or duration of 20 s or more has passed.
    Halfway,
    /// One of the last seconds of a hold or duration; `left` as above.
    LastSecondsTick { left: u32 },
    /// A work phase ended (its time ran out, or the user finished the set).
    WorkEnd,
    /// A guided rep entered a tempo sub-phase.
    Tempo(TempoStep),
    /// The last rep of a set began.
    LastRep,
    /// A switch-sides countdown began.
    SwitchSides,
    /// A rest began.
    RestStart,
    /// The session ended: the routine ran to its end, or the user quit.
    Finished,
}

impl Cue {
    /// Every kind of cue, one representative each; `left` values do not
    /// change the kind. Used by the audio side to map cues to sounds.
    pub const KINDS: [Cue; 12] = [
        Cue::GetReadyTick { left: 1 },
        Cue::WorkStart,
        Cue::Halfway,
        Cue::LastSecondsTick { left: 1 },
        Cue::WorkEnd,
        Cue::Tempo(TempoStep::Up),
        Cue::Tempo(TempoStep::Hold),
        Cue::Tempo(TempoStep::Down),
        Cue::LastRep,
        Cue::SwitchSides,
        Cue::RestStart,
        Cue::Finished,
    ];

    /// Stable name of the cue's kind; also the file stem of its sound.
    pub fn name(self) -> &'static str {
        match self {
            Cue::GetReadyTick { .. } => "get-ready",
            Cue::WorkStart => "work-start",
            Cue::Halfway => "halfway",
            Cue::LastSecondsTick { .. } => "last-seconds",
            Cue::WorkEnd => "work-end",
            Cue::Tempo(TempoStep::Up) => "tempo-up",
            Cue::Tempo(TempoStep::Hold) => "tempo-hold",
            Cue::Tempo(TempoStep::Down) => "tempo-down",
            Cue::LastRep => "last-rep",
            Cue::SwitchSides => "switch-sides",
            Cue::RestStart => "rest",
            Cue::Finished => "finished",
        }
    }
}
