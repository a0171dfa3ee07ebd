//! The app's state and what each action does to it. No terminal here: the
//! event loop feeds actions and instants in, and draws what this holds, so
//! the behaviour can be tested without a screen.

use std::time::{Duration, Instant};

use ratatui::Frame;

use crate::audio::Audio;
use crate::engine::{CUE_GRACE, Command, Label, Session, Summary};
use crate::routine::Routine;
use crate::store::{Catalog, Source};
use crate::ui::menu::{self, Menu, MenuItem};
use crate::ui::session::{Footer, SessionScreen};
use crate::ui::{Action, Context, Theme, dialog, help, notice, summary};

/// A running session and what the screen adds to it.
pub struct Running {
    pub session: Session,
    pub name: String,
    /// Session instant it started at, and its planned length (for the
    /// end-accuracy record).
    pub started: Instant,
    pub planned: Duration,
    /// "Quit this session?" is up.
    pub confirm_quit: bool,
}

pub enum Screen {
    Menu,
    Session(Box<Running>),
    Summary { name: String, summary: Summary },
}

/// What the event loop must do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Leave the app normally.
    Exit,
    /// Ctrl-C: leave at once.
    Interrupt,
    /// Ctrl-Z: suspend the process (the session is already paused).
    Suspend,
    /// The safety notice was acknowledged for the first time: remember it.
    Acknowledged,
}

pub struct App {
    pub menu: Menu,
    pub screen: Screen,
    pub help: bool,
    /// The safety notice is up.
    pub notice: bool,
    /// Acknowledging the notice records it (first run).
    notice_first_run: bool,
    /// The latest warning for the user (audio, catalog, a routine that
    /// cannot start).
    pub message: Option<String>,
    pub audio: Audio,
    pub theme: Theme,
    speed: u32,
    /// A routine to start once the safety notice is acknowledged.
    pub pending: Option<(String, Routine)>,
}

/// The menu's items from the catalog.
pub fn menu_items(catalog: &Catalog) -> Vec<MenuItem> {
    catalog
        .entries
        .iter()
        .map(|e| MenuItem {
            id: e.id.clone(),
            name: e.name().to_string(),
            builtin: e.source == Source::Builtin,
            path: e.path.clone(),
            routine: e.routine.clone().map_err(|p| p.to_string()),
        })
        .collect()
}

impl App {
    pub fn new(menu: Menu, audio: Audio, theme: Theme, speed: u32, show_notice: bool) -> App {
        App {
            menu,
            screen: Screen::Menu,
            help: false,
            notice: show_notice,
            notice_first_run: show_notice,
            message: None,
            audio,
            theme,
            speed: speed.max(1),
            pending: None,
        }
    }

    /// Where keys are typed now.
    pub fn context(&self) -> Context {
        if self.notice {
            return Context::Notice;
        }
        if self.help {
            return Context::Help;
        }
        match &self.screen {
            Screen::Menu if self.menu.filtering => Context::Filter,
            Screen::Menu => Context::Menu,
            Screen::Session(r) if r.confirm_quit => Context::ConfirmQuit,
            Screen::Session(_) => Context::Session,
            Screen::Summary { .. } => Context::Summary,
        }
    }

    /// Starts `routine` at session instant `now`.
    pub fn start(&mut self, name: String, routine: Routine, now: Instant) {
        let planned = crate::routine::planned(&routine).total;
        let mut session = Session::new(routine, now);
        session.set_cue_grace(CUE_GRACE.saturating_mul(self.speed));
        self.screen = Screen::Session(Box::new(Running {
            session,
            name,
            started: now,
            planned,
            confirm_quit: false,
        }));
        self.help = false;
        self.tick(now);
    }

    /// Moves the session to `now`, plays its cues, and shows the summary
    /// once it has finished.
    pub fn tick(&mut self, now: Instant) {
        if let Screen::Session(run) = &mut self.screen {
            for cue in run.session.advance(now) {
                self.audio.play(cue);
            }
            self.finish_if_done(now);
        }
        self.collect_warnings();
    }

    fn collect_warnings(&mut self) {
        if let Some(w) = self.audio.take_warnings().pop() {
            self.message = Some(w);
        }
    }

    fn finish_if_done(&mut self, now: Instant) {
        if let Screen::Session(run) = &self.screen {
            if run.session.is_finished() {
                let summary = run.session.summary(now);
                let name = run.name.clone();
                self.screen = Screen::Summary { name, summary };
                self.help = false;
            }
        }
    }

    /// The next session instant at which something is due (None: nothing
    /// until input arrives).
    pub fn deadline(&self) -> Option<Instant> {
        match &self.screen {
            Screen::Session(run) => run.session.next_deadline(),
            _ => None,
        }
    }

    /// True while a session runs (it must be paused before a suspend).
    pub fn pause(&mut self, now: Instant) {
        if let Screen::Session(run) = &mut self.screen {
            for cue in run.session.command(Command::Pause, now) {
                self.audio.play(cue);
            }
        }
    }

    fn session_command(&mut self, cmd: Command, now: Instant) {
        if let Screen::Session(run) = &mut self.screen {
            for cue in run.session.command(cmd, now) {
                self.audio.play(cue);
            }
        }
        self.finish_if_done(now);
    }

    /// Applies one action at session instant `now`.
    pub fn act(&mut self, action: Action, now: Instant) -> Effect {
        match action {
            Action::Interrupt => return Effect::Interrupt,
            Action::Suspend => {
                self.pause(now);
                return Effect::Suspend;
            }
            _ => {}
        }
        match self.context() {
            Context::Notice => {
                self.notice = false;
                if let Some((name, routine)) = self.pending.take() {
                    self.start(name, routine, now);
                }
                if std::mem::take(&mut self.notice_first_run) {
                    return Effect::Acknowledged;
                }
            }
            Context::Help => {
                self.help = false;
                if action == Action::ShowSafetyNotice {
                    self.notice = true;
                }
            }
            Context::Summary => self.screen = Screen::Menu,
            Context::ConfirmQuit => {
                if let Screen::Session(run) = &mut self.screen {
                    run.confirm_quit = false;
                }
                if action == Action::ConfirmQuit {
                    self.session_command(Command::Quit, now);
                }
            }
            Context::Session => self.session_action(action, now),
            Context::Menu | Context::Filter => return self.menu_action(action, now),
        }
        Effect::None
    }

    fn session_action(&mut self, action: Action, now: Instant) {
        let cmd = match action {
            Action::TogglePause => Command::TogglePause,
            Action::NextExercise => Command::NextExercise,
            Action::PreviousExercise => Command::PreviousExercise,
            Action::Skip => Command::Skip,
            Action::RestartExercise => Command::RestartExercise,
            Action::Extend => Command::Extend,
            Action::RepDone => Command::RepDone,
            Action::SetDone => Command::SetDone,
            Action::ToggleMute => {
                let muted = !self.audio.is_muted();
                self.audio.set_muted(muted);
                return;
            }
            Action::Help => {
                self.help = true;
                return;
            }
            Action::AskQuit => {
                if let Screen::Session(run) = &mut self.screen {
                    run.confirm_quit = true;
                }
                return;
            }
            _ => return,
        };
        self.session_command(cmd, now);
    }

    fn menu_action(&mut self, action: Action, now: Instant) -> Effect {
        // A message about the last attempt goes once the user moves on.
        if matches!(action, Action::Up | Action::Down | Action::BeginFilter) {
            self.message = None;
        }
        let menu = &mut self.menu;
        match action {
            Action::Up => menu.up(),
            Action::Down => menu.down(),
            Action::Help => self.help = true,
            Action::BeginFilter => menu.filtering = true,
            Action::FilterChar(c) => menu.push_filter(c),
            Action::FilterBackspace => menu.pop_filter(),
            Action::EndFilter => menu.filtering = false,
            Action::Back if menu.filtering => {
                menu.filtering = false;
                menu.filter.clear();
                let keep = menu.selected_item().map(|i| i.id.clone());
                if let Some(id) = keep {
                    menu.select(&id);
                }
            }
            Action::Back => return Effect::Exit,
            Action::Start => self.start_selected(now),
            _ => {}
        }
        Effect::None
    }

    fn start_selected(&mut self, now: Instant) {
        let Some(item) = self.menu.selected_item() else {
            return;
        };
        match &item.routine {
            Ok(r) => {
                let (name, routine) = (r.name.clone(), r.clone());
                self.message = None;
                self.start(name, routine, now);
            }
            Err(e) => {
                self.message = Some(format!(
                    "'{}' is invalid and cannot be started: {e}",
                    item.id
                ));
            }
        }
    }

    /// Draws the whole screen for session instant `now`. Pure: reads state only.
    pub fn draw(&self, frame: &mut Frame, now: Instant) {
        let theme = self.theme;
        match &self.screen {
            Screen::Menu => menu::draw(frame, &self.menu, self.message.as_deref(), theme),
            Screen::Session(run) => {
                let view = run.session.view(now);
                let status = self.audio.status();
                let screen = SessionScreen {
                    view: &view,
                    footer: Footer {
                        audio: &status,
                        muted: self.audio.is_muted(),
                        message: self.message.as_deref(),
                        speed: self.speed,
                    },
                    theme,
                };
                crate::ui::session::draw(frame, &screen);
                if run.confirm_quit {
                    dialog::confirm_quit(frame, theme);
                }
            }
            Screen::Summary { name, summary } => summary::draw(frame, name, summary, theme),
        }
        if self.help {
            help::draw(frame, theme);
        }
        if self.notice {
            notice::draw(frame, theme);
        }
    }

    /// What is on screen, in a form cheap to compare: the loop redraws only
    /// when this changes (or on input and resize).
    pub fn visible(&self, now: Instant) -> Option<Visible> {
        let Screen::Session(run) = &self.screen else {
            return None;
        };
        let v = run.session.view(now);
        Some(Visible {
            exercise: v.exercise_index,
            label: v.label,
            side: v.side.map(|s| s.label()),
            set: v.set,
            rep: v.rep,
            tempo: v.tempo.map(|t| t.label()),
            seconds_left: v.seconds_left,
            per_mille: (v.phase_progress * 1000.0) as u32,
            elapsed: v.elapsed.as_secs(),
            remaining: v.remaining.as_secs(),
            audio: self.audio.status(),
        })
    }

    /// The routine name of the running session, if any.
    pub fn running(&self) -> Option<&Running> {
        match &self.screen {
            Screen::Session(r) => Some(r),
            _ => None,
        }
    }
}

/// See [`App::visible`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visible {
    exercise: usize,
    label: Label,
    side: Option<&'static str>,
    set: Option<(u32, u32)>,
    rep: Option<(u32, u32)>,
    tempo: Option<&'static str>,
    seconds_left: Option<u64>,
    per_mille: u32,
    elapsed: u64,
    remaining: u64,
    audio: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::SoundSettings;
    use crate::routine::{Exercise, Sides, Work};

    fn routine() -> Routine {
        Routine {
            name: "R".into(),
            description: None,
            exercises: vec![Exercise {
                name: "E".into(),
                instructions: None,
                work: Work::Hold(Duration::from_secs(30)),
                sets: 1,
                sides: Sides::Both,
                rest: Duration::ZERO,
                prepare: Duration::from_secs(5),
            }],
        }
    }

    fn app(items: Vec<MenuItem>) -> App {
        App::new(
            Menu::new(items),
            Audio::silent(SoundSettings::default()),
            Theme::MONO,
            1,
            false,
        )
    }

    fn item(id: &str, routine: Result<Routine, String>) -> MenuItem {
        MenuItem {
            id: id.into(),
            name: id.into(),
            builtin: false,
            path: format!("/r/{id}.toml").into(),
            routine,
        }
    }

    #[test]
    fn an_invalid_routine_does_not_start_and_says_why() {
        let mut a = app(vec![item("bad", Err("3:1: oops".into()))]);
        let t = Instant::now();
        assert_eq!(a.act(Action::Start, t), Effect::None);
        assert!(matches!(a.screen, Screen::Menu));
        assert!(a.message.as_deref().unwrap().contains("3:1: oops"));
        a.act(Action::Down, t);
        assert_eq!(a.message, None);
    }

    #[test]
    fn quit_needs_confirmation_and_ends_in_the_summary_then_the_menu() {
        let mut a = app(vec![item("ok", Ok(routine()))]);
        let t = Instant::now();
        a.act(Action::Start, t);
        assert_eq!(a.context(), Context::Session);
        a.act(Action::AskQuit, t);
        assert_eq!(a.context(), Context::ConfirmQuit);
        a.act(Action::Back, t);
        assert_eq!(a.context(), Context::Session);
        a.act(Action::AskQuit, t);
        a.act(Action::ConfirmQuit, t + Duration::from_secs(2));
        let Screen::Summary { summary, .. } = &a.screen else {
            panic!("no summary");
        };
        assert!(summary.quit);
        a.act(Action::Dismiss, t);
        assert_eq!(a.context(), Context::Menu);
    }

    #[test]
    fn suspend_pauses_the_session_and_a_finished_session_shows_the_summary() {
        let mut a = app(vec![item("ok", Ok(routine()))]);
        let t = Instant::now();
        a.act(Action::Start, t);
        assert_eq!(a.act(Action::Suspend, t), Effect::Suspend);
        assert_eq!(a.deadline(), None, "paused: nothing to wake for");
        a.act(Action::TogglePause, t);
        // 5 s prepare + 30 s left + 5 s switch + 30 s right.
        a.tick(t + Duration::from_secs(71));
        assert!(matches!(a.screen, Screen::Summary { .. }));
    }

    #[test]
    fn esc_in_the_menu_filter_clears_it_and_q_quits() {
        let mut a = app(vec![item("a", Ok(routine())), item("b", Ok(routine()))]);
        let t = Instant::now();
        a.act(Action::BeginFilter, t);
        a.act(Action::FilterChar('b'), t);
        assert_eq!(a.menu.visible().len(), 1);
        assert_eq!(a.act(Action::Back, t), Effect::None);
        assert_eq!(a.menu.visible().len(), 2);
        assert_eq!(a.act(Action::Back, t), Effect::Exit);
    }
}
