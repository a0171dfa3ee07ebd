//! Synthesises limber's cue sounds and writes them as WAV files.
//!
//! `cargo run --example gen_sounds` rewrites `assets/sounds/*.wav`;
//! `cargo run --example gen_sounds -- DIR` writes them to DIR instead. The
//! output is the same byte for byte on every run (a test checks the
//! committed files against it), so the sounds can be tuned here and
//! regenerated rather than edited by hand.
//!
//! Every sound is mono, 22050 Hz, 16-bit, well under a second, built from
//! sine partials under a raised-cosine attack and release (no clicks) and
//! scaled to a fixed peak below full scale (no clipping). The kinds are told
//! apart by pitch and shape: a low blip to get ready, a bright blip for the
//! last seconds, rising and falling pairs for work start and end, a bell at
//! halfway, glides up / steady / down for the tempo, a double blip for the
//! last rep, an alternating pair to switch sides, a soft low tone to rest and
//! a three-note chime at the end.

use std::f64::consts::PI;
use std::path::PathBuf;

/// Samples per second of every generated sound.
pub const RATE: u32 = 22_050;

/// One partial: (multiple of the fundamental, relative amplitude).
type Partials = &'static [(f64, f64)];

const PURE: Partials = &[(1.0, 1.0), (2.0, 0.12)];
const WARM: Partials = &[(1.0, 1.0), (2.0, 0.3), (3.0, 0.1)];
const BRIGHT: Partials = &[(1.0, 1.0), (2.0, 0.45), (3.0, 0.3), (4.0, 0.15)];
/// Slightly inharmonic partials: a small bell.
const BELL: Partials = &[(1.0, 1.0), (2.76, 0.35), (5.4, 0.12)];

/// A tone: pitch gliding linearly from `from` to `to` Hz over `seconds`,
/// under an attack / release envelope with an exponential decay between.
#[derive(Clone, Copy)]
struct Tone {
    from: f64,
    to: f64,
    seconds: f64,
    attack: f64,
    release: f64,
    /// Decay rate per second (0 = steady).
    decay: f64,
    partials: Partials,
    gain: f64,
}

impl Tone {
    fn new(hz: f64, seconds: f64, partials: Partials) -> Tone {
        Tone {
            from: hz,
            to: hz,
            seconds,
            attack: 0.006,
            release: seconds * 0.5,
            decay: 0.0,
            partials,
            gain: 1.0,
        }
    }

    fn glide(self, to: f64) -> Tone {
        Tone { to, ..self }
    }

    fn attack(self, attack: f64) -> Tone {
        Tone { attack, ..self }
    }

    fn release(self, release: f64) -> Tone {
        Tone { release, ..self }
    }

    fn decay(self, decay: f64) -> Tone {
        Tone { decay, ..self }
    }

    fn gain(self, gain: f64) -> Tone {
        Tone { gain, ..self }
    }

    fn render(&self) -> Vec<f64> {
        let rate = f64::from(RATE);
        let n = (self.seconds * rate).round() as usize;
        let attack = (self.attack * rate).max(1.0);
        let release = (self.release * rate).max(1.0);
        let mut phase = 0.0_f64;
        (0..n)
            .map(|i| {
                let t = i as f64 / rate;
                let progress = i as f64 / n.max(1) as f64;
                let hz = self.from + (self.to - self.from) * progress;
                let value: f64 = self
                    .partials
                    .iter()
                    .map(|(mult, amp)| amp * (2.0 * PI * phase * mult).sin())
                    .sum();
                phase += hz / rate;
                // Raised cosine in and out: both ends sit exactly at zero.
                let rise = raised_cosine((i as f64 / attack).min(1.0));
                let fall = raised_cosine(((n - 1 - i) as f64 / release).min(1.0));
                value * rise * fall * (-self.decay * t).exp() * self.gain
            })
            .collect()
    }
}

/// 0 at 0, 1 at 1, smooth at both ends.
fn raised_cosine(x: f64) -> f64 {
    0.5 - 0.5 * (PI * x).cos()
}

/// Tones placed at start times (seconds), summed, scaled so the loudest
/// sample is `peak` of full scale.
fn mix(parts: &[(f64, Tone)], peak: f64) -> Vec<f64> {
    let rate = f64::from(RATE);
    let rendered: Vec<(usize, Vec<f64>)> = parts
        .iter()
        .map(|(at, tone)| ((at * rate).round() as usize, tone.render()))
        .collect();
    let len = rendered
        .iter()
        .map(|(start, s)| start + s.len())
        .max()
        .unwrap_or(0);
    let mut out = vec![0.0; len];
    for (start, samples) in rendered {
        for (slot, value) in out[start..].iter_mut().zip(samples) {
            *slot += value;
        }
    }
    let loudest = out.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if loudest > 0.0 {
        out.iter_mut().for_each(|v| *v *= peak / loudest);
    }
    out
}

/// Every cue sound: (file stem, samples). The stems are the engine's cue
/// names (`Cue::name`).
pub fn sounds() -> Vec<(&'static str, Vec<f64>)> {
    const C5: f64 = 523.25;
    const E5: f64 = 659.26;
    const G5: f64 = 783.99;
    const C6: f64 = 1046.5;
    vec![
        // A soft, short, low blip.
        (
            "get-ready",
            mix(
                &[(0.0, Tone::new(392.0, 0.09, PURE).attack(0.008).decay(12.0))],
                0.45,
            ),
        ),
        // Higher and brighter than get-ready: time is almost up.
        (
            "last-seconds",
            mix(
                &[(
                    0.0,
                    Tone::new(880.0, 0.09, BRIGHT).attack(0.004).decay(10.0),
                )],
                0.6,
            ),
        ),
        // Rising fifth: go.
        (
            "work-start",
            mix(
                &[
                    (0.0, Tone::new(C5, 0.13, WARM).release(0.05)),
                    (0.11, Tone::new(G5, 0.25, WARM).decay(4.0).release(0.15)),
                ],
                0.75,
            ),
        ),
        // Falling fifth: stop.
        (
            "work-end",
            mix(
                &[
                    (0.0, Tone::new(G5, 0.13, WARM).release(0.05)),
                    (0.11, Tone::new(C5, 0.3, WARM).decay(4.0).release(0.18)),
                ],
                0.75,
            ),
        ),
        // One small bell, mid pitch.
        (
            "halfway",
            mix(
                &[(
                    0.0,
                    Tone::new(E5, 0.55, BELL)
                        .attack(0.003)
                        .decay(6.0)
                        .release(0.25),
                )],
                0.6,
            ),
        ),
        // Tempo: the same short tone gliding up, steady, gliding down.
        (
            "tempo-up",
            mix(
                &[(0.0, Tone::new(440.0, 0.16, WARM).glide(660.0).release(0.06))],
                0.55,
            ),
        ),
        (
            "tempo-hold",
            mix(&[(0.0, Tone::new(550.0, 0.16, WARM).release(0.06))], 0.55),
        ),
        (
            "tempo-down",
            mix(
                &[(0.0, Tone::new(660.0, 0.16, WARM).glide(440.0).release(0.06))],
                0.55,
            ),
        ),
        // Two quick bright blips.
        (
            "last-rep",
            mix(
                &[
                    (0.0, Tone::new(988.0, 0.07, BRIGHT).release(0.04)),
                    (0.13, Tone::new(988.0, 0.07, BRIGHT).release(0.04)),
                ],
                0.65,
            ),
        ),
        // Alternating pair, twice: one side, the other.
        (
            "switch-sides",
            mix(
                &[
                    (0.0, Tone::new(E5, 0.09, WARM).release(0.04)),
                    (0.1, Tone::new(C5, 0.09, WARM).release(0.04)),
                    (0.2, Tone::new(E5, 0.09, WARM).release(0.04)),
                    (0.3, Tone::new(C5, 0.12, WARM).release(0.07)),
                ],
                0.65,
            ),
        ),
        // A soft low tone that fades in and out: breathe.
        (
            "rest",
            mix(
                &[(0.0, Tone::new(220.0, 0.5, PURE).attack(0.08).release(0.3))],
                0.5,
            ),
        ),
        // A short rising three-note chime.
        (
            "finished",
            mix(
                &[
                    (
                        0.0,
                        Tone::new(C5, 0.5, BELL)
                            .attack(0.004)
                            .decay(5.0)
                            .release(0.3),
                    ),
                    (
                        0.15,
                        Tone::new(E5, 0.5, BELL)
                            .attack(0.004)
                            .decay(5.0)
                            .release(0.3),
                    ),
                    (
                        0.3,
                        Tone::new(G5, 0.55, BELL)
                            .attack(0.004)
                            .decay(4.0)
                            .release(0.35),
                    ),
                    (
                        0.3,
                        Tone::new(C6, 0.55, PURE).attack(0.004).decay(6.0).gain(0.3),
                    ),
                ],
                0.75,
            ),
        ),
    ]
}

/// 16-bit mono PCM WAV bytes for samples in -1.0..=1.0.
pub fn wav_bytes(samples: &[f64]) -> Vec<u8> {
    let data_len = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&(RATE * 2).to_le_bytes()); // bytes per second
    out.extend_from_slice(&2u16.to_le_bytes()); // block align
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        let v = (s.clamp(-1.0, 1.0) * 32767.0).round() as i16;
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

/// Every sound as (file name, WAV bytes).
pub fn files() -> Vec<(String, Vec<u8>)> {
    sounds()
        .into_iter()
        .map(|(name, samples)| (format!("{name}.wav"), wav_bytes(&samples)))
        .collect()
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> std::process::ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sounds"));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen_sounds: cannot create {}: {e}", dir.display());
        return std::process::ExitCode::FAILURE;
    }
    for (file, bytes) in files() {
        let path = dir.join(&file);
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("gen_sounds: cannot write {}: {e}", path.display());
            return std::process::ExitCode::FAILURE;
        }
        let seconds = (bytes.len() - 44) as f64 / 2.0 / f64::from(RATE);
        println!("{} ({seconds:.2} s, {} bytes)", path.display(), bytes.len());
    }
    std::process::ExitCode::SUCCESS
}
