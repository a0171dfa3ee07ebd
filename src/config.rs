//! `config.toml`: the user's settings. Read with the same field tables as
//! routine files, so its errors look and point the same way.

use std::io;
use std::path::Path;

use crate::audio::SoundSettings;
use crate::diag::{Diagnostic, LoadError};
use crate::routine::read::read_table;
use crate::routine::spec::{Field, Kind, field};
use crate::store::read_and_parse;

/// Top level of `config.toml`.
pub const CONFIG: &[Field] = &[field("sound", Kind::Table(SOUND), "Audio cues.")];

/// `[sound]`.
pub const SOUND: &[Field] = &[
    field("enabled", Kind::Switch, "Play cues at all (default true)."),
    field(
        "volume",
        Kind::Count { min: 0, max: 100 },
        "Loudness of the cues, 0 to 100 (default 80).",
    ),
    field(
        "halfway",
        Kind::Switch,
        "Chime halfway through holds of 20 s or more (default true).",
    ),
    field(
        "tick_seconds",
        Kind::Count { min: 0, max: 5 },
        "How many of the last seconds of a countdown tick, 0 to 5 (default 3).",
    ),
];

/// The user's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Config {
    pub sound: SoundSettings,
}

/// Parses `config.toml`; every problem is reported, in file order.
pub fn parse(src: &str) -> Result<Config, Vec<Diagnostic>> {
    let (doc, syntax) = toml::de::DeTable::parse_recoverable(src);
    if !syntax.is_empty() {
        return Err(syntax.iter().map(crate::diag::from_toml).collect());
    }
    let mut diags = Vec::new();
    let root = read_table(doc.get_ref(), 0..0, CONFIG, &mut diags);
    let mut config = Config::default();
    if let Some(sound) = root.table("sound") {
        let s = &mut config.sound;
        s.enabled = sound.switch("enabled").unwrap_or(s.enabled);
        s.halfway = sound.switch("halfway").unwrap_or(s.halfway);
        let small = |n: u32| u8::try_from(n).unwrap_or(u8::MAX);
        s.volume = sound.count("volume").map_or(s.volume, small);
        s.tick_seconds = sound.count("tick_seconds").map_or(s.tick_seconds, small);
    }
    if diags.is_empty() {
        Ok(config)
    } else {
        diags.sort_by_key(|d| d.span.start);
        Err(diags)
    }
}

/// Like [`parse`], for raw file contents that may not be UTF-8.
pub fn parse_bytes(bytes: &[u8]) -> Result<Config, Vec<Diagnostic>> {
    crate::diag::utf8(bytes).and_then(parse)
}

/// Loads the config file; a missing file means the defaults.
pub fn load(path: &Path) -> Result<Config, LoadError> {
    match read_and_parse(path, parse_bytes) {
        Err(LoadError::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            Ok(Config::default())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_keep_defaults() {
        assert_eq!(parse(""), Ok(Config::default()));
        let c = parse("[sound]\nvolume = 40\nhalfway = \"off\"\n").expect("valid");
        assert_eq!(c.sound.volume, 40);
        assert!(!c.sound.halfway);
        assert!(c.sound.enabled);
        assert_eq!(c.sound.tick_seconds, 3);
    }

    #[test]
    fn bad_values_are_located() {
        let cases = [
            (
                "[sound]\nvolume = 101\n",
                "2:10: 'volume' must be between 0 and 100 (got 101)",
            ),
            (
                "[sound]\nvolum = 50\n",
                "2:1: unknown key 'volum' — did you mean 'volume'?",
            ),
            (
                "[sound]\ntick_seconds = 6\n",
                "2:16: 'tick_seconds' must be between 0 and 5 (got 6)",
            ),
            (
                "[sound]\nenabled = \"yes\"\n",
                "2:11: 'enabled' must be true or false, not a string",
            ),
            (
                "[sounds]\n",
                "1:2: unknown key 'sounds' — did you mean 'sound'?",
            ),
            (
                "sound = 1\n",
                "1:9: 'sound' must be a table, not an integer",
            ),
        ];
        for (src, expected) in cases {
            let diags = parse(src).expect_err(src);
            assert_eq!(diags[0].locate(src).to_string(), expected, "{src}");
        }
    }

    #[test]
    fn a_missing_file_means_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            load(&dir.path().join("config.toml")).ok(),
            Some(Config::default())
        );
    }
}
