//! The real output: rodio's mixer on the default device.

use std::mem::ManuallyDrop;

use rodio::{CpalError, DeviceSinkBuilder, MixerDeviceSink, Source};

use super::backend::Output;
use super::quiet::silence_stderr;
use super::sounds::Sound;

/// The default output device, opened once; sounds are added to its mixer,
/// so cues that fall on the same moment play together.
pub struct RodioOutput {
    sink: ManuallyDrop<MixerDeviceSink>,
}

impl Drop for RodioOutput {
    /// Closing the device runs the same C code as opening it: keep it quiet.
    fn drop(&mut self) {
        let _quiet = silence_stderr();
        // SAFETY: the sink is dropped exactly once, here, and never used again.
        unsafe { ManuallyDrop::drop(&mut self.sink) };
    }
}

impl std::fmt::Debug for RodioOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RodioOutput")
            .field("config", self.sink.config())
            .finish()
    }
}

/// Stream errors (an underrun, a lost device) are not worth a word on the
/// screen: the session goes on, at worst without a sound.
fn ignore_stream_error(_err: CpalError) {}

impl RodioOutput {
    /// Opens the default output device. Slow (10 ms to a few hundred) and
    /// chatty on stderr in C code, so call it off the UI thread; fd 2 is
    /// silenced meanwhile. Any failure means "no audio device".
    pub fn open() -> Result<RodioOutput, String> {
        let _quiet = silence_stderr();
        let builder = DeviceSinkBuilder::from_default_device()
            .map_err(|e| e.to_string())?
            .with_error_callback(ignore_stream_error as fn(CpalError));
        let mut sink = builder.open_sink_or_fallback().map_err(|e| e.to_string())?;
        sink.log_on_drop(false);
        Ok(RodioOutput {
            sink: ManuallyDrop::new(sink),
        })
    }

    /// The device's sample rate and channel count, for reports.
    pub fn describe(&self) -> String {
        let config = self.sink.config();
        format!(
            "{} Hz, {} channels, buffer {:?}",
            config.sample_rate(),
            config.channel_count(),
            config.buffer_size()
        )
    }
}

impl Output for RodioOutput {
    fn play(&mut self, sound: &Sound, volume: f32) {
        self.sink.mixer().add(sound.source().amplify(volume));
    }
}
