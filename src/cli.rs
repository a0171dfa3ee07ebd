//! The command line: argument definitions and what each command does.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::paths::Paths;
use crate::routine;
use crate::store::{self, Catalog, Entry};

/// A terminal coach for stretching and strengthening routines.
///
/// Run without a command to pick a routine from the menu. limber is a timer,
/// not medical advice: see the safety notice in the README.
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
        None => {
            eprintln!("limber: the interactive menu is not available yet; try `limber list`");
            ExitCode::from(1)
        }
        Some(Command::List { json }) => list(&Catalog::load(&paths), json),
        Some(Command::Check { files }) => check(&files),
    }
}

/// `limber check`: 0 when every file is valid, 1 otherwise.
fn check(files: &[PathBuf]) -> ExitCode {
    let mut out = io::stdout().lock();
    let mut invalid = 0;
    for path in files {
        let result = match check_one(path) {
            Ok(None) => writeln!(out, "{}: ok: settings", path.display()),
            Ok(Some(r)) => {
                let plan = routine::planned(&r);
                writeln!(
                    out,
                    "{}: ok: \"{}\", {} exercise{}, {}",
                    path.display(),
                    r.name,
                    r.exercises.len(),
                    plural(r.exercises.len()),
                    plan.display()
                )
            }
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
    if path.file_name().is_some_and(|n| n == "config.toml") {
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
