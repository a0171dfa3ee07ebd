//! End to end: editing routines from the menu (editor round trip, new,
//! delete and undo) and live reload of files changed behind the app's back,
//! through the real binary in a pseudo-terminal.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Home, Term};

/// Changes on disk must show in the menu within about a second; the margin
/// covers a loaded machine running tests in parallel.
const RELOAD_WITHIN: Duration = Duration::from_secs(3);

const TUNE: &str = r#"name = "Tune me"

[[exercise]]
name = "Knee hug"
hold = "30s"
prepare = "0s"
"#;

/// An executable shell script in the test's home; returns its path.
fn script(home: &Home, name: &str, body: &str) -> PathBuf {
    let path = home.dir.path().join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn editor_env(editor: &Path) -> [(&'static str, String); 2] {
    let e = editor.display().to_string();
    [("VISUAL", e.clone()), ("EDITOR", e)]
}

fn spawn_with_editor(home: &Home, editor: &Path, cols: u16, rows: u16) -> Term {
    let env = editor_env(editor);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Term::spawn_with(home, &[], cols, rows, &env)
}

/// The menu row of routine `name`, e.g. "│> Live one".
fn listed(screen: &str, name: &str) -> bool {
    screen
        .lines()
        .any(|l| l.starts_with('│') && l.contains(&format!(" {name} ")))
}

#[test]
fn live_reload_shows_new_invalid_and_deleted_files() {
    let home = Home::new();
    let mut t = Term::spawn(&home, &[], 100, 30);
    t.wait_text("choose a routine");
    // Narrow the list to the file to come, so it is selected when it appears.
    t.send("/live\r");
    t.wait_text("No routine matches");
    let file = home.routines().join("live.toml");
    fs::write(&file, TUNE.replace("Tune me", "Live one")).unwrap();
    t.wait_for_within("the new routine", RELOAD_WITHIN, |s| {
        listed(s, "Live one") && s.contains("Planned time: 0:30")
    });
    // Broken on disk: marked invalid, with its error in the preview.
    fs::write(&file, TUNE.replace("hold", "hodl")).unwrap();
    let screen = t.wait_for_within("the routine marked invalid", RELOAD_WITHIN, |s| {
        s.contains("live [invalid]") && s.contains("key 'hodl'")
    });
    assert!(screen.contains("INVALID"), "{screen}");
    fs::remove_file(&file).unwrap();
    t.wait_for_within("the routine gone", RELOAD_WITHIN, |s| {
        s.contains("No routine matches") && !s.contains("live [invalid]")
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn e_runs_the_editor_with_the_terminal_restored_and_shows_the_new_time() {
    let home = Home::new();
    fs::write(home.routines().join("tune.toml"), TUNE).unwrap();
    // The editor records the terminal mode it was given, then lengthens the hold.
    let stty = home.dir.path().join("stty.txt");
    let editor = script(
        &home,
        "editor.sh",
        &format!(
            "stty -a > '{}'\nsed -i 's/hold = \"30s\"/hold = \"90s\"/' \"$1\"",
            stty.display()
        ),
    );
    let mut t = spawn_with_editor(&home, &editor, 100, 30);
    t.wait_text("choose a routine");
    t.send("/tune\r");
    t.wait_text("Planned time: 0:30");
    let before = t.raw.len();
    t.send("e");
    let screen = t.wait_text("saved: Tune me, 1 exercise, 1:30");
    assert!(screen.contains("Planned time: 1:30"), "{screen}");
    assert!(
        t.parser.screen().alternate_screen(),
        "back in the alternate screen"
    );
    // The app left the alternate screen for the editor and came back.
    let out = String::from_utf8_lossy(&t.raw[before..]).into_owned();
    let left = out
        .find("\x1b[?1049l")
        .expect("alternate screen left for the editor");
    let back = out
        .rfind("\x1b[?1049h")
        .expect("alternate screen entered again");
    assert!(left < back);
    // The editor had a normal terminal: canonical mode with echo.
    let modes = fs::read_to_string(&stty).expect("the editor ran");
    let words: Vec<&str> = modes.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "{modes}"
    );
    assert!(
        fs::read_to_string(home.routines().join("tune.toml"))
            .unwrap()
            .contains("hold = \"90s\"")
    );
    // Keys work again after the editor: the help opens.
    t.send("?");
    t.wait_text("skip this phase");
    t.send("x");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn an_editor_that_cannot_start_is_reported_in_the_menu() {
    let home = Home::new();
    fs::write(home.routines().join("tune.toml"), TUNE).unwrap();
    let missing = home.dir.path().join("no-such-editor");
    let mut t = spawn_with_editor(&home, &missing, 100, 30);
    t.wait_text("choose a routine");
    t.send("/tune\r");
    t.wait_text("Planned time: 0:30");
    t.send("e");
    // `sh -c` starts, the editor does not: the menu names it.
    t.wait_text("was not found; set $VISUAL or $EDITOR");
    assert!(t.parser.screen().alternate_screen());
    assert_eq!(
        fs::read_to_string(home.routines().join("tune.toml")).unwrap(),
        TUNE
    );
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn delete_asks_then_undo_restores_the_file() {
    let home = Home::new();
    let file = home.routines().join("gone.toml");
    let text = TUNE.replace("Tune me", "Gone soon");
    fs::write(&file, &text).unwrap();
    let mut t = Term::spawn(&home, &[], 100, 30);
    t.wait_text("choose a routine");
    t.send("/gone\r");
    t.wait_text("Planned time: 0:30");
    t.send("D");
    t.wait_text("Delete your routine \"Gone soon\" (gone.toml)?");
    t.send("y");
    let screen = t.wait_text("deleted 'Gone soon'");
    assert!(screen.contains("u undo"), "{screen}");
    assert!(!file.exists());
    let backups: Vec<_> = fs::read_dir(home.data().join("deleted"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(fs::read_to_string(&backups[0]).unwrap(), text);
    t.wait_for("the list without it", |s| !listed(s, "Gone soon"));
    t.send("u");
    t.wait_text("restored 'Gone soon'");
    t.wait_for("the list with it", |s| listed(s, "Gone soon"));
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
    // A built-in cannot be deleted.
    t.send("/");
    t.send(&"\x7f".repeat(4));
    t.send("sciatica\r");
    t.wait_text("sciatica-relief  ·  built-in");
    t.send("D");
    t.wait_text("built-in routines cannot be deleted");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn n_asks_for_an_id_creates_the_file_and_opens_it() {
    let home = Home::new();
    let opened = home.dir.path().join("opened.txt");
    let editor = script(
        &home,
        "editor.sh",
        &format!("printf '%s' \"$1\" > '{}'", opened.display()),
    );
    let mut t = spawn_with_editor(&home, &editor, 80, 24);
    t.wait_text("choose a routine");
    t.send("n");
    t.wait_text("New routine");
    t.send("my routine\r");
    t.wait_text("cannot be a routine id");
    // Backspace over " routine", then a good id.
    t.send(&"\x7f".repeat(8));
    t.wait_for("the error cleared", |s| {
        s.contains("> my_") && !s.contains("cannot be a routine id")
    });
    t.send("-fresh\r");
    let screen = t.wait_text("unchanged: My fresh, 4 exercises");
    let file = home.routines().join("my-fresh.toml");
    assert!(screen.contains("created"), "{screen}");
    assert_eq!(
        fs::read_to_string(&opened).unwrap(),
        file.display().to_string()
    );
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("name = \"My fresh\"")
    );
    assert!(listed(&screen, "My fresh"), "{screen}");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

/// Voluntary plus involuntary context switches of every thread of `pid`.
fn context_switches(pid: i32) -> u64 {
    let mut total = 0;
    for task in fs::read_dir(format!("/proc/{pid}/task")).unwrap() {
        let status = fs::read_to_string(task.unwrap().path().join("status")).unwrap_or_default();
        total += status
            .lines()
            .filter(|l| l.contains("ctxt_switches"))
            .filter_map(|l| l.split_whitespace().last()?.parse::<u64>().ok())
            .sum::<u64>();
    }
    total
}

#[test]
fn the_idle_menu_with_its_watcher_does_not_wake_up() {
    let home = Home::new();
    let mut t = Term::spawn(&home, &[], 80, 24);
    t.wait_text("choose a routine");
    // Let start-up settle (audio opening, first frames), then measure.
    t.read_for(Duration::from_millis(500));
    let before = context_switches(t.pid());
    t.read_for(Duration::from_secs(3));
    let woke = context_switches(t.pid()) - before;
    assert!(woke <= 3, "{woke} wake-ups in 3 s of an idle menu");
    // The watcher is live all the same.
    fs::write(
        home.routines().join("late.toml"),
        TUNE.replace("Tune me", "Late one"),
    )
    .unwrap();
    t.wait_for_within("the new routine", RELOAD_WITHIN, |s| listed(s, "Late one"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn ctrl_c_and_ctrl_z_in_the_editor_belong_to_the_editor() {
    let home = Home::new();
    fs::write(home.routines().join("tune.toml"), TUNE).unwrap();
    // Ctrl-Z in an editor stops its whole process group (as vi does); then
    // a Ctrl-C for the whole group ends the editor (a shell script's default).
    let editor = script(&home, "editor.sh", "kill -TSTP 0\nkill -INT 0\nsleep 5");
    let mut t = spawn_with_editor(&home, &editor, 100, 30);
    t.wait_text("choose a routine");
    t.send("/tune\r");
    t.wait_text("Planned time: 0:30");
    t.send("e");
    // limber stops along with the editor, so the shell gets the terminal.
    let end = std::time::Instant::now() + common::DEFAULT_TIMEOUT;
    while t.proc_state() != 'T' {
        assert!(
            std::time::Instant::now() < end,
            "limber did not stop with its editor"
        );
        t.read_for(Duration::from_millis(20));
    }
    // `fg`: the shell continues the whole group.
    // SAFETY: signalling our own child's process group (it leads a session).
    assert_eq!(unsafe { libc::kill(-t.pid(), libc::SIGCONT) }, 0);
    // The editor's Ctrl-C ended the editor, not limber.
    t.wait_text("failed (signal: 2 (SIGINT))");
    assert!(t.parser.screen().alternate_screen());
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn a_running_session_is_not_disturbed_and_the_menu_is_current_after_it() {
    let home = Home::new();
    let file = home.routines().join("steady.toml");
    let text = "name = \"Steady\"\n[[exercise]]\nname = \"Steady hold\"\nhold = \"5m\"\nprepare = \"1s\"\n";
    fs::write(&file, text).unwrap();
    let mut t = Term::spawn(&home, &["run", "steady", "--no-sound"], 100, 30);
    t.wait_text("Steady hold");
    fs::write(&file, text.replace("Steady hold", "Changed hold")).unwrap();
    // Long enough for the reload to have happened: the session shows no sign of it.
    t.read_for(Duration::from_millis(800));
    let screen = t.screen();
    assert!(
        screen.contains("Steady hold") && !screen.contains("Changed"),
        "{screen}"
    );
    t.send("q");
    t.wait_text("Quit this session");
    t.send("y");
    t.wait_text("Session ended early");
    t.send(" ");
    // Back in the menu, the routine is as it is on disk now.
    let screen = t.wait_for("the menu with the changed routine", |s| {
        s.contains("choose a routine") && s.contains("Changed hold")
    });
    assert!(!screen.contains("Steady hold"), "{screen}");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
