//! Creating, copying, deleting and editing the user's routine files, safely:
//! every write is atomic, nothing the user wrote is overwritten or lost.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use thiserror::Error;

use crate::paths::Paths;
use crate::schema;
use crate::store::{self, Catalog, Source};

/// File name of the schema written beside the user's routines directory.
pub const SCHEMA_FILE: &str = "routine.schema.json";

#[derive(Debug, Error)]
pub enum EditError {
    #[error("'{name}' cannot be a routine id: {why}")]
    InvalidId { name: String, why: &'static str },
    #[error("{} already exists; pick another name or edit it with `limber edit {id}`", path.display())]
    Exists { id: String, path: PathBuf },
    #[error("no routine with id '{0}' (see `limber list`)")]
    Unknown(String),
    #[error("'{0}' is built in and cannot be deleted")]
    Builtin(String),
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("cannot start the editor `{command}`: {source} (set $VISUAL or $EDITOR)")]
    EditorStart { command: String, source: io::Error },
    #[error("the editor `{command}` failed ({status}); the file is left as it was written")]
    EditorFailed { command: String, status: String },
    #[error("the editor `{0}` was not found; set $VISUAL or $EDITOR to one you have")]
    EditorNotFound(String),
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> EditError + '_ {
    move |source| EditError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Checks that `id` can name a routine file: letters, digits, `-` and `_`.
pub fn validate_id(id: &str) -> Result<(), EditError> {
    let why = if id.is_empty() {
        Some("it is empty")
    } else if id.chars().count() > 64 {
        Some("it is longer than 64 characters")
    } else if id.starts_with(['-', '_']) {
        Some("it must start with a letter or digit")
    } else if !id
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        Some("use only letters, digits, '-' and '_' (no spaces, dots or slashes)")
    } else {
        None
    };
    match why {
        Some(why) => Err(EditError::InvalidId {
            name: id.to_string(),
            why,
        }),
        None => Ok(()),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so a crash leaves either the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), EditError> {
    let file = temp_with(path, bytes)?;
    file.persist(path)
        .map(drop)
        .map_err(|e| io_err(path)(e.error))
}

/// Like [`write_atomic`], but fails with [`EditError::Exists`] rather than
/// replace an existing file.
pub fn create_atomic(path: &Path, id: &str, bytes: &[u8]) -> Result<(), EditError> {
    let file = temp_with(path, bytes)?;
    file.persist_noclobber(path).map(drop).map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            EditError::Exists {
                id: id.to_string(),
                path: path.to_path_buf(),
            }
        } else {
            io_err(path)(e.error)
        }
    })
}

fn temp_with(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, EditError> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let mut file = tempfile::Builder::new()
        .prefix(".limber-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_err(dir))?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(io_err(path))?;
    Ok(file)
}

/// Writes the JSON schema beside the routines directory (when it changed), so
/// the `#:schema` line of starter files resolves without a network.
pub fn write_schema(paths: &Paths) -> Result<PathBuf, EditError> {
    let path = paths.config_dir.join(SCHEMA_FILE);
    let text = schema::routine_text();
    if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        write_atomic(&path, text.as_bytes())?;
    }
    Ok(path)
}

/// `limber new ID`: a commented starter routine in the user's directory.
pub fn new_routine(paths: &Paths, id: &str) -> Result<PathBuf, EditError> {
    validate_id(id)?;
    let path = paths.routines_dir().join(format!("{id}.toml"));
    write_schema(paths)?;
    create_atomic(&path, id, starter(&title(id)).as_bytes())?;
    Ok(path)
}

/// The user's file for `id`, copying a built-in there first. Returns the
/// path and whether a copy was made.
pub fn user_file(paths: &Paths, catalog: &Catalog, id: &str) -> Result<(PathBuf, bool), EditError> {
    let entry = catalog
        .find(id)
        .ok_or_else(|| EditError::Unknown(id.to_string()))?;
    if entry.source == Source::User {
        return Ok((entry.path.clone(), false));
    }
    let text = store::builtin_text(id).ok_or_else(|| EditError::Unknown(id.to_string()))?;
    let path = paths.routines_dir().join(format!("{id}.toml"));
    create_atomic(&path, id, text.as_bytes())?;
    Ok((path, true))
}

/// Copies routine `id` (built-in or the user's) to a new user routine
/// `new_id`, named after the new id so the two can be told apart.
pub fn duplicate(
    paths: &Paths,
    catalog: &Catalog,
    id: &str,
    new_id: &str,
) -> Result<PathBuf, EditError> {
    validate_id(new_id)?;
    let entry = catalog
        .find(id)
        .ok_or_else(|| EditError::Unknown(id.to_string()))?;
    let text = match entry.source {
        Source::Builtin => store::builtin_text(id)
            .map(str::to_owned)
            .ok_or_else(|| EditError::Unknown(id.to_string()))?,
        Source::User => fs::read_to_string(&entry.path).map_err(io_err(&entry.path))?,
    };
    let path = paths.routines_dir().join(format!("{new_id}.toml"));
    create_atomic(&path, new_id, renamed(&text, &title(new_id)).as_bytes())?;
    Ok(path)
}

/// `text` with its top-level `name` value replaced; everything else (comments,
/// layout) is kept byte for byte. Text without a readable name is kept whole.
fn renamed(text: &str, name: &str) -> String {
    let Ok(doc) = toml::de::DeTable::parse(text) else {
        return text.to_string();
    };
    let span = doc
        .get_ref()
        .iter()
        .find(|(k, v)| k.get_ref() == "name" && v.get_ref().is_str())
        .map(|(_, v)| v.span());
    match span {
        Some(span) => {
            let quoted = toml::Value::String(name.to_string()).to_string();
            format!("{}{quoted}{}", &text[..span.start], &text[span.end..])
        }
        None => text.to_string(),
    }
}

/// Deletes the user's routine `id`, keeping a backup under the data
/// directory; returns the backup's path (for undo).
pub fn delete(paths: &Paths, catalog: &Catalog, id: &str) -> Result<PathBuf, EditError> {
    let entry = catalog
        .find(id)
        .ok_or_else(|| EditError::Unknown(id.to_string()))?;
    if entry.source == Source::Builtin {
        return Err(EditError::Builtin(id.to_string()));
    }
    let dir = paths.data_dir.join("deleted");
    fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    let bytes = fs::read(&entry.path).map_err(io_err(&entry.path))?;
    let stamp = timestamp(SystemTime::now());
    // Never replace an earlier backup (two deletes within one second).
    let mut backup = dir.join(format!("{id}.{stamp}.toml"));
    let mut n = 1;
    loop {
        match create_atomic(&backup, id, &bytes) {
            Ok(()) => break,
            Err(EditError::Exists { .. }) if n < 1000 => {
                n += 1;
                backup = dir.join(format!("{id}.{stamp}-{n}.toml"));
            }
            Err(e) => return Err(e),
        }
    }
    fs::remove_file(&entry.path).map_err(io_err(&entry.path))?;
    Ok(backup)
}

/// Puts a deleted routine back from its backup (never over an existing file).
pub fn undelete(paths: &Paths, id: &str, backup: &Path) -> Result<PathBuf, EditError> {
    let bytes = fs::read(backup).map_err(io_err(backup))?;
    let path = paths.routines_dir().join(format!("{id}.toml"));
    create_atomic(&path, id, &bytes)?;
    let _ = fs::remove_file(backup);
    Ok(path)
}

/// The user's editor: `$VISUAL`, else `$EDITOR`, else a common one.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| {
            if cfg!(windows) {
                "notepad".into()
            } else {
                ["nano", "vi"]
                    .into_iter()
                    .find(|e| on_path(e))
                    .unwrap_or("vi")
                    .into()
            }
        })
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

/// Runs the editor on `path` and waits for it. The command is run by the
/// shell, as git does, so `EDITOR="code --wait"` works.
pub fn run_editor(command: &str, path: &Path) -> Result<(), EditError> {
    let mut cmd = if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.arg("/C").arg(format!("{command} \"{}\"", path.display()));
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!("{command} \"$1\""))
            .arg("limber-editor")
            .arg(path);
        c
    };
    let status = cmd.status().map_err(|source| EditError::EditorStart {
        command: command.to_string(),
        source,
    })?;
    if status.success() {
        Ok(())
    } else if cfg!(unix) && status.code() == Some(127) {
        // The shell's "command not found".
        Err(EditError::EditorNotFound(command.to_string()))
    } else {
        Err(EditError::EditorFailed {
            command: command.to_string(),
            status: status.to_string(),
        })
    }
}

/// `sciatica-relief` -> `Sciatica relief`.
fn title(id: &str) -> String {
    let words = id.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => id.to_string(),
    }
}

/// `YYYY-MM-DDTHH-MM-SS` in UTC, safe in file names.
fn timestamp(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}-{:02}-{:02}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// The starter routine: valid as written, every feature shown.
pub fn starter(name: &str) -> String {
    STARTER.replace("{NAME}", &name.replace('"', "'"))
}

const STARTER: &str = r#"#:schema ../routine.schema.json
# A limber routine. Check it with `limber check FILE`; `limber schema` prints
# the JSON schema that the line above points your editor's TOML support at.
# Durations: "45s", "2m", "1m30s", "1h", "500ms", or whole seconds like 90.

name = "{NAME}"
description = "What this routine is for, in a sentence."

# Optional: values for every exercise that does not set its own.
[defaults]
prepare = "10s"   # get into position before each exercise and at a side switch ("0s" = none)
rest = "10s"      # rest between sets ("0s" = none)

# A static hold. sides: "none" (default), "left", "right",
# "both" (all sets left, then all right) or "alternate" (L, R, L, R, ...).
[[exercise]]
name = "Lying glute stretch"
instructions = """
Lie on your back, knees bent, feet flat.
Cross the ankle of the side shown over the other knee.
Draw the supporting thigh gently towards your chest.
"""
hold = "30s"
sets = 2
sides = "alternate"

# Guided reps: limber paces each rep through up, hold and down.
[[exercise]]
name = "Bridge"
instructions = """
Lie on your back, knees bent, feet hip-width apart.
Lift your hips until shoulders, hips and knees line up, then lower slowly.
"""
reps = 8
sets = 2
rest = "30s"      # overrides defaults.rest for this exercise
tempo = { up = "2s", hold = "3s", down = "2s" }

# Reps you count yourself: press Enter after each rep, or d when the set is done.
[[exercise]]
name = "Pelvic tilt"
reps = 10

# Keep going for a time: a walk, donkey kicks, an ice pack.
[[exercise]]
name = "Easy walk"
duration = "5m"
prepare = "0s"    # an exercise may set its own prepare (and rest)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_file_stems() {
        for ok in ["mine", "back-2", "my_routine", "étirements"] {
            assert!(validate_id(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a/b",
            "../x",
            ".hidden",
            "-x",
            "two words",
            "x.toml",
            &"a".repeat(65),
        ] {
            assert!(validate_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn starter_is_valid_and_uses_every_feature() {
        let text = starter("My \"best\" routine");
        let r = crate::routine::parse(&text).expect("the starter routine is valid");
        assert_eq!(r.name, "My 'best' routine");
        for key in [
            "[defaults]",
            "hold =",
            "reps =",
            "duration =",
            "tempo =",
            "sides =",
            "sets =",
            "rest =",
            "prepare =",
            "instructions =",
        ] {
            assert!(text.contains(key), "starter lacks {key}");
        }
        assert!(text.starts_with("#:schema ../routine.schema.json\n"));
    }

    #[test]
    fn a_copy_is_renamed_and_otherwise_identical() {
        let text =
            "# mine\nname = \"Old \\\"one\\\"\" # keep\n[[exercise]]\nname = \"E\"\nhold = 5\n";
        let copy = renamed(text, "New \"one\"");
        assert_eq!(
            copy,
            "# mine\nname = 'New \"one\"' # keep\n[[exercise]]\nname = \"E\"\nhold = 5\n"
        );
        assert_eq!(
            crate::routine::parse(&copy).expect("valid").name,
            "New \"one\""
        );
        assert_eq!(renamed("not = [toml", "X"), "not = [toml");
    }

    #[test]
    fn deleting_twice_in_a_second_keeps_both_backups() {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = Paths {
            config_dir: dir.path().join("config"),
            data_dir: dir.path().join("data"),
        };
        let file = paths.routines_dir().join("mine.toml");
        let mut backups = Vec::new();
        for text in ["name = \"first\"\n", "name = \"second\"\n"] {
            write_atomic(&file, text.as_bytes()).expect("write");
            let catalog = Catalog::from_dir(&[], &paths.routines_dir());
            backups.push(delete(&paths, &catalog, "mine").expect("delete"));
            assert!(!file.exists());
        }
        assert_ne!(backups[0], backups[1]);
        assert_eq!(
            fs::read_to_string(&backups[0]).expect("read"),
            "name = \"first\"\n"
        );
        assert_eq!(
            fs::read_to_string(&backups[1]).expect("read"),
            "name = \"second\"\n"
        );
    }

    #[test]
    fn titles_and_timestamps() {
        assert_eq!(title("sciatica-relief"), "Sciatica relief");
        assert_eq!(title("x"), "X");
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_795_000_000);
        assert_eq!(timestamp(t), "2026-11-18T11-06-40");
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00-00-00");
    }
}
