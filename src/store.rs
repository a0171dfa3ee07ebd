//! The routines a user can pick: the built-in ones embedded in the binary and
//! the user's own files, which shadow built-ins of the same id.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use crate::diag::LoadError;
use crate::diag::{Diagnostic, Problem};
use crate::paths::Paths;
use crate::routine::{self, Routine};

/// `(id, TOML text)` of every file in `routines/`, embedded at build time.
pub const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// Where a routine comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Builtin,
    User,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Builtin => "builtin",
            Source::User => "user",
        }
    }
}

/// One routine in the catalog, valid or not.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file stem: `sciatica-relief.toml` -> `sciatica-relief`.
    pub id: String,
    pub source: Source,
    /// The user's file; for a built-in, its name inside the project (`routines/ID.toml`).
    pub path: PathBuf,
    /// The routine, or the first problem that makes it invalid.
    pub routine: Result<Routine, Problem>,
    /// A user routine that replaces the built-in of the same id.
    pub shadows_builtin: bool,
}

impl Entry {
    /// The routine's name, or its id when the file is invalid.
    pub fn name(&self) -> &str {
        match &self.routine {
            Ok(r) => &r.name,
            Err(_) => &self.id,
        }
    }

    pub fn is_valid(&self) -> bool {
        self.routine.is_ok()
    }
}

/// Every routine the user can pick, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    /// Problems with the routines directory itself (it exists but cannot be read).
    pub warnings: Vec<String>,
}

impl Catalog {
    /// Built-ins plus the files in the user's routines directory.
    pub fn load(paths: &Paths) -> Catalog {
        Catalog::from_dir(BUILTIN, &paths.routines_dir())
    }

    /// Built-ins given as `(id, text)` plus the `*.toml` files of `dir`.
    pub fn from_dir(builtin: &[(&str, &str)], dir: &Path) -> Catalog {
        let mut catalog = Catalog::default();
        let mut user = Vec::new();
        match user_files(dir) {
            Ok(files) => user = files,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => catalog
                .warnings
                .push(format!("cannot read {}: {e}", dir.display())),
        }
        let user_entries: Vec<Entry> = user.into_iter().map(|p| user_entry(&p)).collect();
        for (id, text) in builtin {
            if user_entries.iter().all(|u| u.id != *id) {
                catalog.entries.push(builtin_entry(id, text));
            }
        }
        for mut entry in user_entries {
            entry.shadows_builtin = builtin.iter().any(|(id, _)| *id == entry.id);
            catalog.entries.push(entry);
        }
        catalog.entries.sort_by(|a, b| a.id.cmp(&b.id));
        catalog
    }

    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

/// The built-in routine's text, for copying it to the user's directory.
pub fn builtin_text(id: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(b, _)| *b == id).map(|(_, t)| *t)
}

/// `*.toml` files in `dir`, sorted; hidden and backup files are ignored.
fn user_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let visible = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| !n.starts_with('.'));
        if visible && path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn builtin_entry(id: &str, text: &str) -> Entry {
    Entry {
        id: id.to_string(),
        source: Source::Builtin,
        path: PathBuf::from(format!("routines/{id}.toml")),
        routine: routine::parse(text).map_err(|d| d[0].locate(text)),
        shadows_builtin: false,
    }
}

fn user_entry(path: &Path) -> Entry {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let routine = match load_file(path) {
        Ok(r) => Ok(r),
        Err(LoadError::Invalid {
            text, diagnostics, ..
        }) => Err(diagnostics[0].locate(&text)),
        Err(e) => Err(Problem {
            line: 0,
            column: 0,
            message: e.to_string(),
        }),
    };
    Entry {
        id,
        source: Source::User,
        path: path.to_path_buf(),
        routine,
        shadows_builtin: false,
    }
}

/// Reads and validates one routine file.
pub fn load_file(path: &Path) -> Result<Routine, LoadError> {
    read_and_parse(path, routine::parse_bytes)
}

/// Reads a file and parses its bytes, keeping the text for error reports.
pub fn read_and_parse<T>(
    path: &Path,
    parse: impl FnOnce(&[u8]) -> Result<T, Vec<Diagnostic>>,
) -> Result<T, LoadError> {
    let bytes = fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&bytes).map_err(|diagnostics| LoadError::Invalid {
        path: path.to_path_buf(),
        text: String::from_utf8_lossy(&bytes).into_owned(),
        diagnostics,
    })
}
