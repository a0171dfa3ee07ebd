//! What the app hears: cues go through `Audio` to a recording backend, which
//! logs every sound handed to it, in order, with its volume.

use std::time::Duration;

use limber::audio::{
    Audio, Recording, STATUS_CONFIG_OFF, STATUS_MUTED, STATUS_ON, SoundSettings, builtin_bytes,
};
use limber::engine::{Cue, TempoStep};

const WAIT: Duration = Duration::from_secs(5);

fn recorded(settings: SoundSettings, dir: Option<&std::path::Path>) -> (Audio, Recording) {
    let recording = Recording::new();
    let audio = Audio::with_output(settings, Box::new(recording.clone()), dir);
    (audio, recording)
}

fn play_all(audio: &mut Audio, cues: &[Cue]) {
    for &cue in cues {
        audio.play(cue);
    }
    assert!(audio.flush(WAIT), "audio thread did not drain");
}

/// The cues of a short scripted session: prepare, a guided rep, a hold
/// with halfway and last seconds, a side switch, a rest, the end.
fn session() -> Vec<Cue> {
    vec![
        Cue::GetReadyTick { left: 3 },
        Cue::GetReadyTick { left: 2 },
        Cue::GetReadyTick { left: 1 },
        Cue::WorkStart,
        Cue::LastRep,
        Cue::Tempo(TempoStep::Up),
        Cue::Tempo(TempoStep::Hold),
        Cue::Tempo(TempoStep::Down),
        Cue::WorkEnd,
        Cue::SwitchSides,
        Cue::GetReadyTick { left: 1 },
        Cue::WorkStart,
        Cue::Halfway,
        Cue::LastSecondsTick { left: 3 },
        Cue::LastSecondsTick { left: 2 },
        Cue::LastSecondsTick { left: 1 },
        Cue::WorkEnd,
        Cue::RestStart,
        Cue::Finished,
    ]
}

#[test]
fn a_scripted_session_plays_its_sounds_in_order() {
    let (mut audio, recording) = recorded(SoundSettings::default(), None);
    play_all(&mut audio, &session());
    let expected = [
        "get-ready",
        "get-ready",
        "get-ready",
        "work-start",
        "last-rep",
        "tempo-up",
        "tempo-hold",
        "tempo-down",
        "work-end",
        "switch-sides",
        "get-ready",
        "work-start",
        "halfway",
        "last-seconds",
        "last-seconds",
        "last-seconds",
        "work-end",
        "rest",
        "finished",
    ];
    assert_eq!(recording.names(), expected);
    assert!(recording.played().iter().all(|p| p.volume == 0.8));
    assert_eq!(audio.status(), STATUS_ON);
    assert!(audio.take_warnings().is_empty());
}

#[test]
fn cues_at_the_same_moment_are_all_handed_over() {
    let (mut audio, recording) = recorded(SoundSettings::default(), None);
    play_all(&mut audio, &[Cue::WorkEnd, Cue::Finished]);
    assert_eq!(recording.names(), ["work-end", "finished"]);
}

#[test]
fn mute_silences_until_unmuted() {
    let (mut audio, recording) = recorded(SoundSettings::default(), None);
    play_all(&mut audio, &[Cue::WorkStart]);
    audio.set_muted(true);
    assert!(audio.is_muted());
    assert_eq!(audio.status(), STATUS_MUTED);
    play_all(&mut audio, &[Cue::Halfway, Cue::WorkEnd]);
    audio.set_muted(false);
    assert_eq!(audio.status(), STATUS_ON);
    play_all(&mut audio, &[Cue::RestStart]);
    assert_eq!(recording.names(), ["work-start", "rest"]);
}

#[test]
fn volume_scales_every_sound() {
    for (volume, gain) in [(100, 1.0), (50, 0.5), (5, 0.05)] {
        let settings = SoundSettings {
            volume,
            ..SoundSettings::default()
        };
        let (mut audio, recording) = recorded(settings, None);
        play_all(&mut audio, &[Cue::WorkStart, Cue::Finished]);
        let volumes: Vec<f32> = recording.played().iter().map(|p| p.volume).collect();
        assert_eq!(volumes, [gain, gain], "volume {volume}");
    }
}

#[test]
fn volume_zero_plays_nothing() {
    let settings = SoundSettings {
        volume: 0,
        ..SoundSettings::default()
    };
    let (mut audio, recording) = recorded(settings, None);
    play_all(&mut audio, &session());
    assert!(recording.played().is_empty());
}

#[test]
fn halfway_off_drops_only_the_halfway_cue() {
    let settings = SoundSettings {
        halfway: false,
        ..SoundSettings::default()
    };
    let (mut audio, recording) = recorded(settings, None);
    play_all(&mut audio, &[Cue::WorkStart, Cue::Halfway, Cue::WorkEnd]);
    assert_eq!(recording.names(), ["work-start", "work-end"]);
}

#[test]
fn tick_seconds_limits_which_ticks_sound() {
    let ticks = |left| [Cue::GetReadyTick { left }, Cue::LastSecondsTick { left }];
    let all: Vec<Cue> = (1..=5).rev().flat_map(ticks).collect();
    for tick_seconds in 0..=5u8 {
        let settings = SoundSettings {
            tick_seconds,
            ..SoundSettings::default()
        };
        let (mut audio, recording) = recorded(settings, None);
        play_all(&mut audio, &all);
        let expected: Vec<&str> = (1..=u32::from(tick_seconds))
            .flat_map(|_| ["get-ready", "last-seconds"])
            .collect();
        assert_eq!(recording.names(), expected, "tick_seconds {tick_seconds}");
    }
}

#[test]
fn sound_off_in_config_plays_nothing_and_says_so() {
    let settings = SoundSettings {
        enabled: false,
        ..SoundSettings::default()
    };
    let (mut audio, recording) = recorded(settings, None);
    play_all(&mut audio, &session());
    assert!(recording.played().is_empty());
    assert_eq!(audio.status(), STATUS_CONFIG_OFF);
    // Off in the config wins over mute in the footer.
    audio.set_muted(true);
    assert_eq!(audio.status(), STATUS_CONFIG_OFF);
    let opened = Audio::open(settings, None);
    assert_eq!(opened.status(), STATUS_CONFIG_OFF);
}

#[test]
fn silent_audio_accepts_everything() {
    let mut audio = Audio::silent(SoundSettings::default());
    play_all(&mut audio, &session());
    audio.set_muted(true);
    assert!(audio.is_muted());
}

#[test]
fn a_user_override_replaces_only_its_sound() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Any decodable WAV will do: reuse another cue's sound as the override,
    // so the replacement is told apart by its length.
    let finished = builtin_bytes("finished");
    std::fs::write(dir.path().join("work-start.wav"), finished).expect("write override");
    let (mut audio, recording) = recorded(SoundSettings::default(), Some(dir.path()));
    assert!(audio.take_warnings().is_empty());
    play_all(&mut audio, &[Cue::WorkStart, Cue::WorkEnd, Cue::Finished]);
    let played = recording.played();
    let names: Vec<&str> = played.iter().map(|p| p.name).collect();
    assert_eq!(names, ["work-start", "work-end", "finished"]);
    assert_eq!(played[0].samples, played[2].samples, "override not used");
    assert_ne!(played[0].samples, played[1].samples);
}

#[test]
fn a_broken_override_warns_and_keeps_the_builtin() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("halfway.wav"),
        b"this is not a sound at all",
    )
    .expect("write");
    // A directory with no sounds in it is fine: no warning for missing files.
    let (mut baseline, base_rec) = recorded(SoundSettings::default(), None);
    play_all(&mut baseline, &[Cue::Halfway]);

    let (mut audio, recording) = recorded(SoundSettings::default(), Some(dir.path()));
    let warnings = audio.take_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("halfway.wav"), "{}", warnings[0]);
    assert!(
        warnings[0].contains("built-in halfway sound"),
        "{}",
        warnings[0]
    );
    assert!(audio.take_warnings().is_empty(), "warnings are taken once");
    play_all(&mut audio, &[Cue::Halfway]);
    assert_eq!(recording.names(), ["halfway"]);
    assert_eq!(recording.played()[0].samples, base_rec.played()[0].samples);
}

/// No warning for sounds the user did not replace, nor for a missing dir.
#[test]
fn an_empty_sounds_dir_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut audio, _recording) = recorded(SoundSettings::default(), Some(dir.path()));
    assert!(audio.take_warnings().is_empty());
    let missing = dir.path().join("no-such-dir");
    let (mut audio, _recording) = recorded(SoundSettings::default(), Some(&missing));
    assert!(audio.take_warnings().is_empty());
}

/// A 16-bit PCM WAV of `seconds` of a quiet tone.
fn wav(channels: u16, rate: u32, seconds: u32) -> Vec<u8> {
    let frames = rate * seconds;
    let data_len = frames * u32::from(channels) * 2;
    let mut out = Vec::new();
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&channels.to_le_bytes());
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * u32::from(channels) * 2).to_le_bytes());
    out.extend_from_slice(&(channels * 2).to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for i in 0..frames * u32::from(channels) {
        let v = ((i as f32 * 0.05).sin() * 3000.0) as i16;
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

#[test]
fn a_long_stereo_override_is_used_but_cut_to_three_seconds() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("rest.wav"), wav(2, 44_100, 5)).expect("write");
    let (mut audio, recording) = recorded(SoundSettings::default(), Some(dir.path()));
    assert!(audio.take_warnings().is_empty());
    play_all(&mut audio, &[Cue::RestStart]);
    assert_eq!(recording.played()[0].samples, 2 * 44_100 * 3);
}

#[test]
fn an_unreadable_override_warns() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("finished.wav")).expect("mkdir");
    let empty = wav(1, 22_050, 0);
    std::fs::write(dir.path().join("last-rep.wav"), empty).expect("write");
    let (mut audio, recording) = recorded(SoundSettings::default(), Some(dir.path()));
    let warnings = audio.take_warnings();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("cannot use finished.wav (it is not a file)"))
    );
    assert!(warnings.iter().any(|w| w.contains("last-rep.wav")));
    play_all(&mut audio, &[Cue::Finished, Cue::LastRep]);
    assert_eq!(recording.names(), ["finished", "last-rep"]);
}
