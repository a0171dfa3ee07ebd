//! The real output: rodio's mixer feeding a cpal stream on the default
//! device, running only while a sound plays.
//!
//! An open output stream wakes its threads every period even when it only
//! streams silence (measured here through PulseAudio: rodio's ready-made
//! sink costs ~130-150 wake-ups/s and 0.6-0.9% of a core). limber plays a
//! short sound every few seconds at most, so the stream is paused once the
//! last sound has played out and resumed by the next cue; in between the
//! sound side sleeps (under 2 wake-ups/s). The period is short (10 ms) so a
//! resumed stream is heard within about 15 ms. Where the device cannot
//! pause, the stream is closed instead and reopened by the next cue.

use std::num::NonZero;
use std::time::{Duration, Instant};

use rodio::cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use rodio::cpal::{self, BufferSize, FromSample, SampleFormat, SizedSample, StreamConfig};
use rodio::mixer::{Mixer, MixerSource};
use rodio::{CpalError, Source};

use super::backend::Output;
use super::quiet::silence_stderr;
use super::sounds::Sound;

/// Target period. Measured through PulseAudio: 5 ms lands cues 4-8 ms
/// late, 10 ms 14-17 ms, 20 ms over 30 ms; each halving doubles the
/// wake-ups while a sound plays. 10 ms keeps a margin under 30 ms.
const PERIOD: Duration = Duration::from_millis(10);

/// How long the stream keeps running after a sound was handed over, beyond
/// its length: the two-period device buffer and the server must play it
/// out before the stream pauses (pausing early would cut the tail).
const PLAY_OUT: Duration = Duration::from_millis(60);

/// The default output device with rodio's mixer on it; sounds added at the
/// same moment play together.
pub struct RodioOutput {
    device: cpal::Device,
    config: StreamConfig,
    format: SampleFormat,
    stream: Option<Live>,
    /// The stream runs (not paused) until this moment.
    busy_until: Option<Instant>,
}

/// A built stream and the mixer feeding it.
struct Live {
    stream: cpal::Stream,
    mixer: Mixer,
    running: bool,
}

impl std::fmt::Debug for RodioOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RodioOutput")
            .field("config", &self.config)
            .field("format", &self.format)
            .finish_non_exhaustive()
    }
}

impl Drop for RodioOutput {
    /// Closing the device runs the same C code as opening it: keep it quiet.
    fn drop(&mut self) {
        let _quiet = silence_stderr();
        self.stream = None;
    }
}

/// Stream errors (an underrun, a lost device) are not worth a word on the
/// screen: the session goes on, at worst without a sound.
fn ignore_stream_error(_err: CpalError) {}

impl RodioOutput {
    /// Opens the default output device and checks that a stream can run on
    /// it, leaving it paused. Slow (10 ms to a few hundred) and chatty on
    /// stderr in C code, so call it off the UI thread; fd 2 is silenced
    /// meanwhile. Any failure means "no audio device".
    pub fn open() -> Result<RodioOutput, String> {
        let _quiet = silence_stderr();
        let device = cpal::default_host()
            .default_output_device()
            .ok_or("no default output device")?;
        let supported = device.default_output_config().map_err(|e| e.to_string())?;
        let mut config = supported.config();
        let wanted = (config.sample_rate as f64 * PERIOD.as_secs_f64()).round() as u32;
        config.buffer_size = match supported.buffer_size() {
            cpal::SupportedBufferSize::Range { min, max } => {
                BufferSize::Fixed(wanted.clamp(*min, (*max).max(*min)))
            }
            cpal::SupportedBufferSize::Unknown => BufferSize::Default,
        };
        let mut output = RodioOutput {
            device,
            config,
            format: supported.sample_format(),
            stream: None,
            busy_until: None,
        };
        if output.build().is_err() {
            // Some devices refuse a small fixed period: take their default.
            output.config.buffer_size = BufferSize::Default;
            output.build()?;
        }
        output.rest();
        Ok(output)
    }

    /// What was opened, for reports.
    pub fn describe(&self) -> String {
        format!(
            "{} Hz, {} channels, {:?}, period {:?}",
            self.config.sample_rate, self.config.channels, self.format, self.config.buffer_size
        )
    }

    /// Builds a running stream with a fresh mixer.
    fn build(&mut self) -> Result<(), String> {
        let channels = NonZero::new(self.config.channels).ok_or("device has no channels")?;
        let rate = NonZero::new(self.config.sample_rate).ok_or("device has no sample rate")?;
        let (mixer, source) = rodio::mixer::mixer(channels, rate);
        let stream = match self.format {
            SampleFormat::F32 => self.stream_of::<f32>(source),
            SampleFormat::I16 => self.stream_of::<i16>(source),
            SampleFormat::I32 => self.stream_of::<i32>(source),
            SampleFormat::U16 => self.stream_of::<u16>(source),
            SampleFormat::F64 => self.stream_of::<f64>(source),
            other => Err(format!("unsupported sample format {other}")),
        }?;
        stream.play().map_err(|e| e.to_string())?;
        self.stream = Some(Live {
            stream,
            mixer,
            running: true,
        });
        Ok(())
    }

    fn stream_of<T>(&self, mut source: MixerSource) -> Result<cpal::Stream, String>
    where
        T: SizedSample + FromSample<f32> + Send + 'static,
    {
        self.device
            .build_output_stream::<T, _, _>(
                self.config,
                move |data: &mut [T], _| {
                    for slot in data.iter_mut() {
                        *slot = source.next().map_or(T::EQUILIBRIUM, T::from_sample);
                    }
                },
                ignore_stream_error,
                None,
            )
            .map_err(|e| e.to_string())
    }

    /// Stops streaming until the next sound: pause, or close where the
    /// device cannot pause.
    fn rest(&mut self) {
        self.busy_until = None;
        let Some(live) = self.stream.as_mut() else {
            return;
        };
        if !live.running {
            return;
        }
        if live.stream.pause().is_ok() {
            live.running = false;
        } else {
            let _quiet = silence_stderr();
            self.stream = None;
        }
    }

    /// A running stream's mixer, resuming or rebuilding the stream first.
    fn wake(&mut self) -> Option<&Mixer> {
        match self.stream.as_mut() {
            Some(live) if !live.running => {
                if live.stream.play().is_ok() {
                    live.running = true;
                } else {
                    self.stream = None;
                }
            }
            Some(_) => {}
            None => {}
        }
        if self.stream.is_none() {
            let _quiet = silence_stderr();
            self.build().ok()?;
        }
        self.stream.as_ref().map(|live| &live.mixer)
    }
}

impl Output for RodioOutput {
    fn play(&mut self, sound: &Sound, volume: f32) {
        let Some(mixer) = self.wake() else { return };
        mixer.add(sound.source().amplify(volume));
        let done = Instant::now() + Duration::from_secs_f64(sound.seconds()) + PLAY_OUT;
        self.busy_until = Some(self.busy_until.map_or(done, |t| t.max(done)));
    }

    fn busy_until(&self) -> Option<Instant> {
        self.busy_until
    }

    fn idle(&mut self) {
        self.rest();
    }
}
