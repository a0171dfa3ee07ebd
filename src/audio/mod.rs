//! Audio cues: a sound for every engine cue, played through a swappable
//! backend on a thread of its own, so a cue never blocks input or drawing.
//!
//! [`Audio`] is the handle the app holds. It applies the user's settings
//! (mute, volume, halfway, ticks), then hands the cue to the audio thread
//! over a channel; that thread owns the output (rodio's mixer, or a silent
//! or recording stand-in) and does nothing between cues.

mod backend;
pub mod quiet;
mod rodio_out;
mod sounds;

pub use backend::{Output, Played, Recording, Silent};
pub use rodio_out::RodioOutput;
pub use sounds::{OVERRIDE_EXTENSIONS, Sound, SoundBank, builtin_bytes};

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crate::engine::Cue;

/// The `[sound]` settings of the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoundSettings {
    /// Off means no device is opened at all.
    pub enabled: bool,
    /// 0..=100 (values above 100 count as 100).
    pub volume: u8,
    /// Play the halfway cue.
    pub halfway: bool,
    /// How many of the last seconds of a countdown tick (0..=5).
    pub tick_seconds: u8,
}

impl Default for SoundSettings {
    fn default() -> Self {
        SoundSettings {
            enabled: true,
            volume: 80,
            halfway: true,
            tick_seconds: 3,
        }
    }
}

/// Footer text, one per state (fixed wording the UI and tests rely on).
pub const STATUS_ON: &str = "sound on";
pub const STATUS_MUTED: &str = "muted";
pub const STATUS_NO_DEVICE: &str = "sound off: no audio device";
pub const STATUS_CONFIG_OFF: &str = "sound off (config)";

/// A cue stays worth hearing only this long: cues queued while a slow
/// device was still opening are dropped rather than played late.
const STALE_AFTER: Duration = Duration::from_millis(500);

const DEVICE_OPENING: u8 = 0;
const DEVICE_READY: u8 = 1;
const DEVICE_NONE: u8 = 2;

enum Message {
    Play {
        index: usize,
        volume: f32,
        sent: Instant,
    },
    Flush(Sender<()>),
}

/// The app's handle on sound. Cheap calls only: nothing here waits for the
/// device.
pub struct Audio {
    settings: SoundSettings,
    muted: bool,
    device: Arc<AtomicU8>,
    tx: Option<Sender<Message>>,
    /// Says when the audio thread has ended (its output dropped).
    ended: Option<Receiver<()>>,
    warnings: Vec<String>,
}

/// How long dropping [`Audio`] waits for the audio thread to close the
/// device, so it is closed (quietly) before the process goes on to exit.
const CLOSE_WAIT: Duration = Duration::from_millis(250);

impl Drop for Audio {
    fn drop(&mut self) {
        self.tx = None;
        if let Some(ended) = self.ended.take() {
            let _ = ended.recv_timeout(CLOSE_WAIT);
        }
    }
}

impl std::fmt::Debug for Audio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Audio")
            .field("settings", &self.settings)
            .field("status", &self.status())
            .finish()
    }
}

impl Audio {
    /// Opens the default device on the audio thread and returns at once.
    /// Never fails: without a device the session is silent and
    /// [`Audio::status`] says so. Sounds (and the user's replacements in
    /// `sounds_dir`) are decoded here, once.
    pub fn open(settings: SoundSettings, sounds_dir: Option<&Path>) -> Audio {
        if !settings.enabled {
            return Audio::without_thread(settings, DEVICE_NONE);
        }
        let (bank, warnings) = SoundBank::load(sounds_dir);
        Audio::spawn(settings, bank, warnings, || {
            RodioOutput::open()
                .ok()
                .map(|out| Box::new(out) as Box<dyn Output>)
        })
    }

    /// No device and no thread: every cue is dropped. For tests and for a
    /// machine known to have no sound.
    pub fn silent(settings: SoundSettings) -> Audio {
        Audio::without_thread(settings, DEVICE_NONE)
    }

    /// Plays through `output` (a [`Recording`] in tests).
    pub fn with_output(
        settings: SoundSettings,
        output: Box<dyn Output>,
        sounds_dir: Option<&Path>,
    ) -> Audio {
        let (bank, warnings) = SoundBank::load(sounds_dir);
        Audio::spawn(settings, bank, warnings, move || Some(output))
    }

    fn without_thread(settings: SoundSettings, device: u8) -> Audio {
        Audio {
            settings,
            muted: false,
            device: Arc::new(AtomicU8::new(device)),
            tx: None,
            ended: None,
            warnings: Vec::new(),
        }
    }

    fn spawn<F>(settings: SoundSettings, bank: SoundBank, warnings: Vec<String>, open: F) -> Audio
    where
        F: FnOnce() -> Option<Box<dyn Output>> + Send + 'static,
    {
        let mut audio = Audio::without_thread(settings, DEVICE_OPENING);
        audio.warnings = warnings;
        let (tx, rx) = mpsc::channel();
        let (ended_tx, ended_rx) = mpsc::channel();
        let device = Arc::clone(&audio.device);
        let spawned = thread::Builder::new()
            .name("limber-audio".into())
            .spawn(move || {
                run(open, bank, rx, device);
                let _ = ended_tx.send(());
            });
        match spawned {
            Ok(_) => {
                audio.tx = Some(tx);
                audio.ended = Some(ended_rx);
            }
            Err(_) => audio.device.store(DEVICE_NONE, Ordering::Release),
        }
        audio
    }

    /// Plays the cue's sound unless the settings or mute say otherwise.
    /// Never blocks.
    pub fn play(&mut self, cue: Cue) {
        if !self.wants(cue) {
            return;
        }
        let Some(tx) = &self.tx else { return };
        if self.device.load(Ordering::Acquire) == DEVICE_NONE {
            return;
        }
        let volume = f32::from(self.settings.volume.min(100)) / 100.0;
        let message = Message::Play {
            index: sounds::kind_index(cue),
            volume,
            sent: Instant::now(),
        };
        if tx.send(message).is_err() {
            // The audio thread is gone (it cannot panic on our side of the
            // channel, but be sure): go quiet rather than fail.
            self.tx = None;
            self.device.store(DEVICE_NONE, Ordering::Release);
        }
    }

    /// Whether the settings let this cue be heard right now.
    fn wants(&self, cue: Cue) -> bool {
        if !self.settings.enabled || self.muted || self.settings.volume == 0 {
            return false;
        }
        let ticks = u32::from(self.settings.tick_seconds);
        match cue {
            Cue::Halfway => self.settings.halfway,
            Cue::GetReadyTick { left } | Cue::LastSecondsTick { left } => left <= ticks,
            _ => true,
        }
    }

    /// The settings this handle plays by.
    pub fn settings(&self) -> SoundSettings {
        self.settings
    }

    pub fn set_muted(&mut self, muted: bool) {
        self.muted = muted;
    }

    pub fn is_muted(&self) -> bool {
        self.muted
    }

    /// Short footer text: [`STATUS_ON`], [`STATUS_MUTED`],
    /// [`STATUS_NO_DEVICE`] or [`STATUS_CONFIG_OFF`]. While the device is
    /// still opening it reads as on (or muted).
    pub fn status(&self) -> String {
        let text = if !self.settings.enabled {
            STATUS_CONFIG_OFF
        } else if self.device.load(Ordering::Acquire) == DEVICE_NONE {
            STATUS_NO_DEVICE
        } else if self.muted {
            STATUS_MUTED
        } else {
            STATUS_ON
        };
        text.to_string()
    }

    /// Problems found while loading sounds (an override that would not
    /// decode, ...), each once, for the UI to show.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Waits (at most `timeout`) until the audio thread has opened its
    /// device and handed every cue sent so far to the output. For tests and
    /// benchmarks; the app never needs it. Returns false on timeout.
    pub fn flush(&self, timeout: Duration) -> bool {
        let Some(tx) = &self.tx else { return true };
        let (done_tx, done_rx) = mpsc::channel();
        if tx.send(Message::Flush(done_tx)).is_err() {
            return true;
        }
        done_rx.recv_timeout(timeout).is_ok()
    }
}

/// The audio thread: open the output, then wait for cues. It blocks on the
/// channel between cues (waking once more after a sound to let the output
/// go idle), so it costs nothing while the session is quiet; it ends when
/// the [`Audio`] handle is dropped.
fn run<F>(open: F, bank: SoundBank, rx: Receiver<Message>, device: Arc<AtomicU8>)
where
    F: FnOnce() -> Option<Box<dyn Output>>,
{
    let mut output = open();
    let state = if output.is_some() {
        DEVICE_READY
    } else {
        DEVICE_NONE
    };
    device.store(state, Ordering::Release);
    loop {
        let busy = output.as_ref().and_then(|out| out.busy_until());
        let received = match busy {
            Some(until) => rx.recv_timeout(until.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let message = match received {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => {
                if let Some(out) = output.as_mut() {
                    out.idle();
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        match message {
            Message::Play {
                index,
                volume,
                sent,
            } => {
                if let Some(out) = output.as_mut()
                    && sent.elapsed() < STALE_AFTER
                {
                    out.play(&bank.all()[index], volume);
                }
            }
            Message::Flush(done) => {
                let _ = done.send(());
            }
        }
    }
    drop(output.take());
}
