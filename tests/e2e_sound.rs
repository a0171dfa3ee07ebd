//! The no-device path of the real binary: with sound on and no audio device,
//! a session runs to its end, the footer says so, and nothing (ALSA's or
//! cpal's diagnostics) reaches the screen or the app's stderr.

mod common;

use std::time::Duration;

use common::{Home, Term};

const ROUTINE: &str = r#"
name = "Sound check"
[defaults]
prepare = "2s"
rest = "2s"
[[exercise]]
name = "Short hold"
hold = "3s"
sets = 2
sides = "both"
"#;

#[test]
fn without_a_device_the_session_runs_silently_and_nothing_prints_over_it() {
    let home = Home::new();
    let path = home.fixture("sound.toml", ROUTINE);
    let runtime = home.dir.path().join("no-sound-server");
    std::fs::create_dir_all(&runtime).expect("runtime dir");
    // An environment that leads to no sound server, even where the CI's one runs.
    let env = [
        ("XDG_RUNTIME_DIR", runtime.to_str().expect("utf8")),
        ("ALSA_CONFIG_PATH", "/usr/share/alsa/alsa.conf"),
        ("PULSE_SERVER", "unix:/nonexistent/limber-test-socket"),
    ];
    let mut t = Term::spawn_with(
        &home,
        &["run", path.to_str().expect("utf8"), "--speed", "10"],
        100,
        30,
        &env,
    );
    let first = t.wait_for("the sound status in the footer", |s| {
        s.contains("sound off: no audio device") || s.contains("sound on")
    });
    if first.contains("sound on") {
        eprintln!(
            "skipped: this machine has an audio device, so the no-device path cannot run here"
        );
        t.send("q");
        t.send("y");
        return;
    }
    let mut screens_with_noise = Vec::new();
    t.watch(
        Duration::from_secs(30),
        |screen| {
            if screen.contains("ALSA") || screen.contains("cpal") {
                screens_with_noise.push(screen.to_string());
            }
        },
        |screen| screen.contains("Session complete"),
    );
    assert!(
        screens_with_noise.is_empty(),
        "{}",
        screens_with_noise.join("\n----\n")
    );
    let raw = String::from_utf8_lossy(&t.raw);
    assert!(!raw.contains("ALSA lib"), "ALSA wrote to the terminal");
    let summary = t.wait_text("(of 1)");
    assert!(
        summary.contains("1 completed, 0 skipped, 0 cut short"),
        "{summary}"
    );
    t.send("x");
    t.wait_text("choose a routine");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
    let log = std::fs::read_to_string(home.data().join("limber.log")).unwrap_or_default();
    assert!(
        !log.contains("ALSA"),
        "ALSA wrote to stderr while the UI was up:\n{log}"
    );
}
