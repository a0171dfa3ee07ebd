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
    // Generous: this guards against waiting for the device (which could take
    // seconds), not a latency figure; `cargo bench --bench audio` measures that.
    let limit = 500;
    assert!(
        returned < Duration::from_millis(limit),
        "Audio::open took {returned:?} on the calling thread"
    );
    // Cues sent before the device is ready must not block either.
    let before_play = Instant::now();
    audio.play(Cue::WorkStart);
    assert!(before_play.elapsed() < Duration::from_millis(100));
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

/// Set in the child process of [`no_device_in_an_environment_without_sound`].
const CHILD: &str = "LIMBER_AUDIO_TEST_CHILD";

/// The no-device path, even where a sound server runs for the other tests:
/// this test runs itself again in a child process whose environment leads
/// to no server (no XDG_RUNTIME_DIR, no ALSA_CONFIG_PATH, an empty HOME).
#[test]
fn no_device_in_an_environment_without_sound() {
    if std::env::var_os(CHILD).is_some() {
        return no_device_child();
    }
    let home = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("test binary");
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "no_device_in_an_environment_without_sound",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .env("HOME", home.path())
        .env_remove("XDG_RUNTIME_DIR")
        .env_remove("ALSA_CONFIG_PATH")
        .env_remove("PULSE_SERVER")
        .output()
        .expect("run the child test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "child failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "child ran no test:\n{stdout}");
    assert!(!stderr.contains("ALSA"), "ALSA spoke on stderr:\n{stderr}");
    let report = stdout
        .lines()
        .find_map(|l| l.find("child:").map(|at| &l[at..]))
        .unwrap_or_else(|| panic!("the child said nothing:\n{stdout}"));
    assert!(
        report.starts_with("child: no device") || report.starts_with("child: skipped"),
        "{report}"
    );
    println!("{report}");
}

fn no_device_child() {
    let started = Instant::now();
    let mut audio = Audio::open(SoundSettings::default(), None);
    let returned = started.elapsed();
    assert!(audio.flush(Duration::from_secs(10)), "device open hung");
    if device_exists() {
        println!("child: skipped, this machine has a sound card");
        return;
    }
    assert_eq!(audio.status(), STATUS_NO_DEVICE);
    audio.set_muted(true);
    assert_eq!(audio.status(), STATUS_NO_DEVICE);
    println!(
        "child: no device; open returned in {returned:?}, known after {:?}",
        started.elapsed()
    );
}
