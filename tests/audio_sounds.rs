//! The built-in cue sounds: each decodes with rodio, is short, does not clip,
//! fades in and out, and is exactly what the generator makes.

use std::io::Cursor;

use limber::audio::{SoundBank, builtin_bytes};
use limber::engine::Cue;
use rodio::{Decoder, Source};

#[path = "../examples/gen_sounds.rs"]
#[allow(dead_code)]
mod gen_sounds;

fn decode(name: &str) -> (u16, u32, Vec<f32>) {
    let bytes = builtin_bytes(name);
    assert!(!bytes.is_empty(), "no embedded sound for {name}");
    let decoder = Decoder::new(Cursor::new(bytes))
        .unwrap_or_else(|e| panic!("{name}.wav does not decode: {e}"));
    let channels = decoder.channels().get();
    let rate = decoder.sample_rate().get();
    (channels, rate, decoder.collect())
}

#[test]
fn every_cue_has_an_embedded_sound_that_decodes_short_and_unclipped() {
    for cue in Cue::KINDS {
        let name = cue.name();
        let (channels, rate, samples) = decode(name);
        assert_eq!(channels, 1, "{name}: mono");
        assert!(rate == 22_050 || rate == 24_000, "{name}: rate {rate}");
        let seconds = samples.len() as f64 / f64::from(rate);
        assert!(seconds > 0.05, "{name}: too short to hear ({seconds:.3} s)");
        let limit = if name == "finished" { 0.95 } else { 0.6 };
        assert!(seconds < limit, "{name}: {seconds:.3} s, limit {limit} s");
        let peak = samples.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
        assert!(peak <= 0.81, "{name}: peak {peak} above 0.8 full scale");
        assert!(peak >= 0.3, "{name}: peak {peak}, too quiet");
        // Soft attack and release: the ends sit at (near) zero, so starting
        // or stopping the sound does not click.
        for (end, sample) in [("first", samples[0]), ("last", samples[samples.len() - 1])] {
            assert!(sample.abs() < 0.01, "{name}: {end} sample {sample}");
        }
        let first_ms = &samples[..(rate / 1000) as usize];
        assert!(
            first_ms.iter().all(|s| s.abs() < peak * 0.5),
            "{name}: attack faster than 1 ms"
        );
    }
}

#[test]
fn sounds_are_distinct() {
    let decoded: Vec<_> = Cue::KINDS.iter().map(|c| decode(c.name()).2).collect();
    for (i, a) in decoded.iter().enumerate() {
        for b in &decoded[i + 1..] {
            assert_ne!(a, b, "two cues share one sound");
        }
    }
}

#[test]
fn committed_assets_equal_the_generator_output() {
    let generated = gen_sounds::files();
    assert_eq!(generated.len(), Cue::KINDS.len());
    for (file, bytes) in generated {
        let name = file.trim_end_matches(".wav");
        assert!(
            Cue::KINDS.iter().any(|c| c.name() == name),
            "generator makes {file}, which is no cue"
        );
        assert!(
            builtin_bytes(name) == bytes.as_slice(),
            "assets/sounds/{file} differs from the generator output: \
             run `cargo run --example gen_sounds` and commit the result"
        );
    }
}

#[test]
fn the_bank_holds_every_builtin_decoded() {
    let (bank, warnings) = SoundBank::load(None);
    assert!(warnings.is_empty(), "{warnings:?}");
    for cue in Cue::KINDS {
        let sound = bank.get(cue);
        assert_eq!(sound.name(), cue.name());
        assert_eq!(sound.samples(), decode(cue.name()).2.as_slice());
    }
    // Any `left` maps to its kind's sound.
    assert_eq!(bank.get(Cue::GetReadyTick { left: 3 }).name(), "get-ready");
    assert_eq!(
        bank.get(Cue::LastSecondsTick { left: 5 }).name(),
        "last-seconds"
    );
}
