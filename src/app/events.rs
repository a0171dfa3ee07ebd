//! Everything the main loop waits for arrives on one channel: terminal
//! input from the input thread, signals from the signal thread, and
//! changes to routine files from the watcher. The main
//! thread sleeps in `recv_timeout` until the session's next deadline, so
//! nothing polls.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event as TermEvent};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

#[derive(Debug)]
pub enum Event {
    /// A terminal event. The input thread reads nothing more until the main
    /// thread calls [`Input::resume`], so the terminal can be handed to
    /// someone else (a suspend, an editor) without a race for its bytes.
    Terminal(TermEvent),
    /// The input thread stopped: reading the terminal failed.
    InputFailed(io::Error),
    /// SIGINT, SIGTERM or SIGHUP: restore the terminal and leave.
    Quit(i32),
    /// SIGTSTP sent from outside: suspend as Ctrl-Z does.
    Stop,
    /// A routine file was created, changed or removed on disk.
    RoutinesChanged,
}

/// Handle on the input thread.
#[derive(Debug)]
pub struct Input {
    gate: SyncSender<()>,
}

impl Input {
    /// Lets the input thread read the next event.
    pub fn resume(&self) {
        // The thread may have ended after a read error; nothing to resume then.
        let _ = self.gate.send(());
    }
}

/// Starts the input thread. It reads one event, sends it, and waits to be
/// resumed before reading again.
pub fn spawn_input(tx: Sender<Event>) -> io::Result<Input> {
    let (gate, gate_rx) = mpsc::sync_channel::<()>(1);
    thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Event::Terminal(ev)).is_err() || gate_rx.recv().is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = tx.send(Event::InputFailed(e));
                    return;
                }
            }
        }
    })?;
    Ok(Input { gate })
}

/// True while another program (the editor) has the terminal.
static HANDED_OVER: AtomicBool = AtomicBool::new(false);
/// A SIGINT / SIGTSTP meant for that program arrived: the signal thread,
/// which may read it only after the program ended, lets it pass.
static SWALLOWED_INT: AtomicBool = AtomicBool::new(false);
static SWALLOWED_TSTP: AtomicBool = AtomicBool::new(false);

/// Runs `f` with the terminal handed to another program, which owns the
/// keyboard's signals meanwhile: its Ctrl-C is not ours (an editor may use
/// it, or be ended by it), and its Ctrl-Z, which stops the whole process
/// group, stops limber too, so that the shell gets the terminal back and
/// `fg` continues both.
pub fn handed_over<R>(f: impl FnOnce() -> R) -> R {
    HANDED_OVER.store(true, Ordering::SeqCst);
    let r = f();
    HANDED_OVER.store(false, Ordering::SeqCst);
    r
}

/// Blocks SIGINT and SIGTSTP in the calling thread while alive, so that the
/// threads started meanwhile (which inherit the mask) never take them: the
/// kernel then runs their handlers on the main thread. While it waits for
/// the editor, that means before the wait returns, so the handler sees that
/// the terminal is still handed over, whatever the scheduler does.
pub struct MainThreadSignals {
    old: libc::sigset_t,
}

impl MainThreadSignals {
    pub fn block() -> MainThreadSignals {
        // SAFETY: plain sigset manipulation on stack storage; pthread_sigmask
        // only changes this thread's mask.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            let mut old: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, SIGINT);
            libc::sigaddset(&mut set, SIGTSTP);
            libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old);
            MainThreadSignals { old }
        }
    }
}

impl Drop for MainThreadSignals {
    fn drop(&mut self) {
        // SAFETY: restores the mask saved in `block`, on the same thread.
        unsafe {
            libc::pthread_sigmask(libc::SIG_SETMASK, &self.old, std::ptr::null_mut());
        }
    }
}

/// Decides, in the signal handler itself, what belongs to the editor: the
/// signal thread may run late, after the editor has ended.
fn register_hand_over_handlers() -> io::Result<()> {
    // SAFETY: the actions only touch atomics and call raise(), both
    // async-signal-safe. They are registered before the iterator's, so they
    // run first on each delivery.
    unsafe {
        signal_hook::low_level::register(SIGINT, || {
            if HANDED_OVER.load(Ordering::SeqCst) {
                SWALLOWED_INT.store(true, Ordering::SeqCst);
            }
        })?;
        signal_hook::low_level::register(SIGTSTP, || {
            if HANDED_OVER.load(Ordering::SeqCst) {
                SWALLOWED_TSTP.store(true, Ordering::SeqCst);
                // The terminal is already the shell's: just stop.
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
            }
        })?;
    }
    Ok(())
}

/// Starts the signal thread (SIGWINCH comes through crossterm as a resize).
pub fn spawn_signals(tx: Sender<Event>) -> io::Result<signal_hook::iterator::Handle> {
    register_hand_over_handlers()?;
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGTSTP])?;
    let handle = signals.handle();
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                let swallowed = match sig {
                    SIGINT => SWALLOWED_INT.swap(false, Ordering::SeqCst),
                    SIGTSTP => SWALLOWED_TSTP.swap(false, Ordering::SeqCst),
                    _ => false,
                };
                if swallowed {
                    continue;
                }
                let ev = if sig == SIGTSTP {
                    Event::Stop
                } else {
                    Event::Quit(sig)
                };
                if tx.send(ev).is_err() {
                    return;
                }
            }
        })?;
    Ok(handle)
}

/// What waiting on the channel gave.
#[derive(Debug)]
pub enum Wait {
    Event(Event),
    Timeout,
    /// Every sender is gone.
    Closed,
}

/// Waits for the next event, at most `timeout` (forever when `None`).
pub fn wait(rx: &Receiver<Event>, timeout: Option<Duration>) -> Wait {
    let got = match timeout {
        Some(t) => rx
            .recv_timeout(t)
            .map_err(|e| e == RecvTimeoutError::Timeout),
        None => rx.recv().map_err(|_| false),
    };
    match got {
        Ok(e) => Wait::Event(e),
        Err(true) => Wait::Timeout,
        Err(false) => Wait::Closed,
    }
}
