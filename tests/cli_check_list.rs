//! `limber check` and `limber list` run as a user would, on temporary
//! configuration directories.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn limber(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limber"))
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_DATA_HOME", config.join("data"))
        .env("HOME", config)
        .output()
        .expect("limber runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn user_dir(config: &Path) -> std::path::PathBuf {
    let dir = config.join("limber/routines");
    fs::create_dir_all(&dir).expect("create routines dir");
    dir
}

const VALID: &str = "name = \"Mine\"\n[[exercise]]\nname = \"Hold\"\nhold = \"20s\"\nsets = 2\n";

#[test]
fn check_reports_every_file_and_sets_the_exit_status() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let good = tmp.path().join("good.toml");
    let bad = tmp.path().join("bad.toml");
    fs::write(&good, VALID).expect("write");
    fs::write(
        &bad,
        "name = \"B\"\n[[exercise]]\nname = \"X\"\nhodl = \"30s\"\nsets = 0\n",
    )
    .expect("write");

    let ok = limber(tmp.path(), &["check", good.to_str().expect("utf8")]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(
        stdout(&ok).contains("ok: \"Mine\", 1 exercise, 0:55"),
        "{}",
        stdout(&ok)
    );

    let missing = tmp.path().join("missing.toml");
    let out = limber(
        tmp.path(),
        &[
            "check",
            good.to_str().expect("utf8"),
            bad.to_str().expect("utf8"),
            missing.to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let bad_path = bad.display();
    assert!(
        text.contains(&format!(
            "{bad_path}:4:1: error: unknown key 'hodl' — did you mean 'hold'?\n  |\n4 | hodl = \"30s\"\n  | ^^^^\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{bad_path}:5:8: error: 'sets' must be between 1 and 50 (got 0)"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}: error: cannot read the file: no such file",
            missing.display()
        )),
        "{text}"
    );
    assert!(
        text.contains("3 files checked: 1 valid, 2 invalid"),
        "{text}"
    );
    assert!(
        out.stderr.is_empty(),
        "no backtrace or noise: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_usage_errors_exit_with_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    assert_eq!(limber(tmp.path(), &["check"]).status.code(), Some(2));
    assert_eq!(
        limber(tmp.path(), &["check", "--bogus", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(limber(tmp.path(), &["frobnicate"]).status.code(), Some(2));
}

#[test]
fn every_builtin_passes_check() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("routines");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .expect("routines dir")
        .map(|e| e.expect("entry").path().display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let out = limber(tmp.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn list_shows_builtins_user_routines_shadowing_and_invalid_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = user_dir(tmp.path());
    fs::write(dir.join("mine.toml"), VALID).expect("write");
    fs::write(dir.join("walk.toml"), VALID.replace("Mine", "My walk")).expect("write");
    fs::write(dir.join("broken.toml"), "name = \"B\"\n").expect("write");
    fs::write(dir.join("notes.txt"), "not a routine").expect("write");

    let out = limber(tmp.path(), &["list", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
    let row = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
            .clone()
    };
    assert_eq!(
        rows.len(),
        9,
        "7 built-ins (one shadowed) + 3 user files, txt ignored"
    );

    let builtin = row("sciatica-relief");
    assert_eq!(builtin["source"], "builtin");
    assert_eq!(builtin["valid"], true);
    assert_eq!(builtin["planned_seconds"], 920);
    assert_eq!(builtin["estimated"], false);
    assert_eq!(builtin["error"], Value::Null);

    let mine = row("mine");
    assert_eq!(mine["source"], "user");
    assert_eq!(mine["name"], "Mine");
    assert_eq!(mine["exercises"], 1);
    assert_eq!(mine["planned_seconds"], 55);
    assert_eq!(mine["path"], dir.join("mine.toml").display().to_string());

    let walk = row("walk");
    assert_eq!(walk["source"], "user", "a user file shadows the built-in");
    assert_eq!(walk["name"], "My walk");
    assert_eq!(walk["shadows_builtin"], true);

    let broken = row("broken");
    assert_eq!(broken["valid"], false);
    assert_eq!(
        broken["error"],
        "1:1: no exercises: add at least one [[exercise]] table"
    );

    assert_eq!(row("morning-mobility")["estimated"], true);

    let table = stdout(&limber(tmp.path(), &["list"]));
    assert!(
        table.lines().next().expect("header").starts_with("ID"),
        "{table}"
    );
    let line = |id: &str| {
        table
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id}: {table}"))
            .to_string()
    };
    assert!(
        line("sciatica-relief").contains("15:20") && line("sciatica-relief").contains("built-in")
    );
    assert!(line("morning-mobility").contains("~9:08"));
    assert!(line("walk ").contains("replaces built-in"));
    assert!(line("broken").contains("INVALID"));
    assert!(table.contains("error: 1:1: no exercises"), "{table}");
}

#[test]
fn list_without_a_user_directory_shows_the_builtins() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = limber(tmp.path(), &["list", "--json"]);
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(rows.len(), 7);
    assert!(
        rows.iter()
            .all(|r| r["source"] == "builtin" && r["valid"] == true)
    );
}

#[test]
fn a_routine_named_config_is_checked_as_a_routine() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = user_dir(tmp.path());
    let routine = dir.join("config.toml");
    fs::write(&routine, VALID).expect("write");
    let out = limber(tmp.path(), &["check", routine.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("ok: \"Mine\""), "{}", stdout(&out));

    let settings = tmp.path().join("limber/config.toml");
    fs::write(&settings, "[sound]\nvolume = 101\n").expect("write");
    let out = limber(tmp.path(), &["check", settings.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("'volume' must be between 0 and 100 (got 101)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn run_prefers_a_routine_id_to_a_stray_file_of_that_name() {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::write(tmp.path().join("walk"), "not a routine").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_limber"))
        .args(["run", "walk"])
        .current_dir(tmp.path())
        .env("XDG_CONFIG_HOME", tmp.path())
        .env("XDG_DATA_HOME", tmp.path().join("data"))
        .output()
        .expect("limber runs");
    // The built-in was found; only the missing terminal stops it.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("limber needs a terminal"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_limber"))
        .args(["run", "./walk"])
        .current_dir(tmp.path())
        .env("XDG_CONFIG_HOME", tmp.path())
        .output()
        .expect("limber runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("./walk:1:"), "a path is read as a file: {err}");
}
