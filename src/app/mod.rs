//! The interactive app: terminal lifecycle, the event loop, input to commands.
//!
//! The loop sleeps until the session's next deadline, a key, a resize, a
//! signal or a change to the routine files, whichever comes first; it never
//! ticks on its own. It redraws only when what is shown changed, and
//! ratatui writes only the changed cells.

pub mod clock;
pub mod events;
pub mod notice;
pub mod state;
pub mod terminal;

use std::io::{self, IsTerminal};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event as TermEvent;
use thiserror::Error;

use crate::audio::{Audio, SoundSettings};
use crate::paths::Paths;
use crate::routine::Routine;
use crate::store::Catalog;
use crate::ui::{Theme, keys};
use crate::{edit, watch};
use clock::VirtualClock;
use events::{Event, Wait};
use state::{App, Effect, Screen};
use terminal::Tui;

/// How `limber` (menu) or `limber run` (a routine straight away) starts.
#[derive(Debug, Clone)]
pub struct Options {
    pub paths: Paths,
    /// Run this routine (id, routine) at once; the menu follows its summary.
    pub start: Option<(String, Routine)>,
    /// Session clock speed, 1..=100.
    pub speed: u32,
    /// False for `--no-sound`: start muted (`m` unmutes).
    pub sound: bool,
    /// Sound settings from the config file.
    pub sound_settings: SoundSettings,
}

impl Options {
    pub fn new(paths: Paths) -> Options {
        Options {
            paths,
            start: None,
            speed: 1,
            sound: true,
            sound_settings: SoundSettings::default(),
        }
    }
}

#[derive(Debug, Error)]
pub enum Error {
    #[error(
        "limber needs a terminal: standard output is not one (use `limber list` or `limber check` in scripts)"
    )]
    NotATerminal,
    #[error("terminal error: {0}")]
    Terminal(#[from] io::Error),
    /// SIGINT, SIGTERM or SIGHUP arrived; the terminal was restored.
    #[error("stopped by signal {0}")]
    Signal(i32),
}

impl Error {
    /// The conventional exit status: 128 + signal for a signal, else 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Signal(sig) => 128 + sig,
            _ => 1,
        }
    }
}

/// Runs the full-screen app until the user quits or a signal arrives. The
/// terminal is restored on every way out.
pub fn run(opts: Options) -> Result<(), Error> {
    if !io::stdout().is_terminal() {
        return Err(Error::NotATerminal);
    }
    let speed = opts.speed.clamp(1, 100);
    let data_dir = opts.paths.data_dir.clone();
    let (tx, rx) = mpsc::channel();
    // Every thread started from here to the event loop leaves Ctrl-C and
    // Ctrl-Z to the main thread (see `MainThreadSignals`).
    let main_only = events::MainThreadSignals::block();
    // Signals first: from the first frame on, a SIGTERM must find a handler.
    let signals = events::spawn_signals(tx.clone())?;
    // Live reload: watching starts before the files are read, so no change
    // falls between the two. The watcher sleeps until the OS reports one.
    let watch_tx = tx.clone();
    let watched = watch::watch_routines(&opts.paths.routines_dir(), move || {
        let _ = watch_tx.send(Event::RoutinesChanged);
    });
    let catalog = Catalog::load(&opts.paths);
    let first_run = !notice::acknowledged(&data_dir);
    let log = std::fs::create_dir_all(&data_dir)
        .ok()
        .map(|()| data_dir.join("limber.log"));
    let mut tui = Tui::enter(log.as_deref())?;
    let clock = VirtualClock::new(Instant::now(), speed);

    let audio = Audio::silent(opts.sound_settings);
    let warning = catalog.warnings.first().cloned();
    let mut app = App::new(
        opts.paths.clone(),
        catalog,
        audio,
        Theme::from_env(),
        speed,
        first_run,
    );
    app.message = warning;
    // Kept alive until the app ends; without it the menu still works.
    let _watch = match watched {
        Ok(w) => Some(w),
        Err(e) => {
            app.message = Some(format!("{e}; the menu will not follow changes on disk"));
            None
        }
    };
    if let Some((id, routine)) = opts.start {
        app.menu.select(&id);
        let name = routine.name.clone();
        if first_run {
            app.pending = Some((name, routine));
        } else {
            app.start(name, routine, clock.to_session(Instant::now()));
        }
    }
    let now = clock.to_session(Instant::now());
    tui.terminal.draw(|f| app.draw(f, now))?;

    // Opening sound decodes the sounds: after the first frame, not before.
    let mut audio = Audio::open(opts.sound_settings, Some(&opts.paths.sounds_dir()));
    audio.set_muted(!opts.sound);
    app.audio = audio;

    let input = events::spawn_input(tx)?;
    drop(main_only);
    let result = event_loop(&mut tui, &mut app, &clock, &rx, &input, &data_dir);
    signals.close();
    drop(tui);
    result
}

fn event_loop(
    tui: &mut Tui,
    app: &mut App,
    clock: &VirtualClock,
    rx: &mpsc::Receiver<Event>,
    input: &events::Input,
    data_dir: &std::path::Path,
) -> Result<(), Error> {
    let mut dirty = true;
    let mut last = None;
    // When to reload the routine files: a moment after the first change
    // of a burst (one save is often several events), so a burst gives one
    // reload, and one that sees the file complete.
    let mut reload_at: Option<Instant> = None;
    loop {
        if reload_at.is_some_and(|t| t <= Instant::now()) {
            reload_at = None;
            app.reload();
            dirty |= matches!(app.screen, Screen::Menu);
        }
        let now = clock.to_session(Instant::now());
        let was_running = app.running().map(|r| (r.started, r.planned));
        app.tick(now);
        let visible = app.visible(now);
        if dirty || visible != last {
            tui.terminal.draw(|f| app.draw(f, now))?;
            dirty = false;
            last = visible;
        }
        if let (Some((started, planned)), Screen::Summary { summary, .. }) =
            (was_running, &app.screen)
            && !summary.quit
            && summary.paused.is_zero()
        {
            record_end(clock, started, planned);
        }
        let wake = match (app.deadline().map(|d| clock.to_real(d)), reload_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let timeout = wake.map(|t| t.saturating_duration_since(Instant::now()));
        let event = match events::wait(rx, timeout) {
            Wait::Event(e) => e,
            Wait::Timeout => continue,
            // Both threads gone: nothing can wake us any more.
            Wait::Closed => return Ok(()),
        };
        let now = clock.to_session(Instant::now());
        match event {
            Event::Terminal(TermEvent::Key(key)) => {
                let effect =
                    keys::action(app.context(), key).map_or(Effect::None, |a| app.act(a, now));
                dirty = true;
                match effect {
                    Effect::None => {}
                    Effect::Edit(path) => {
                        // The input thread is parked until `resume` below,
                        // so the editor alone reads the terminal.
                        let editor = edit::editor_command();
                        let result = tui.step_aside(|| {
                            events::handed_over(|| edit::run_editor(&editor, &path))
                        })?;
                        app.edited(result);
                    }
                    Effect::Exit | Effect::Interrupt => return Ok(()),
                    Effect::Suspend => tui.suspend()?,
                    Effect::Acknowledged => {
                        if let Err(e) = notice::acknowledge(data_dir) {
                            app.message = Some(format!(
                                "could not record that the safety notice was read: {e}"
                            ));
                        }
                    }
                }
                input.resume();
            }
            Event::Terminal(_) => {
                // A resize (or focus, paste, mouse): draw again at the new size.
                dirty = true;
                input.resume();
            }
            Event::RoutinesChanged => {
                reload_at.get_or_insert(Instant::now() + RELOAD_SETTLE);
            }
            Event::InputFailed(e) => return Err(Error::Terminal(e)),
            Event::Quit(sig) => return Err(Error::Signal(sig)),
            Event::Stop => {
                app.pause(now);
                tui.suspend()?;
                dirty = true;
            }
        }
    }
}

/// How long after a change on disk the files are read again.
const RELOAD_SETTLE: Duration = Duration::from_millis(100);

/// Records in the log (stderr, redirected) how far the end of an
/// uninterrupted session landed from its planned time, in real time.
fn record_end(clock: &VirtualClock, started: Instant, planned: Duration) {
    let drawn = Instant::now();
    let expected = clock.to_real(started + planned);
    let off_ms = if drawn >= expected {
        (drawn - expected).as_secs_f64() * 1e3
    } else {
        -(expected - drawn).as_secs_f64() * 1e3
    };
    eprintln!(
        "session end: planned {:.3} s at x{}, DONE drawn {off_ms:+.1} ms from the planned instant",
        planned.as_secs_f64(),
        clock.speed()
    );
}
