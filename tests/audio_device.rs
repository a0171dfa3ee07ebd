//! Opening the real output device: quick, off the main thread, and quiet
//! when there is none.

use std::time::{Duration, Instant};

use limber::audio::{Audio, RodioOutput, STATUS_MUTED, STATUS_NO_DEVICE, STATUS_ON, SoundSettings};
use limber::engine::Cue;

/// Whether this machine can open an output (a sound card or a sound
/// server such as the one `.ci/sound-server.sh` starts).
fn device_exists() -> bool {
    RodioOutput::open().is_ok()
}

#[test]
fn open_returns_at_once_and_reports_the_device_state() {
    let started = Instant::now();
    let mut audio = Audio::open(SoundSettings::default(), None);
    let returned = started.elapsed();
    // The device is opened on the audio thread; only the decoding of the
    // embedded sounds happens here.
    let limit = if cfg!(debug_assertions) { 150 } else { 50 };
    assert!(
        returned < Duration::from_millis(limit),
        "Audio::open took {returned:?} on the calling thread"
    );
    // Cues sent before the device is ready must not block either.
    let before_play = Instant::now();
    audio.play(Cue::WorkStart);
    assert!(before_play.elapsed() < Duration::from_millis(5));
    assert!(audio.flush(Duration::from_secs(10)), "device open hung");
    println!(
        "open returned in {returned:?}, device settled after {:?}",
        started.elapsed()
    );
    if device_exists() {
        eprintln!(
            "an audio device exists here: checking the 'sound on' path instead of 'no device'"
        );
        assert_eq!(audio.status(), STATUS_ON);
        audio.set_muted(true);
        assert_eq!(audio.status(), STATUS_MUTED);
    } else {
        assert_eq!(audio.status(), STATUS_NO_DEVICE);
        // Muting does not hide the more useful message.
        audio.set_muted(true);
        assert_eq!(audio.status(), STATUS_NO_DEVICE);
        audio.play(Cue::Finished);
        assert!(audio.flush(Duration::from_secs(1)));
    }
}
