//! Nothing from the sound stack reaches stderr: ALSA and cpal write there
//! from C while a device opens (about eight lines where there is no sound
//! card), which would land in the middle of the full-screen UI.
//!
//! One test in its own binary: it points the process's fd 2 at a file, so
//! no other test may run beside it.

use std::io::{Read, Seek};
use std::os::fd::AsRawFd;
use std::time::Duration;

use limber::audio::{Audio, SoundSettings, quiet};
use limber::engine::Cue;

#[test]
fn opening_playing_and_closing_print_nothing_to_stderr() {
    let mut captured = tempfile::tempfile().expect("temp file");
    // SAFETY: descriptor calls only; fd 2 is restored before the asserts.
    let saved = unsafe { libc::dup(2) };
    assert!(saved >= 0);
    assert!(unsafe { libc::dup2(captured.as_raw_fd(), 2) } >= 0);

    // Prove the capture works: a write to fd 2 lands in the file.
    let probe = b"probe\n";
    let wrote = unsafe { libc::write(2, probe.as_ptr().cast(), probe.len()) };

    let mut audio = Audio::open(SoundSettings::default(), None);
    audio.play(Cue::GetReadyTick { left: 1 });
    let settled = audio.flush(Duration::from_secs(10));
    let status = audio.status();
    drop(audio);
    // A second open and close, as a restarted session would do.
    drop(Audio::open(SoundSettings::default(), None));

    let restored = unsafe { libc::dup2(saved, 2) };
    unsafe { libc::close(saved) };
    assert!(restored >= 0);
    assert_eq!(wrote, probe.len() as isize);
    assert!(settled, "device open hung");

    let mut text = String::new();
    captured.rewind().expect("rewind");
    captured.read_to_string(&mut text).expect("read capture");
    assert_eq!(text, "probe\n", "stderr got output (status: {status})");
    println!("status: {status}; stderr stayed clean");

    guards_nest_whatever_order_they_end_in();
}

/// Two silences that overlap (the UI's and the device open's) restore the
/// real stderr only when the last one ends, whichever ends first.
fn guards_nest_whatever_order_they_end_in() {
    let mut captured = tempfile::tempfile().expect("temp file");
    let saved = unsafe { libc::dup(2) };
    assert!(unsafe { libc::dup2(captured.as_raw_fd(), 2) } >= 0);
    let say = |text: &str| unsafe { libc::write(2, text.as_ptr().cast(), text.len()) };

    say("a\n");
    let ui = quiet::silence_stderr();
    say("hidden 1\n");
    let open = quiet::silence_stderr();
    drop(ui);
    say("hidden 2\n");
    drop(open);
    say("b\n");
    let first = quiet::silence_stderr();
    let second = quiet::silence_stderr();
    drop(second);
    say("hidden 3\n");
    drop(first);
    say("c\n");
    // Someone not using the guards points fd 2 elsewhere while a guard is
    // alive (the terminal restore in a panic hook): the guard leaves it be.
    let mut other = tempfile::tempfile().expect("temp file");
    let guard = quiet::silence_stderr();
    assert!(unsafe { libc::dup2(other.as_raw_fd(), 2) } >= 0);
    drop(guard);
    say("d\n");
    assert!(unsafe { libc::dup2(captured.as_raw_fd(), 2) } >= 0);
    say("e\n");

    unsafe {
        libc::dup2(saved, 2);
        libc::close(saved);
    }
    let mut text = String::new();
    captured.rewind().expect("rewind");
    captured.read_to_string(&mut text).expect("read capture");
    assert_eq!(text, "a\nb\nc\ne\n");
    let mut elsewhere = String::new();
    other.rewind().expect("rewind");
    other.read_to_string(&mut elsewhere).expect("read other");
    assert_eq!(elsewhere, "d\n");
}
