//! Where decoded sounds go: the real device, nowhere, or a log for tests.
//!
//! The [`Output`] trait is the one seam between the cue logic and the sound
//! card, so the logic can be tested without a device and the app can run
//! silently where there is none.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use super::sounds::Sound;

/// Something that plays decoded sounds. Implementations must not block for
/// long: `play` runs on the audio thread between two cues.
pub trait Output: Send {
    /// Start playing `sound` at `volume` (0.0..=1.0), mixed with whatever
    /// is already playing.
    fn play(&mut self, sound: &Sound, volume: f32);

    /// Until when the output is busy playing; the audio thread calls
    /// [`Output::idle`] once that moment passes with no new sound, so an
    /// output that streams can stop. `None`: nothing to wait for.
    fn busy_until(&self) -> Option<Instant> {
        None
    }

    /// Nothing is playing any more: stop whatever costs while idle.
    fn idle(&mut self) {}
}

/// Plays nothing. Used when there is no device or sound is off.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Output for Silent {
    fn play(&mut self, _sound: &Sound, _volume: f32) {}
}

/// One sound handed to a [`Recording`] output.
#[derive(Debug, Clone, PartialEq)]
pub struct Played {
    /// The sound's name (the cue name, e.g. `work-start`).
    pub name: &'static str,
    /// The volume it was played at, 0.0..=1.0.
    pub volume: f32,
    /// How many samples (all channels) the sound has: tells an override
    /// from the built-in sound.
    pub samples: usize,
    /// When the output received it.
    pub at: Instant,
}

/// Records what was played, in order, for tests and benchmarks. Clones share
/// the same log, so a test keeps one and hands the other to [`super::Audio`].
#[derive(Debug, Default, Clone)]
pub struct Recording {
    log: Arc<Mutex<Vec<Played>>>,
}

impl Recording {
    pub fn new() -> Recording {
        Recording::default()
    }

    /// Everything played so far, oldest first.
    pub fn played(&self) -> Vec<Played> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The names played so far, oldest first.
    pub fn names(&self) -> Vec<&'static str> {
        self.played().iter().map(|p| p.name).collect()
    }
}

impl Output for Recording {
    fn play(&mut self, sound: &Sound, volume: f32) {
        let at = Instant::now();
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Played {
                name: sound.name(),
                volume,
                samples: sound.samples().len(),
                at,
            });
    }
}
