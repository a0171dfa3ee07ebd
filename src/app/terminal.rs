//! The terminal's lifecycle. Whatever happens (normal exit, error, panic,
//! a signal, a suspend) raw mode and the alternate screen are undone, and
//! stderr, which is sent to a log file while the screen is ours so that no
//! library can print over it, is given back before anything else prints.

use std::fs::File;
use std::io::{self, Stdout, Write, stdout};
use std::os::fd::AsRawFd;
use std::path::Path;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;

use crate::audio::quiet::with_stderr_lock;

/// True while raw mode and the alternate screen are on.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// A duplicate of the original stderr, or -1.
static SAVED_STDERR: AtomicI32 = AtomicI32::new(-1);
static PANIC_HOOK: Once = Once::new();

/// Gives the terminal and stderr back. Safe to call any number of times,
/// from any thread (the panic hook calls it).
pub fn restore() {
    let saved = SAVED_STDERR.load(Ordering::SeqCst);
    if saved >= 0 {
        // SAFETY: `saved` is a descriptor this module duplicated and keeps open.
        with_stderr_lock(|| unsafe {
            libc::dup2(saved, 2);
        });
    }
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(stdout(), LeaveAlternateScreen, Show);
    }
}

fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The full-screen terminal. Dropping it restores everything.
pub struct Tui {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    /// Where stderr goes while the screen is ours.
    log: Option<File>,
}

impl Tui {
    /// Takes over the terminal. `log` receives what would have been printed
    /// to stderr (/dev/null when it cannot be opened).
    pub fn enter(log: Option<&Path>) -> io::Result<Tui> {
        install_panic_hook();
        let log = log
            // Appended, so a second limber running at once keeps the first one's lines.
            .and_then(|p| File::options().create(true).append(true).open(p).ok())
            .or_else(|| File::options().write(true).open("/dev/null").ok());
        let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        let mut tui = Tui { terminal, log };
        // On failure `tui` drops here, which undoes whatever was done.
        tui.take_over()?;
        Ok(tui)
    }

    fn take_over(&mut self) -> io::Result<()> {
        if SAVED_STDERR.load(Ordering::SeqCst) < 0 {
            // SAFETY: duplicating fd 2; the copy stays open for the process's life.
            let saved = unsafe { libc::dup(2) };
            SAVED_STDERR.store(saved, Ordering::SeqCst);
        }
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, Hide)?;
        if let Some(log) = &self.log {
            let _ = io::stderr().flush();
            // SAFETY: both descriptors are open; fd 2 now points at the log.
            with_stderr_lock(|| unsafe {
                libc::dup2(log.as_raw_fd(), 2);
            });
        }
        Ok(())
    }

    /// Redraws everything on the next draw (after a suspend, or when the
    /// screen may have been scribbled on). Uses `resize`, which clears
    /// without asking the terminal for the cursor position.
    pub fn repaint(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal
            .resize(Rect::new(0, 0, size.width, size.height))
    }

    /// Hands the terminal back to the shell for the length of `f` (a suspend,
    /// or an editor), then takes it again and repaints. The caller keeps the
    /// input thread parked meanwhile.
    pub fn step_aside<R>(&mut self, f: impl FnOnce() -> R) -> io::Result<R> {
        restore();
        let r = f();
        self.take_over()?;
        self.repaint()?;
        Ok(r)
    }

    /// Ctrl-Z: stop the process as the shell expects; `fg` continues here.
    pub fn suspend(&mut self) -> io::Result<()> {
        self.step_aside(|| {
            let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
        })
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
    }
}
