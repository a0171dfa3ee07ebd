//! A pseudo-terminal harness for end-to-end tests of the real `limber`
//! binary: start it in a PTY of a given size with private XDG directories,
//! send keys, and read its screen through a terminal emulator (vt100).
//! Waiting is always "until the screen says so, or a timeout", never a
//! fixed sleep.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Private config and data directories for one test.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    /// Fresh directories; the safety notice already acknowledged.
    pub fn new() -> Home {
        let home = Home::first_run();
        std::fs::create_dir_all(home.data()).unwrap();
        std::fs::write(home.data().join("safety-acknowledged"), "yes\n").unwrap();
        home
    }

    /// Fresh directories where limber has never run.
    pub fn first_run() -> Home {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("config/limber/routines")).unwrap();
        Home { dir }
    }

    pub fn config_home(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn data_home(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `$XDG_DATA_HOME/limber`.
    pub fn data(&self) -> PathBuf {
        self.data_home().join("limber")
    }

    pub fn routines(&self) -> PathBuf {
        self.config_home().join("limber/routines")
    }

    /// Writes a routine file outside the routines directory; returns its path.
    pub fn fixture(&self, name: &str, toml: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, toml).unwrap();
        path
    }
}

/// The running binary in a pseudo-terminal.
pub struct Term {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    /// Every byte the program wrote.
    pub raw: Vec<u8>,
    closed: bool,
}

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

impl Term {
    /// Starts `limber ARGS` in a `cols` x `rows` terminal using `home`.
    pub fn spawn(home: &Home, args: &[&str], cols: u16, rows: u16) -> Term {
        Term::spawn_with(home, args, cols, rows, &[])
    }

    pub fn spawn_with(
        home: &Home,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Term {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_limber"));
        cmd.args(args);
        cmd.env("XDG_CONFIG_HOME", home.config_home());
        cmd.env("XDG_DATA_HOME", home.data_home());
        cmd.env("HOME", home.dir.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(home.dir.path());
        let child = pty.slave.spawn_command(cmd).expect("start limber");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        Term {
            child,
            master: pty.master,
            writer,
            output: rx,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            closed: false,
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    /// The screen's text, rows joined by newlines.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output for at most `wait`; returns false once the program
    /// closed the terminal.
    fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
                // Take whatever else is already there.
                while let Ok(more) = self.output.try_recv() {
                    self.parser.process(&more);
                    self.raw.extend_from_slice(&more);
                }
                true
            }
            Err(RecvTimeoutError::Timeout) => true,
            Err(RecvTimeoutError::Disconnected) => {
                self.closed = true;
                false
            }
        }
    }

    /// Reads until `cond(screen)` holds; panics with the screen on timeout.
    pub fn wait_for(&mut self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        self.wait_for_within(what, DEFAULT_TIMEOUT, cond)
    }

    pub fn wait_for_within(
        &mut self,
        what: &str,
        timeout: Duration,
        cond: impl Fn(&str) -> bool,
    ) -> String {
        let end = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if cond(&screen) {
                return screen;
            }
            if Instant::now() > end || (self.closed && !cond(&self.screen())) {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            self.pump(Duration::from_millis(20));
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_text(&mut self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Calls `each` with every screen state seen until `done` holds.
    pub fn watch(
        &mut self,
        timeout: Duration,
        mut each: impl FnMut(&str),
        done: impl Fn(&str) -> bool,
    ) {
        let end = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            each(&screen);
            if done(&screen) {
                return;
            }
            assert!(Instant::now() < end, "timed out; screen:\n{screen}");
            assert!(!self.closed, "the program ended; screen:\n{screen}");
            self.pump(Duration::from_millis(20));
        }
    }

    /// Reads for `d`, for checks that something does NOT change.
    pub fn read_for(&mut self, d: Duration) {
        let end = Instant::now() + d;
        while Instant::now() < end && !self.closed {
            self.pump(end.saturating_duration_since(Instant::now()));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to end; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let end = Instant::now() + DEFAULT_TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Drain what it wrote last.
                while self.pump(Duration::from_millis(50)) && !self.closed {
                    if self.output.try_recv().is_err() {
                        break;
                    }
                }
                return status.exit_code();
            }
            assert!(
                Instant::now() < end,
                "limber did not exit:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(20));
        }
    }

    /// Asserts the terminal is back to normal: the alternate screen was left
    /// after it was last entered, the cursor shown, and the line discipline
    /// is canonical with echo (raw mode undone).
    pub fn assert_restored(&self) {
        let text = String::from_utf8_lossy(&self.raw);
        let entered = text.rfind("\x1b[?1049h").expect("alternate screen entered");
        let left = text.rfind("\x1b[?1049l").expect("alternate screen left");
        assert!(left > entered, "alternate screen not left at the end");
        assert!(!self.parser.screen().alternate_screen());
        assert!(text[left..].contains("\x1b[?25h"), "cursor not shown again");
        let fd = self.master.as_raw_fd().expect("pty fd");
        // SAFETY: a zeroed termios is valid storage for tcgetattr to fill.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        assert!(t.c_lflag & libc::ICANON != 0, "terminal left in raw mode");
        assert!(t.c_lflag & libc::ECHO != 0, "echo left off");
    }

    /// The process's state letter from /proc (R, S, T for stopped, ...).
    pub fn proc_state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap();
        let after = &stat[stat.rfind(')').unwrap() + 2..];
        after.chars().next().unwrap()
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: sending a signal to our own child process.
        assert_eq!(unsafe { libc::kill(self.pid(), sig) }, 0);
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A short routine with sides, for watching phases go by at high speed.
pub const SIDES_ROUTINE: &str = r#"
name = "E2E sides"

[defaults]
prepare = "5s"
rest = "5s"

[[exercise]]
name = "Side hold"
instructions = "Hold still."
hold = "20s"
sides = "both"

[[exercise]]
name = "Marching"
duration = "30s"
"#;

/// A long hold, for pausing, skipping and quitting at leisure.
pub const LONG_ROUTINE: &str = r#"
name = "E2E long"

[defaults]
prepare = "2s"

[[exercise]]
name = "Long hold"
hold = "5m"
sides = "alternate"

[[exercise]]
name = "Second"
hold = "5m"
"#;

impl Term {
    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn master_resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.screen_mut().set_size(rows, cols);
    }
}
