//! The app's state and what each action does to it. No terminal here: the
//! event loop feeds actions and instants in, and draws what this holds, so
//! the behaviour can be tested without a screen.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::Frame;

use crate::audio::Audio;
use crate::engine::{CUE_GRACE, Command, Label, Session, Summary};
use crate::paths::Paths;
use crate::routine::Routine;
use crate::store::{self, Catalog, Source};
use crate::ui::dialog::PromptView;
use crate::ui::menu::{self, Menu, MenuItem};
use crate::ui::session::{Footer, SessionScreen};
use crate::ui::{Action, Context, Theme, dialog, help, notice, summary};

mod editing;

use editing::Editing;
pub use editing::{Deleted, Prompt, PromptFor};

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Run the user's editor on this file with the terminal handed over,
    /// then report with [`App::edited`].
    Edit(PathBuf),
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
    /// Where routine files live, and what was found there last.
    paths: Paths,
    catalog: Catalog,
    /// The id prompt of `n` and `c` is up.
    pub prompt: Option<Prompt>,
    /// "Delete this routine?" is up for this id.
    pub confirm_delete: Option<String>,
    /// Deletes of this run, the last one last; `u` undoes them in turn.
    pub deleted: Vec<Deleted>,
    editing: Option<Editing>,
}

/// The menu's items from the catalog, by name (ignoring case), then by id.
pub fn menu_items(catalog: &Catalog) -> Vec<MenuItem> {
    let mut items: Vec<MenuItem> = catalog
        .entries
        .iter()
        .map(|e| MenuItem {
            id: e.id.clone(),
            name: e.name().to_string(),
            builtin: e.source == Source::Builtin,
            path: e.path.clone(),
            routine: e.routine.clone().map_err(|p| p.to_string()),
        })
        .collect();
    items.sort_by_cached_key(|i| (i.name.to_lowercase(), i.id.clone()));
    items
}

impl App {
    /// The menu shows `catalog`, loaded from `paths`, which edits and
    /// reloads use.
    pub fn new(
        paths: Paths,
        catalog: Catalog,
        audio: Audio,
        theme: Theme,
        speed: u32,
        show_notice: bool,
    ) -> App {
        App {
            menu: Menu::new(menu_items(&catalog)),
            paths,
            catalog,
            prompt: None,
            confirm_delete: None,
            deleted: Vec::new(),
            editing: None,
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
            Screen::Menu if self.prompt.is_some() => Context::Prompt,
            Screen::Menu if self.confirm_delete.is_some() => Context::ConfirmDelete,
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
        session.set_ticks(u32::from(self.audio.settings().tick_seconds));
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
        if let Screen::Session(run) = &self.screen
            && run.session.is_finished()
        {
            let summary = run.session.summary(now);
            let name = run.name.clone();
            self.screen = Screen::Summary { name, summary };
            self.help = false;
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
            Context::Prompt => return self.prompt_action(action),
            Context::ConfirmDelete => {
                let id = self.confirm_delete.take();
                if let (Some(id), Action::ConfirmDelete) = (id, action) {
                    self.delete(&id);
                }
            }
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
                // The routine selected in the filtered list stays selected.
                let keep = menu.selected_item().map(|i| i.id.clone());
                menu.filtering = false;
                menu.filter.clear();
                if let Some(id) = keep {
                    menu.select(&id);
                }
            }
            Action::Back => return Effect::Exit,
            Action::Start => self.start_selected(now),
            Action::Edit => return self.edit_selected(),
            Action::New => self.open_prompt(PromptFor::New, String::new()),
            Action::Copy => {
                if let Some(item) = menu.selected_item() {
                    let purpose = PromptFor::Copy {
                        id: item.id.clone(),
                        name: item.name.clone(),
                    };
                    let text = format!("{}-copy", item.id);
                    self.open_prompt(purpose, text);
                }
            }
            Action::Delete => match menu.selected_item() {
                Some(item) if item.builtin => {
                    self.message = Some("built-in routines cannot be deleted".into());
                }
                Some(item) => self.confirm_delete = Some(item.id.clone()),
                None => {}
            },
            Action::Undo => self.undo(),
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
            Screen::Menu => {
                menu::draw(frame, &self.menu, self.message.as_deref(), theme);
                self.draw_menu_dialogs(frame);
            }
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

    fn draw_menu_dialogs(&self, frame: &mut Frame) {
        if let Some(p) = &self.prompt {
            let question;
            let (title, confirm) = match &p.purpose {
                PromptFor::New => {
                    question = "Id of the new routine:".to_string();
                    ("New routine", "create and edit")
                }
                PromptFor::Copy { name, .. } => {
                    question = format!("Copy \"{name}\" as:");
                    ("Copy routine", "copy")
                }
            };
            let view = PromptView {
                title,
                question: &question,
                text: &p.text,
                error: p.error.as_deref(),
                confirm,
            };
            dialog::prompt(frame, &view, self.theme);
        }
        if let Some(id) = &self.confirm_delete
            && let Some(item) = self.menu.items().iter().find(|i| &i.id == id)
        {
            let file = item
                .path
                .file_name()
                .map_or(String::new(), |f| f.to_string_lossy().into_owned());
            let builtin_returns = store::builtin_text(id).is_some();
            dialog::confirm_delete(frame, &item.name, &file, builtin_returns, self.theme);
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
    use crate::edit::EditError;
    use crate::routine::{Exercise, Sides, Work};
    use std::fs;

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
        let paths = Paths {
            config_dir: "/nonexistent/limber-test/config".into(),
            data_dir: "/nonexistent/limber-test/data".into(),
        };
        let mut a = App::new(
            paths,
            Catalog::default(),
            Audio::silent(SoundSettings::default()),
            Theme::MONO,
            1,
            false,
        );
        a.menu = Menu::new(items);
        a
    }

    /// An app on real (temporary) directories, with the built-ins and
    /// `files` (id, text) as the user's routines.
    fn app_on_disk(files: &[(&str, &str)]) -> (tempfile::TempDir, App) {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = Paths {
            config_dir: dir.path().join("config"),
            data_dir: dir.path().join("data"),
        };
        fs::create_dir_all(paths.routines_dir()).expect("mkdir");
        for (id, text) in files {
            fs::write(paths.routines_dir().join(format!("{id}.toml")), text).expect("write");
        }
        let catalog = Catalog::load(&paths);
        let a = App::new(
            paths,
            catalog,
            Audio::silent(SoundSettings::default()),
            Theme::MONO,
            1,
            false,
        );
        (dir, a)
    }

    #[test]
    fn the_configured_ticking_seconds_reach_the_session() {
        use crate::audio::Recording;
        use crate::routine::{Exercise, Sides, Work};
        let recording = Recording::new();
        let settings = SoundSettings {
            tick_seconds: 5,
            ..SoundSettings::default()
        };
        let audio = Audio::with_output(settings, Box::new(recording.clone()), None);
        let paths = Paths {
            config_dir: "/nonexistent/limber-test/config".into(),
            data_dir: "/nonexistent/limber-test/data".into(),
        };
        let mut a = App::new(paths, Catalog::default(), audio, Theme::MONO, 1, false);
        let routine = Routine {
            name: "R".into(),
            description: None,
            exercises: vec![Exercise {
                name: "Hold".into(),
                instructions: None,
                work: Work::Hold(Duration::from_secs(10)),
                sets: 1,
                sides: Sides::None,
                rest: Duration::ZERO,
                prepare: Duration::ZERO,
            }],
        };
        let t0 = Instant::now();
        a.start("R".into(), routine, t0);
        for s in 0..=10 {
            a.tick(t0 + Duration::from_secs(s));
        }
        assert!(a.audio.flush(Duration::from_secs(5)), "audio thread stuck");
        let ticks = recording
            .names()
            .iter()
            .filter(|n| **n == "last-seconds")
            .count();
        assert_eq!(ticks, 5, "{:?}", recording.names());
    }

    const MINE: &str = "name = \"Mine\"\n[[exercise]]\nname = \"Hold it\"\nhold = \"30s\"\n";

    fn selected(a: &App) -> String {
        a.menu
            .selected_item()
            .map(|i| i.id.clone())
            .unwrap_or_default()
    }

    fn type_text(a: &mut App, text: &str) {
        for c in text.chars() {
            a.act(Action::PromptChar(c), Instant::now());
        }
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
        assert_eq!(selected(&a), "b", "the filtered choice stays selected");
        assert_eq!(a.act(Action::Back, t), Effect::Exit);
    }

    #[test]
    fn the_menu_is_sorted_by_name_ignoring_case() {
        let (_dir, a) = app_on_disk(&[
            (
                "zz",
                "name = \"apple stretch\"\n[[exercise]]\nname = \"x\"\nhold = 5\n",
            ),
            (
                "aa",
                "name = \"Zebra\"\n[[exercise]]\nname = \"x\"\nhold = 5\n",
            ),
        ]);
        let names: Vec<String> = a
            .menu
            .items()
            .iter()
            .map(|i| i.name.to_lowercase())
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert_eq!(a.menu.items().first().map(|i| i.id.as_str()), Some("zz"));
        assert_eq!(a.menu.items().last().map(|i| i.id.as_str()), Some("aa"));
    }

    #[test]
    fn new_routine_prompt_edits_validates_and_opens_the_editor() {
        let (_dir, mut a) = app_on_disk(&[("mine", MINE)]);
        let t = Instant::now();
        a.act(Action::New, t);
        assert_eq!(a.context(), Context::Prompt);
        type_text(&mut a, "my rout");
        a.act(Action::PromptBackspace, t);
        a.act(Action::PromptBackspace, t);
        assert_eq!(a.prompt.as_ref().unwrap().text, "my ro");
        // A space is not allowed: the prompt stays with the reason.
        assert_eq!(a.act(Action::PromptConfirm, t), Effect::None);
        let err = a.prompt.as_ref().unwrap().error.clone().unwrap();
        assert!(err.contains("cannot be a routine id"), "{err}");
        // Typing again clears the error.
        a.act(Action::PromptBackspace, t);
        assert_eq!(a.prompt.as_ref().unwrap().error, None);
        // An existing file is refused too, and left alone.
        for _ in 0..4 {
            a.act(Action::PromptBackspace, t);
        }
        type_text(&mut a, "mine");
        a.act(Action::PromptConfirm, t);
        let err = a.prompt.as_ref().unwrap().error.clone().unwrap();
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(
            fs::read_to_string(a.paths.routines_dir().join("mine.toml")).unwrap(),
            MINE
        );
        // A good id: the file is made, selected, and goes to the editor.
        for _ in 0..4 {
            a.act(Action::PromptBackspace, t);
        }
        type_text(&mut a, "fresh");
        let path = a.paths.routines_dir().join("fresh.toml");
        assert_eq!(a.act(Action::PromptConfirm, t), Effect::Edit(path.clone()));
        assert!(path.is_file());
        assert_eq!(a.prompt, None);
        assert_eq!(selected(&a), "fresh");
        // The editor leaves it as it is: said so, with where it was made.
        a.edited(Ok(()));
        let msg = a.message.clone().unwrap();
        assert!(msg.starts_with("unchanged: Fresh, 4 exercises"), "{msg}");
        assert!(msg.contains("created"), "{msg}");
    }

    #[test]
    fn esc_cancels_the_prompt_without_writing() {
        let (dir, mut a) = app_on_disk(&[]);
        let t = Instant::now();
        a.act(Action::New, t);
        type_text(&mut a, "nope");
        a.act(Action::Back, t);
        assert_eq!(a.context(), Context::Menu);
        assert!(!dir.path().join("config/routines/nope.toml").exists());
    }

    #[test]
    fn copy_is_prefilled_and_makes_a_user_routine() {
        let (_dir, mut a) = app_on_disk(&[("mine", MINE)]);
        let t = Instant::now();
        a.menu.select("mine");
        a.act(Action::Copy, t);
        assert_eq!(a.prompt.as_ref().unwrap().text, "mine-copy");
        assert_eq!(a.act(Action::PromptConfirm, t), Effect::None);
        assert_eq!(a.prompt, None);
        let copy = a.paths.routines_dir().join("mine-copy.toml");
        // The copy is named after its id, so the menu tells the two apart.
        assert_eq!(
            fs::read_to_string(copy).unwrap(),
            MINE.replace("\"Mine\"", "\"Mine copy\"")
        );
        assert_eq!(selected(&a), "mine-copy");
        assert!(
            a.message
                .as_deref()
                .unwrap()
                .contains("copied 'mine' to 'mine-copy'")
        );
    }

    #[test]
    fn delete_asks_first_keeps_a_backup_and_undo_puts_it_back() {
        let (_dir, mut a) = app_on_disk(&[("mine", MINE)]);
        let t = Instant::now();
        let file = a.paths.routines_dir().join("mine.toml");
        a.menu.select("mine");
        a.act(Action::Delete, t);
        assert_eq!(a.context(), Context::ConfirmDelete);
        // Anything but yes keeps it.
        a.act(Action::Back, t);
        assert_eq!(a.context(), Context::Menu);
        assert!(file.is_file());
        a.act(Action::Delete, t);
        a.act(Action::ConfirmDelete, t);
        assert!(!file.exists());
        assert!(a.menu.items().iter().all(|i| i.id != "mine"));
        let backup = a.deleted.last().unwrap().backup.clone();
        assert_eq!(fs::read_to_string(&backup).unwrap(), MINE);
        let msg = a.message.clone().unwrap();
        assert!(msg.contains(&backup.display().to_string()), "{msg}");
        assert!(a.menu.can_undo);
        a.act(Action::Undo, t);
        assert_eq!(fs::read_to_string(&file).unwrap(), MINE);
        assert_eq!(selected(&a), "mine");
        assert!(!a.menu.can_undo);
        a.act(Action::Undo, t);
        assert!(a.message.as_deref().unwrap().starts_with("nothing to undo"));
    }

    #[test]
    fn built_ins_cannot_be_deleted_and_edit_copies_them_first() {
        let (_dir, mut a) = app_on_disk(&[]);
        let t = Instant::now();
        let id = store::BUILTIN[0].0;
        a.menu.select(id);
        a.act(Action::Delete, t);
        assert_eq!(a.context(), Context::Menu);
        assert_eq!(
            a.message.as_deref(),
            Some("built-in routines cannot be deleted")
        );
        let user = a.paths.routines_dir().join(format!("{id}.toml"));
        assert_eq!(a.act(Action::Edit, t), Effect::Edit(user.clone()));
        assert_eq!(fs::read_to_string(&user).unwrap(), store::BUILTIN[0].1);
        // The editor rewrites it; the menu shows the user's copy.
        fs::write(&user, MINE).unwrap();
        a.edited(Ok(()));
        let msg = a.message.clone().unwrap();
        assert!(msg.starts_with("saved: Mine, 1 exercise, 0:"), "{msg}");
        assert!(msg.contains("now replaces it"), "{msg}");
        let item = a.menu.selected_item().unwrap();
        assert_eq!(item.id, id);
        assert!(!item.builtin);
    }

    #[test]
    fn an_invalid_edit_shows_the_first_error_and_keeps_the_file() {
        let (_dir, mut a) = app_on_disk(&[("mine", MINE)]);
        let t = Instant::now();
        a.menu.select("mine");
        let path = a.paths.routines_dir().join("mine.toml");
        assert_eq!(a.act(Action::Edit, t), Effect::Edit(path.clone()));
        let broken = MINE.replace("hold", "hodl");
        fs::write(&path, &broken).unwrap();
        a.edited(Ok(()));
        let msg = a.message.clone().unwrap();
        assert!(msg.starts_with("saved, but invalid: "), "{msg}");
        assert!(msg.contains("4:1"), "{msg}");
        assert_eq!(fs::read_to_string(&path).unwrap(), broken);
        assert!(a.menu.selected_item().unwrap().routine.is_err());
        // An editor that cannot start says so.
        a.act(Action::Edit, t);
        a.edited(Err(EditError::EditorStart {
            command: "nosuch".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        }));
        assert!(
            a.message
                .as_deref()
                .unwrap()
                .contains("cannot start the editor")
        );
    }

    #[test]
    fn a_reload_does_not_disturb_a_running_session() {
        let (_dir, mut a) = app_on_disk(&[("mine", MINE)]);
        let t = Instant::now();
        a.menu.select("mine");
        a.act(Action::Start, t);
        fs::remove_file(a.paths.routines_dir().join("mine.toml")).unwrap();
        a.reload();
        assert_eq!(a.running().map(|r| r.name.as_str()), Some("Mine"));
        assert!(a.menu.items().iter().all(|i| i.id != "mine"));
    }
}
