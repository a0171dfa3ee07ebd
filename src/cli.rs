//! The command line: argument definitions and what each command does.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::app;
use crate::edit;
use crate::paths::Paths;
use crate::routine;
use crate::schema;
use crate::store::{self, Catalog, Entry};

/// A terminal coach for stretching and strengthening routines.
///
/// Run without a command to pick a routine from the menu. limber is a timer,
/// not medical advice: it shows a safety notice when it first starts, and
/// again from its help screen (`?`).
#[derive(Debug, Parser)]
#[command(name = "limber", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every routine: built-in and your own.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Start a routine at once: by id (see `limber list`) or by file path.
    Run {
        /// A routine id, or the path of a routine file.
        #[arg(value_name = "ID|PATH")]
        routine: String,
        /// Run the session clock N times faster, to preview a routine (1-100).
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
        speed: u32,
        /// Start with sound muted (`m` unmutes).
        #[arg(long)]
        no_sound: bool,
    },
    /// Create a commented starter routine in your routines directory.
    New {
        /// The new routine's id: its file name without .toml.
        #[arg(value_name = "NAME")]
        id: String,
    },
    /// Open a routine in your editor ($VISUAL, $EDITOR), then validate it.
    ///
    /// A built-in routine is first copied to your routines directory; the copy
    /// then replaces the built-in.
    Edit {
        /// The routine's id (see `limber list`).
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Print the JSON Schema of the routine format (for editors' TOML support).
    Schema,
    /// Validate routine files (and config.toml) and report every problem found.
    Check {
        /// Files to check; a file named config.toml is checked as the settings file.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// Runs the parsed command line; the return value is the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    let paths = Paths::from_env();
    match cli.command {
        None => interactive(paths, None, 1, true),
        Some(Command::Run {
            routine,
            speed,
            no_sound,
        }) => match resolve(&paths, &routine) {
            Ok(start) => interactive(paths, Some(start), speed, !no_sound),
            Err(report) => fail(&report),
        },
        Some(Command::List { json }) => list(&Catalog::load(&paths), json),
        Some(Command::Check { files }) => check(&files),
        Some(Command::New { id }) => match edit::new_routine(&paths, &id) {
            Ok(path) => {
                println!("Created {}", path.display());
                if store::builtin_text(&id).is_some() {
                    println!(
                        "'{id}' is also the id of a built-in routine: your file replaces it (delete the file to get the built-in back)."
                    );
                }
                println!(
                    "Edit it with `limber edit {id}`; check it with `limber check {}`.",
                    path.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!("limber: error: {e}\n")),
        },
        Some(Command::Edit { id }) => edit_routine(&paths, &id),
        Some(Command::Schema) => {
            print!("{}", schema::routine_text());
            ExitCode::SUCCESS
        }
    }
}

fn fail(report: &str) -> ExitCode {
    eprint!("{report}");
    ExitCode::from(1)
}

/// The menu, or a session first when `start` is given.
fn interactive(
    paths: Paths,
    start: Option<(String, routine::Routine)>,
    speed: u32,
    sound: bool,
) -> ExitCode {
    let settings = match crate::config::load(&paths.config_file()) {
        Ok(config) => config.sound,
        Err(e) => {
            return fail(&format!(
                "{}limber: fix the settings file above (or move it away) and start again\n",
                e.report()
            ));
        }
    };
    let opts = app::Options {
        paths,
        start,
        speed,
        sound,
        sound_settings: settings,
    };
    match app::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e @ app::Error::Signal(_)) => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1)),
        Err(e) => fail(&format!("limber: error: {e}\n")),
    }
}

/// `limber run ID|PATH`: a path when it looks like one (a `/` or `.toml`),
/// else a routine id, else a file of that name.
fn resolve(paths: &Paths, arg: &str) -> Result<(String, routine::Routine), String> {
    let path = Path::new(arg);
    let looks_like_path = path.extension().is_some_and(|e| e == "toml")
        || arg.contains(std::path::MAIN_SEPARATOR)
        || arg.contains('/');
    let catalog = Catalog::load(paths);
    if looks_like_path || (catalog.find(arg).is_none() && path.is_file()) {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        return store::load_file(path)
            .map(|r| (id, r))
            .map_err(|e| e.report());
    }
    match catalog.find(arg) {
        Some(entry) => match &entry.routine {
            Ok(r) => Ok((entry.id.clone(), r.clone())),
            Err(_) => Err(match store::load_file(&entry.path) {
                Err(e) => e.report(),
                Ok(_) => format!("limber: error: routine '{arg}' is invalid\n"),
            }),
        },
        None => Err(format!(
            "limber: error: no routine with id '{arg}' (see `limber list`), and no such file\n"
        )),
    }
}

/// `limber edit ID`: edit, validate, offer to reopen until valid or declined.
fn edit_routine(paths: &Paths, id: &str) -> ExitCode {
    let catalog = Catalog::load(paths);
    let path = match edit::user_file(paths, &catalog, id) {
        Ok((path, copied)) => {
            if copied {
                println!(
                    "Copied the built-in routine '{id}' to {}; your copy now replaces the built-in.",
                    path.display()
                );
            }
            path
        }
        Err(e) => return fail(&format!("limber: error: {e}\n")),
    };
    let editor = edit::editor_command();
    loop {
        if let Err(e) = edit::run_editor(&editor, &path) {
            return fail(&format!("limber: error: {e}\n"));
        }
        match store::load_file(&path) {
            Ok(r) => {
                println!("{}", ok_line(&path, &r));
                return ExitCode::SUCCESS;
            }
            Err(e) => {
                print!("{}", e.report());
                if !ask("Reopen the editor to fix it? [Y/n] ") {
                    println!("The file is kept as you wrote it: {}", path.display());
                    return ExitCode::from(1);
                }
            }
        }
    }
}

/// Asks a yes/no question on the terminal; no terminal or no answer means no.
fn ask(question: &str) -> bool {
    use std::io::{BufRead, IsTerminal};
    if !io::stdin().is_terminal() {
        return false;
    }
    print!("{question}");
    let _ = io::stdout().flush();
    let mut answer = String::new();
    match io::stdin().lock().read_line(&mut answer) {
        Ok(0) | Err(_) => false,
        Ok(_) => !answer.trim().to_lowercase().starts_with('n'),
    }
}

/// `limber check`: 0 when every file is valid, 1 otherwise.
fn check(files: &[PathBuf]) -> ExitCode {
    let mut out = io::stdout().lock();
    let mut invalid = 0;
    for path in files {
        let result = match check_one(path) {
            Ok(None) => writeln!(out, "{}: ok: settings", path.display()),
            Ok(Some(r)) => writeln!(out, "{}", ok_line(path, &r)),
            Err(e) => {
                invalid += 1;
                write!(out, "{}", e.report())
            }
        };
        if result.is_err() {
            // stdout is gone (a closed pipe): nothing more can be reported.
            return ExitCode::from(1);
        }
    }
    if files.len() > 1 {
        let _ = writeln!(
            out,
            "{} file{} checked: {} valid, {invalid} invalid",
            files.len(),
            plural(files.len()),
            files.len() - invalid
        );
    }
    if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Validates one file: the settings file by its name, else a routine.
fn check_one(path: &std::path::Path) -> Result<Option<routine::Routine>, store::LoadError> {
    // A routine may be called config.toml too: only one outside a routines
    // directory is the settings file.
    let in_routines = path
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|n| n == "routines");
    if path.file_name().is_some_and(|n| n == "config.toml") && !in_routines {
        store::read_and_parse(path, crate::config::parse_bytes).map(|_| None)
    } else {
        store::load_file(path).map(Some)
    }
}

/// `limber list`, as a table or JSON.
fn list(catalog: &Catalog, json: bool) -> ExitCode {
    for warning in &catalog.warnings {
        eprintln!("limber: warning: {warning}");
    }
    let text = if json {
        let rows: Vec<Value> = catalog.entries.iter().map(entry_json).collect();
        let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
        s.push('\n');
        s
    } else {
        table(catalog)
    };
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

fn table(catalog: &Catalog) -> String {
    let mut rows = vec![[
        "ID".to_string(),
        "NAME".into(),
        "EXERCISES".into(),
        "TIME".into(),
        "SOURCE".into(),
    ]];
    for e in &catalog.entries {
        let source = match e.source {
            store::Source::Builtin => "built-in".to_string(),
            store::Source::User if e.shadows_builtin => {
                format!("user, replaces built-in: {}", e.path.display())
            }
            store::Source::User => format!("user: {}", e.path.display()),
        };
        rows.push(match &e.routine {
            Ok(r) => [
                e.id.clone(),
                r.name.clone(),
                r.exercises.len().to_string(),
                routine::planned(r).display(),
                source,
            ],
            Err(problem) => [
                e.id.clone(),
                "INVALID".into(),
                "-".into(),
                "-".into(),
                format!("{source}\n    error: {problem}"),
            ],
        });
    }
    let width = |col: usize| {
        rows.iter()
            .map(|r| r[col].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2, w3) = (width(0), width(1), width(2), width(3));
    rows.iter()
        .map(|[id, name, n, time, source]| {
            format!("{id:<w0$}  {name:<w1$}  {n:>w2$}  {time:>w3$}  {source}\n")
        })
        .collect()
}

fn entry_json(e: &Entry) -> Value {
    let (name, exercises, planned, estimated) = match &e.routine {
        Ok(r) => {
            let p = routine::planned(r);
            (
                json!(r.name),
                json!(r.exercises.len()),
                seconds(p.total),
                json!(p.estimated),
            )
        }
        Err(_) => (Value::Null, Value::Null, Value::Null, Value::Null),
    };
    json!({
        "id": e.id,
        "name": name,
        "source": e.source.as_str(),
        "path": match e.source {
            store::Source::Builtin => Value::Null,
            store::Source::User => json!(e.path.display().to_string()),
        },
        "exercises": exercises,
        "planned_seconds": planned,
        "estimated": estimated,
        "valid": e.is_valid(),
        "error": e.routine.as_ref().err().map(|p| p.to_string()),
        "shadows_builtin": e.shadows_builtin,
    })
}

/// Whole seconds as an integer; a fractional total (tempo parts in ms) as a float.
fn seconds(d: std::time::Duration) -> Value {
    if d.subsec_millis() == 0 {
        json!(d.as_secs())
    } else {
        json!(d.as_secs_f64())
    }
}

/// `PATH: ok: "NAME", N exercises, M:SS`, as `check` and `edit` report a valid file.
fn ok_line(path: &Path, r: &routine::Routine) -> String {
    format!(
        "{}: ok: \"{}\", {}",
        path.display(),
        r.name,
        routine::plan::describe(r)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
