//! End to end: the real binary in a pseudo-terminal, read through vt100.

mod common;

use std::time::Duration;

use common::{Home, LONG_ROUTINE, SIDES_ROUTINE, Term};

/// The info line under the big digits, e.g. "HOLD  ·  LEFT  ·  Set 1/1".
fn info_line(screen: &str) -> Option<String> {
    const WORDS: [&str; 7] = [
        "GET READY",
        "HOLD",
        "GO",
        "REPS",
        "REST",
        "SWITCH SIDES",
        "PAUSED",
    ];
    screen
        .lines()
        .map(str::trim)
        .find(|l| {
            WORDS
                .iter()
                .any(|w| *l == *w || l.starts_with(&format!("{w}  ·  ")))
        })
        .map(str::to_string)
}

/// The phase word and side of an info line: "HOLD LEFT".
fn phase_and_side(info: &str) -> String {
    let mut parts = info.split("  ·  ");
    let word = parts.next().unwrap_or("");
    let side = parts.find(|p| *p == "LEFT" || *p == "RIGHT");
    match side {
        Some(s) => format!("{word} {s}"),
        None => word.to_string(),
    }
}

#[test]
fn menu_opens_lists_builtins_and_quits_cleanly() {
    let home = Home::new();
    let mut t = Term::spawn(&home, &[], 100, 30);
    t.wait_text("choose a routine");
    let screen = t.wait_text("Sciatica relief");
    assert!(screen.contains("Planned time"), "{screen}");
    t.send("j");
    t.send("?");
    t.wait_text("skip this phase");
    t.send("x");
    t.wait_for("help closed", |s| !s.contains("skip this phase"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn first_run_shows_the_safety_notice_once() {
    let home = Home::first_run();
    let mut t = Term::spawn(&home, &[], 100, 30);
    t.wait_text("Safety first");
    t.send(" ");
    t.wait_for("menu without notice", |s| {
        s.contains("choose a routine") && !s.contains("Safety first")
    });
    assert!(home.data().join("safety-acknowledged").exists());
    t.send("q");
    t.wait_exit();
    let mut again = Term::spawn(&home, &[], 100, 30);
    let screen = again.wait_text("choose a routine");
    assert!(!screen.contains("Safety first"), "{screen}");
    again.send("q");
    again.wait_exit();
}

#[test]
fn invalid_user_routine_is_listed_and_cannot_start() {
    let home = Home::new();
    std::fs::write(
        home.routines().join("broken.toml"),
        "name = \"Broken\"\n[[exercise]]\nname = \"x\"\nhodl = \"30s\"\n",
    )
    .unwrap();
    let mut t = Term::spawn(&home, &[], 100, 30);
    t.wait_text("[invalid]");
    t.send("/broken");
    t.wait_text("/broken_");
    t.send("\r");
    t.wait_text("INVALID");
    t.send("\r");
    t.wait_text("cannot be started");
    t.send("q");
    t.wait_exit();
    t.assert_restored();
}

#[test]
fn phases_go_by_in_order_left_then_right_then_summary_then_menu() {
    let home = Home::new();
    let path = home.fixture("sides.toml", SIDES_ROUTINE);
    let mut t = Term::spawn(
        &home,
        &["run", path.to_str().unwrap(), "--speed", "20", "--no-sound"],
        80,
        24,
    );
    let mut seen: Vec<String> = Vec::new();
    t.watch(
        Duration::from_secs(30),
        |screen| {
            if let Some(info) = info_line(screen) {
                let p = phase_and_side(&info);
                if seen.last() != Some(&p) {
                    seen.push(p);
                }
            }
        },
        |screen| screen.contains("Session complete"),
    );
    assert_eq!(
        seen,
        [
            "GET READY LEFT",
            "HOLD LEFT",
            "SWITCH SIDES RIGHT",
            "HOLD RIGHT",
            "GET READY",
            "GO"
        ],
        "phases seen"
    );
    let summary = t.screen();
    assert!(summary.contains("2 completed, 0 skipped"), "{summary}");
    t.send("x");
    t.wait_text("choose a routine");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn pause_resume_and_skip() {
    let home = Home::new();
    let path = home.fixture("long.toml", LONG_ROUTINE);
    let mut t = Term::spawn(&home, &["run", path.to_str().unwrap()], 80, 24);
    t.wait_for("the hold", |s| {
        info_line(s).is_some_and(|i| i.starts_with("HOLD  ·  LEFT"))
    });
    t.send(" ");
    let paused = t.wait_text("PAUSED during HOLD");
    let phase_line = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("phase"))
            .map(str::to_string)
    };
    // Paused time does not count: the phase clock stands still.
    t.read_for(Duration::from_millis(1500));
    assert_eq!(phase_line(&t.screen()), phase_line(&paused));
    assert!(t.screen().contains("Space resume"));
    t.send(" ");
    t.wait_for("resumed", |s| {
        info_line(s).is_some_and(|i| i.starts_with("HOLD  ·  LEFT"))
    });
    t.send("s");
    t.wait_for("switch sides after skip", |s| {
        info_line(s).is_some_and(|i| i.starts_with("SWITCH SIDES  ·  RIGHT"))
    });
    // Next exercise from the mat: PageDown.
    t.send("\x1b[6~");
    t.wait_text("Second");
    t.send("q");
    t.wait_text("Quit this session");
    t.send("y");
    let summary = t.wait_text("Session ended early");
    assert!(summary.contains("1 skipped"), "{summary}");
    t.send("\r");
    t.wait_text("choose a routine");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn quit_asks_first_and_can_be_cancelled() {
    let home = Home::new();
    let path = home.fixture("long.toml", LONG_ROUTINE);
    let mut t = Term::spawn(&home, &["run", path.to_str().unwrap()], 80, 24);
    t.wait_text("Long hold");
    t.send("q");
    t.wait_text("Quit this session");
    t.send("n");
    t.wait_for("dialog closed", |s| !s.contains("Quit this session"));
    assert!(t.screen().contains("Long hold"));
    t.send("q");
    t.wait_text("Quit this session");
    t.send("y");
    t.wait_text("Session ended early");
    t.send(" ");
    t.wait_text("choose a routine");
    t.send("\x1b");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn sigterm_mid_session_restores_the_terminal() {
    let home = Home::new();
    let path = home.fixture("long.toml", LONG_ROUTINE);
    let mut t = Term::spawn(&home, &["run", path.to_str().unwrap()], 80, 24);
    t.wait_text("Long hold");
    t.signal(libc::SIGTERM);
    let code = t.wait_exit();
    assert_ne!(code, 0, "a signal is not a success");
    t.assert_restored();
}

#[test]
fn sighup_and_sigint_restore_the_terminal_too() {
    for sig in [libc::SIGHUP, libc::SIGINT] {
        let home = Home::new();
        let mut t = Term::spawn(&home, &[], 80, 24);
        t.wait_text("choose a routine");
        t.signal(sig);
        t.wait_exit();
        t.assert_restored();
    }
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_the_session_paused() {
    let home = Home::new();
    let path = home.fixture("long.toml", LONG_ROUTINE);
    let mut t = Term::spawn(&home, &["run", path.to_str().unwrap()], 80, 24);
    t.wait_text("Long hold");
    t.send("\x1a");
    // Stopped, with the alternate screen left and raw mode undone.
    let end = std::time::Instant::now() + common::DEFAULT_TIMEOUT;
    while t.proc_state() != 'T' {
        assert!(std::time::Instant::now() < end, "did not stop");
        t.read_for(Duration::from_millis(20));
    }
    t.read_for(Duration::from_millis(100));
    t.assert_restored();
    // `fg`: continue; the screen comes back, paused.
    t.signal(libc::SIGCONT);
    t.wait_text("PAUSED during");
    t.send("q");
    t.wait_text("Quit this session");
    t.send("y");
    t.wait_text("Session ended early");
}

#[test]
fn tiny_window_asks_to_enlarge_and_the_session_keeps_running() {
    let home = Home::new();
    let path = home.fixture("sides.toml", SIDES_ROUTINE);
    let mut t = Term::spawn(
        &home,
        &["run", path.to_str().unwrap(), "--speed", "50", "--no-sound"],
        24,
        6,
    );
    t.wait_text("Enlarge the window");
    // It ends on its own while the window is tiny (the app records the end
    // of an uninterrupted session in its log), and shows the summary once
    // the window is large again.
    let log = home.data().join("limber.log");
    let deadline = std::time::Instant::now() + common::DEFAULT_TIMEOUT;
    while !std::fs::read_to_string(&log).is_ok_and(|l| l.contains("session end")) {
        assert!(
            std::time::Instant::now() < deadline,
            "the session did not end while tiny"
        );
        t.read_for(Duration::from_millis(50));
    }
    assert!(t.screen().contains("Enlarge the window"), "{}", t.screen());
    t.master_resize(80, 24);
    t.wait_text("Session complete");
}

#[test]
fn no_color_turns_colour_off_and_colour_is_on_without_it() {
    let home = Home::new();
    let path = home.fixture("long.toml", LONG_ROUTINE);
    let run = ["run", path.to_str().unwrap()];
    // Indexed foreground colours, as the backend writes them.
    let colour = |raw: &[u8]| String::from_utf8_lossy(raw).contains("\x1b[38;5;");
    let mut plain = Term::spawn_with(&home, &run, 80, 24, &[("NO_COLOR", "1")]);
    plain.wait_text("Long hold");
    assert!(!colour(&plain.raw), "colour with NO_COLOR set");
    let mut coloured = Term::spawn(&home, &run, 80, 24);
    coloured.wait_text("Long hold");
    assert!(colour(&coloured.raw), "no colour without NO_COLOR");
}

#[test]
fn first_run_of_a_routine_waits_for_the_safety_notice() {
    let home = Home::first_run();
    let path = home.fixture("long.toml", LONG_ROUTINE);
    let mut t = Term::spawn(&home, &["run", path.to_str().unwrap()], 80, 24);
    t.wait_text("Safety first");
    // The session has not started behind the notice.
    assert!(!t.screen().contains("Exercise 1/2"));
    t.send("\r");
    t.wait_text("GET READY");
    assert!(home.data().join("safety-acknowledged").exists());
}
