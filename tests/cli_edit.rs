//! `limber new`, `limber edit` (with a scripted editor) and `limber schema`,
//! run as a user would on temporary directories.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    fn routines(&self) -> PathBuf {
        self.config().join("limber/routines")
    }

    /// Runs limber with `editor` (a shell script body, given the file as $1).
    fn limber(&self, args: &[&str], editor: Option<&str>) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_limber"));
        cmd.args(args)
            .env("XDG_CONFIG_HOME", self.config())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env_remove("VISUAL")
            .stdin(Stdio::null());
        if let Some(body) = editor {
            let script = self.dir.path().join("editor.sh");
            fs::write(&script, format!("#!/bin/sh\nset -e\n{body}\n")).expect("write editor");
            fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).expect("chmod");
            cmd.env("EDITOR", &script);
        }
        cmd.output().expect("limber runs")
    }

    fn planned(&self, id: &str) -> Value {
        let out = self.limber(&["list", "--json"], None);
        let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
        rows.into_iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))["planned_seconds"]
            .clone()
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn new_writes_a_valid_starter_and_refuses_to_overwrite() {
    let home = Home::new();
    let out = home.limber(&["new", "my-stretches"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let path = home.routines().join("my-stretches.toml");
    assert!(text(&out).contains(&path.display().to_string()));

    let check = home.limber(&["check", path.to_str().expect("utf8")], None);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert!(
        text(&check).contains("ok: \"My stretches\""),
        "{}",
        text(&check)
    );

    // The #:schema line resolves to a schema file written beside the routines.
    let schema = home.config().join("limber/routine.schema.json");
    let written: Value =
        serde_json::from_str(&fs::read_to_string(&schema).expect("schema file")).expect("JSON");
    let printed: Value =
        serde_json::from_slice(&home.limber(&["schema"], None).stdout).expect("JSON");
    assert_eq!(written, printed);

    fs::write(&path, "name = \"changed by the user\"\n").expect("write");
    let again = home.limber(&["new", "my-stretches"], None);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("already exists"), "{}", text(&again));
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "name = \"changed by the user\"\n"
    );

    let bad = home.limber(&["new", "../escape"], None);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad).contains("cannot be a routine id"),
        "{}",
        text(&bad)
    );
    assert!(!home.config().join("limber/escape.toml").exists());
}

#[test]
fn edit_changes_a_hold_and_list_shows_the_new_duration() {
    let home = Home::new();
    fs::create_dir_all(home.routines()).expect("mkdir");
    let path = home.routines().join("mine.toml");
    fs::write(
        &path,
        "name = \"Mine\"\n[[exercise]]\nname = \"Hold\"\nhold = \"20s\"\nsets = 2\n",
    )
    .expect("write");
    assert_eq!(home.planned("mine"), 55); // 5 + 20 + 10 + 20

    let out = home.limber(
        &["edit", "mine"],
        Some(r#"sed -i 's/hold = "20s"/hold = "40s"/' "$1""#),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("ok: \"Mine\""), "{}", text(&out));
    assert_eq!(home.planned("mine"), 95); // 5 + 40 + 10 + 40
}

#[test]
fn an_invalid_edit_is_reported_and_left_as_written() {
    let home = Home::new();
    fs::create_dir_all(home.routines()).expect("mkdir");
    let path = home.routines().join("mine.toml");
    fs::write(
        &path,
        "name = \"Mine\"\n[[exercise]]\nname = \"Hold\"\nhold = \"20s\"\n",
    )
    .expect("write");
    let broken = "name = \"Mine\"\n[[exercise]]\nname = \"Hold\"\nhodl = \"20s\n";
    let out = home.limber(
        &["edit", "mine"],
        Some(&format!("printf '%s' '{broken}' > \"$1\"")),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = text(&out);
    assert!(
        report.contains(&format!("{}:4:", path.display())),
        "{report}"
    );
    assert!(report.contains("error: invalid TOML"), "{report}");
    assert!(
        report.contains("The file is kept as you wrote it"),
        "{report}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), broken);
}

#[test]
fn editing_a_builtin_makes_a_user_copy_that_shadows_it() {
    let home = Home::new();
    let out = home.limber(&["edit", "walk"], Some("true"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("your copy now replaces the built-in"),
        "{}",
        text(&out)
    );
    let copy = home.routines().join("walk.toml");
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("routines/walk.toml");
    assert_eq!(
        fs::read(&copy).expect("copy"),
        fs::read(builtin).expect("builtin")
    );
    let rows: Vec<Value> =
        serde_json::from_slice(&home.limber(&["list", "--json"], None).stdout).expect("JSON");
    let walk = rows.iter().find(|r| r["id"] == "walk").expect("walk");
    assert_eq!(walk["source"], "user");

    let missing = home.limber(&["edit", "no-such-routine"], Some("true"));
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing).contains("no routine with id 'no-such-routine'"));
}

#[test]
fn a_failing_editor_leaves_the_file_alone() {
    let home = Home::new();
    fs::create_dir_all(home.routines()).expect("mkdir");
    let path = home.routines().join("mine.toml");
    let original = "name = \"Mine\"\n[[exercise]]\nname = \"Hold\"\nhold = 5\n";
    fs::write(&path, original).expect("write");
    let out = home.limber(&["edit", "mine"], Some("exit 3"));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("failed"), "{}", text(&out));
    assert_eq!(fs::read_to_string(&path).expect("read"), original);
}

fn schema_validator() -> jsonschema::Validator {
    let home = Home::new();
    let schema: Value =
        serde_json::from_slice(&home.limber(&["schema"], None).stdout).expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn as_json(toml_text: &str) -> Value {
    toml::from_str(toml_text).expect("TOML")
}

#[test]
fn the_schema_accepts_every_builtin_and_the_starter() {
    let validator = schema_validator();
    for (id, text) in limber::store::BUILTIN {
        let errors: Vec<String> = validator
            .iter_errors(&as_json(text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{id}: {errors:?}");
    }
    assert!(validator.is_valid(&as_json(&limber::edit::starter("Mine"))));
}

#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let validator = schema_validator();
    let head = "name = \"R\"\n[[exercise]]\nname = \"E\"\n";
    let invalid = [
        ("unknown key", format!("{head}hodl = \"30s\"\n")),
        ("two work keys", format!("{head}hold = 5\nreps = 3\n")),
        ("no work key", format!("{head}sets = 2\n")),
        (
            "tempo without reps",
            format!("{head}hold = 5\ntempo = {{ up = 1 }}\n"),
        ),
        ("bad sides", format!("{head}hold = 5\nsides = \"up\"\n")),
        ("sets out of range", format!("{head}hold = 5\nsets = 51\n")),
        ("bad duration text", format!("{head}hold = \"30 secs\"\n")),
        ("zero hold", format!("{head}hold = 0\n")),
        (
            "missing name",
            "[[exercise]]\nname = \"E\"\nhold = 5\n".to_string(),
        ),
        (
            "empty exercises",
            "name = \"R\"\nexercise = []\n".to_string(),
        ),
    ];
    for (what, text) in invalid {
        assert!(
            limber::routine::parse(&text).is_err(),
            "{what}: the parser should reject it"
        );
        assert!(
            !validator.is_valid(&as_json(&text)),
            "{what}: the schema should reject it"
        );
    }
}

#[test]
fn new_with_a_builtin_id_says_the_file_replaces_the_builtin() {
    let home = Home::new();
    let out = home.limber(&["new", "walk"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("'walk' is also the id of a built-in routine: your file replaces it"),
        "{}",
        text(&out)
    );
    let mine = home.limber(&["new", "mine"], None);
    assert!(!text(&mine).contains("built-in"), "{}", text(&mine));
}

#[test]
fn a_missing_editor_is_named() {
    let home = Home::new();
    fs::create_dir_all(home.routines()).expect("mkdir");
    fs::write(
        home.routines().join("mine.toml"),
        "name = \"M\"\n[[exercise]]\nname = \"H\"\nhold = 5\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_limber"))
        .args(["edit", "mine"])
        .env("XDG_CONFIG_HOME", home.config())
        .env("XDG_DATA_HOME", home.dir.path().join("data"))
        .env_remove("VISUAL")
        .env("EDITOR", "no-such-editor-for-limber")
        .stdin(Stdio::null())
        .output()
        .expect("limber runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains(
            "the editor `no-such-editor-for-limber` was not found; set $VISUAL or $EDITOR"
        ),
        "{}",
        text(&out)
    );
}
