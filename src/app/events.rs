//! Everything the main loop waits for arrives on one channel: terminal
//! input from the input thread, signals from the signal thread, and
//! changes to routine files from the watcher. The main
//! thread sleeps in `recv_timeout` until the session's next deadline, so
//! nothing polls.

use std::io;
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

/// Starts the signal thread (SIGWINCH comes through crossterm as a resize).
pub fn spawn_signals(tx: Sender<Event>) -> io::Result<signal_hook::iterator::Handle> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGTSTP])?;
    let handle = signals.handle();
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
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
