//! Where limber keeps the user's files, following the XDG base directories.

use std::env;
use std::path::PathBuf;

/// The user's configuration and data directories for limber.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// `$XDG_CONFIG_HOME/limber` (default `~/.config/limber`): routines, sounds, config.toml.
    pub config_dir: PathBuf,
    /// `$XDG_DATA_HOME/limber` (default `~/.local/share/limber`): state limber records.
    pub data_dir: PathBuf,
}

impl Paths {
    /// Reads the XDG variables (an empty or relative value is ignored, as the
    /// spec asks), falling back to the home directory, then the current one.
    pub fn from_env() -> Paths {
        let home = env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
        let base = |var: &str, fallback: &str| {
            env::var_os(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .unwrap_or_else(|| home.join(fallback))
        };
        Paths {
            config_dir: base("XDG_CONFIG_HOME", ".config").join("limber"),
            data_dir: base("XDG_DATA_HOME", ".local/share").join("limber"),
        }
    }

    /// The user's routine files: `<config>/routines/*.toml`.
    pub fn routines_dir(&self) -> PathBuf {
        self.config_dir.join("routines")
    }

    /// Replacement cue sounds: `<config>/sounds/<cue>.wav`.
    pub fn sounds_dir(&self) -> PathBuf {
        self.config_dir.join("sounds")
    }

    /// `<config>/config.toml`.
    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }
}
