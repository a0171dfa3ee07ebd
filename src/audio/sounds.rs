//! The cue sounds: built-in ones embedded in the binary, optionally replaced
//! by the user's files, all decoded once at start so playing one is only
//! handing a ready buffer to the mixer.

use std::fmt;
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::num::NonZero;
use std::path::Path;
use std::sync::Arc;

use rodio::buffer::SamplesBuffer;
use rodio::{Decoder, Source};

use crate::engine::Cue;

/// Sounds longer than this are cut: a cue must never drown the next one.
pub const MAX_SOUND_SECONDS: u32 = 3;

/// A decoded sound, ready to play.
#[derive(Clone)]
pub struct Sound {
    name: &'static str,
    samples: Arc<[f32]>,
    buffer: SamplesBuffer,
}

impl fmt::Debug for Sound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sound")
            .field("name", &self.name)
            .field("channels", &self.channels())
            .field("sample_rate", &self.sample_rate())
            .field("samples", &self.samples.len())
            .finish()
    }
}

impl Sound {
    /// The cue name this sound belongs to (also its file stem).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Interleaved samples, -1.0..=1.0.
    pub fn samples(&self) -> &[f32] {
        &self.samples
    }

    pub fn channels(&self) -> u16 {
        self.buffer.channels().get()
    }

    pub fn sample_rate(&self) -> u32 {
        self.buffer.sample_rate().get()
    }

    /// Length in seconds.
    pub fn seconds(&self) -> f64 {
        self.samples.len() as f64 / f64::from(self.channels()) / f64::from(self.sample_rate())
    }

    /// A fresh playable source over the shared samples (cheap: no copy).
    pub fn source(&self) -> SamplesBuffer {
        self.buffer.clone()
    }

    /// Decodes any format rodio was built to read (WAV here), keeping at
    /// most [`MAX_SOUND_SECONDS`]. Fails, with the reason, when the data is
    /// not a sound or holds no samples.
    pub fn decode<R>(name: &'static str, data: R) -> Result<Sound, String>
    where
        R: Read + Seek + Send + Sync + 'static,
    {
        let decoder = Decoder::new(data).map_err(|e| e.to_string())?;
        let channels = decoder.channels();
        let rate = decoder.sample_rate();
        let limit = usize::from(channels.get()) * rate.get() as usize * MAX_SOUND_SECONDS as usize;
        let samples: Vec<f32> = decoder.take(limit).collect();
        if samples.is_empty() {
            return Err("it holds no audio".to_string());
        }
        Ok(Sound::from_samples(name, channels, rate, samples))
    }

    fn from_samples(
        name: &'static str,
        channels: NonZero<u16>,
        rate: NonZero<u32>,
        samples: Vec<f32>,
    ) -> Sound {
        let samples: Arc<[f32]> = samples.into();
        let buffer = SamplesBuffer::new(channels, rate, samples.to_vec());
        Sound {
            name,
            samples,
            buffer,
        }
    }

    /// A short silence, for a built-in sound that somehow fails to decode.
    fn silence(name: &'static str) -> Sound {
        let one = NonZero::new(1).unwrap_or(NonZero::<u16>::MIN);
        let rate = NonZero::new(22_050).unwrap_or(NonZero::<u32>::MIN);
        Sound::from_samples(name, one, rate, vec![0.0; 64])
    }
}

/// Embeds `assets/sounds/<name>.wav` for each cue name.
macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_bytes!(concat!("../../assets/sounds/", $name, ".wav")).as_slice())),*]
    };
}

/// The built-in sounds, made by `examples/gen_sounds.rs`, by cue name.
const BUILTIN: [(&str, &[u8]); 12] = embedded![
    "get-ready",
    "work-start",
    "halfway",
    "last-seconds",
    "work-end",
    "tempo-up",
    "tempo-hold",
    "tempo-down",
    "last-rep",
    "switch-sides",
    "rest",
    "finished",
];

/// The WAV file embedded in the binary for a cue name (empty for a name
/// that is not a cue).
pub fn builtin_bytes(name: &str) -> &'static [u8] {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, bytes)| bytes)
}

/// File extensions accepted for a user's replacement sound, in the order
/// they are looked for.
pub const OVERRIDE_EXTENSIONS: [&str; 1] = ["wav"];

/// One decoded sound per cue kind, in the order of [`Cue::KINDS`].
#[derive(Debug, Clone)]
pub struct SoundBank {
    sounds: Vec<Sound>,
}

impl SoundBank {
    /// The built-in sounds, replaced by the user's files in `dir` where
    /// present. Problems come back as readable warnings; the built-in sound
    /// is used for any override that cannot be read.
    pub fn load(dir: Option<&Path>) -> (SoundBank, Vec<String>) {
        let mut warnings = Vec::new();
        let sounds = Cue::KINDS
            .iter()
            .map(|kind| {
                let name = kind.name();
                if let Some(sound) = dir.and_then(|d| load_override(d, name, &mut warnings)) {
                    return sound;
                }
                Sound::decode(name, Cursor::new(builtin_bytes(name)))
                    .unwrap_or_else(|_| Sound::silence(name))
            })
            .collect();
        (SoundBank { sounds }, warnings)
    }

    /// The sound for a cue (any `left` value maps to its kind).
    pub fn get(&self, cue: Cue) -> &Sound {
        let index = kind_index(cue);
        &self.sounds[index]
    }

    /// All sounds, in the order of [`Cue::KINDS`].
    pub fn all(&self) -> &[Sound] {
        &self.sounds
    }
}

/// Position of a cue's kind in [`Cue::KINDS`].
pub fn kind_index(cue: Cue) -> usize {
    let name = cue.name();
    Cue::KINDS
        .iter()
        .position(|k| k.name() == name)
        .unwrap_or_default()
}

fn load_override(dir: &Path, name: &'static str, warnings: &mut Vec<String>) -> Option<Sound> {
    for ext in OVERRIDE_EXTENSIONS {
        let path = dir.join(format!("{name}.{ext}"));
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                warnings.push(override_warning(&path, name, &e.to_string()));
                return None;
            }
        };
        if file.metadata().is_ok_and(|m| !m.is_file()) {
            warnings.push(override_warning(&path, name, "it is not a file"));
            return None;
        }
        // Read through a buffer: only the first seconds of a long file are
        // ever read.
        return match Sound::decode(name, BufReader::new(file)) {
            Ok(sound) => Some(sound),
            Err(reason) => {
                warnings.push(override_warning(&path, name, &reason));
                None
            }
        };
    }
    None
}

/// "playing the built-in <name> sound: cannot use <file> (<why>)": the
/// outcome first, so it still reads when a narrow window cuts the line.
fn override_warning(path: &Path, name: &str, reason: &str) -> String {
    let reason = reason.trim_end_matches('.');
    let mut chars = reason.chars();
    let reason = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::from("unknown error"),
    };
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    format!("playing the built-in {name} sound: cannot use {file} ({reason})")
}
