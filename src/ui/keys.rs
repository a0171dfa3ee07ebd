//! The one key map: every key the app reacts to becomes an [`Action`] here,
//! and nowhere else. What an action does is decided by the app and, for a
//! session, by the engine.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where the keys are being typed; the same key can mean different things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The first-run safety notice: any key acknowledges it.
    Notice,
    Menu,
    /// Typing a name filter in the menu.
    Filter,
    Session,
    /// "Quit this session?" is on screen.
    ConfirmQuit,
    /// Typing a routine id (new routine, copy) in the menu's prompt.
    Prompt,
    /// "Delete this routine?" is on screen.
    ConfirmDelete,
    Summary,
    Help,
}

/// Something the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // Anywhere.
    /// Ctrl-C: leave at once, as SIGINT would.
    Interrupt,
    /// Ctrl-Z: suspend to the shell.
    Suspend,
    Help,
    /// Close an overlay or a screen, or leave the app from the menu.
    Back,
    /// Any other key, where any key will do (notice, summary, help).
    Dismiss,
    // Menu.
    Up,
    Down,
    Start,
    BeginFilter,
    FilterChar(char),
    FilterBackspace,
    /// Keep the filter and go back to moving through the list.
    EndFilter,
    /// Open the selected routine in the user's editor.
    Edit,
    /// Create a new routine (asks for its id).
    New,
    /// Copy the selected routine under a new id (asks for it).
    Copy,
    /// Delete the selected user routine (asks first).
    Delete,
    ConfirmDelete,
    /// Put back the routine deleted last.
    Undo,
    // The id prompt (Esc is `Back`).
    PromptChar(char),
    PromptBackspace,
    PromptConfirm,
    // Session.
    TogglePause,
    NextExercise,
    PreviousExercise,
    Skip,
    RestartExercise,
    Extend,
    RepDone,
    SetDone,
    ToggleMute,
    /// `q` in a session: ask before quitting.
    AskQuit,
    ConfirmQuit,
    // Help.
    ShowSafetyNotice,
}

/// Maps a key press to an action. Only presses count: terminals that report
/// key releases (Windows) would otherwise act twice.
pub fn action(context: Context, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => return Some(Action::Interrupt),
        KeyCode::Char('z') if ctrl => return Some(Action::Suspend),
        _ if ctrl => return None,
        _ => {}
    }
    use Action as A;
    use KeyCode as K;
    match context {
        Context::Notice | Context::Summary => Some(A::Dismiss),
        Context::Help => Some(match key.code {
            K::Char('s') => A::ShowSafetyNotice,
            _ => A::Dismiss,
        }),
        Context::Menu => match key.code {
            K::Up | K::Char('k') => Some(A::Up),
            K::Down | K::Char('j') => Some(A::Down),
            K::Enter => Some(A::Start),
            K::Char('/') => Some(A::BeginFilter),
            K::Char('e') => Some(A::Edit),
            K::Char('n') => Some(A::New),
            K::Char('c') => Some(A::Copy),
            K::Char('D') => Some(A::Delete),
            K::Char('u') => Some(A::Undo),
            K::Char('?') => Some(A::Help),
            K::Char('q') | K::Esc => Some(A::Back),
            _ => None,
        },
        Context::Prompt => match key.code {
            K::Enter => Some(A::PromptConfirm),
            K::Esc => Some(A::Back),
            K::Backspace => Some(A::PromptBackspace),
            K::Char(c) => Some(A::PromptChar(c)),
            _ => None,
        },
        // A delete needs an explicit yes; Enter keeps the routine (y/N).
        Context::ConfirmDelete => match key.code {
            K::Char('y') | K::Char('Y') => Some(A::ConfirmDelete),
            _ => Some(A::Back),
        },
        Context::Filter => match key.code {
            K::Up => Some(A::Up),
            K::Down => Some(A::Down),
            K::Enter => Some(A::EndFilter),
            K::Esc => Some(A::Back),
            K::Backspace => Some(A::FilterBackspace),
            K::Char(c) => Some(A::FilterChar(c)),
            _ => None,
        },
        Context::Session => match key.code {
            K::Char(' ') => Some(A::TogglePause),
            K::Right | K::Char('n') | K::PageDown => Some(A::NextExercise),
            K::Left | K::Char('p') | K::PageUp => Some(A::PreviousExercise),
            K::Char('s') => Some(A::Skip),
            K::Char('r') => Some(A::RestartExercise),
            K::Char('+') => Some(A::Extend),
            K::Enter => Some(A::RepDone),
            K::Char('d') => Some(A::SetDone),
            K::Char('m') => Some(A::ToggleMute),
            K::Char('?') => Some(A::Help),
            K::Char('q') | K::Esc => Some(A::AskQuit),
            _ => None,
        },
        Context::ConfirmQuit => match key.code {
            K::Char('y') | K::Char('Y') | K::Char('q') | K::Enter => Some(A::ConfirmQuit),
            _ => Some(A::Back),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = press(KeyCode::Char(' '));
        k.kind = KeyEventKind::Release;
        k.state = KeyEventState::NONE;
        assert_eq!(action(Context::Session, k), None);
        k.kind = KeyEventKind::Press;
        assert_eq!(action(Context::Session, k), Some(Action::TogglePause));
    }

    #[test]
    fn presenter_remote_keys_move_between_exercises() {
        let s = Context::Session;
        assert_eq!(
            action(s, press(KeyCode::PageDown)),
            Some(Action::NextExercise)
        );
        assert_eq!(
            action(s, press(KeyCode::PageUp)),
            Some(Action::PreviousExercise)
        );
        assert_eq!(
            action(s, press(KeyCode::Char('n'))),
            Some(Action::NextExercise)
        );
        assert_eq!(
            action(s, press(KeyCode::Left)),
            Some(Action::PreviousExercise)
        );
    }

    #[test]
    fn control_keys_work_everywhere() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        for cx in [Context::Menu, Context::Session, Context::Filter] {
            assert_eq!(action(cx, ctrl('c')), Some(Action::Interrupt));
            assert_eq!(action(cx, ctrl('z')), Some(Action::Suspend));
        }
    }

    #[test]
    fn menu_keys() {
        let m = Context::Menu;
        assert_eq!(action(m, press(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(action(m, press(KeyCode::Char('k'))), Some(Action::Up));
        assert_eq!(action(m, press(KeyCode::Esc)), Some(Action::Back));
        assert_eq!(
            action(m, press(KeyCode::Char('/'))),
            Some(Action::BeginFilter)
        );
        assert_eq!(
            action(Context::Filter, press(KeyCode::Char('q'))),
            Some(Action::FilterChar('q'))
        );
    }

    #[test]
    fn menu_editing_keys_prompt_and_delete_confirmation() {
        let m = Context::Menu;
        assert_eq!(action(m, press(KeyCode::Char('e'))), Some(Action::Edit));
        assert_eq!(action(m, press(KeyCode::Char('n'))), Some(Action::New));
        assert_eq!(action(m, press(KeyCode::Char('c'))), Some(Action::Copy));
        assert_eq!(action(m, press(KeyCode::Char('u'))), Some(Action::Undo));
        assert_eq!(action(m, press(KeyCode::Char('d'))), None, "lower-case d");
        let shift_d = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::SHIFT);
        assert_eq!(action(m, shift_d), Some(Action::Delete));
        let p = Context::Prompt;
        assert_eq!(
            action(p, press(KeyCode::Char('q'))),
            Some(Action::PromptChar('q'))
        );
        assert_eq!(
            action(p, press(KeyCode::Enter)),
            Some(Action::PromptConfirm)
        );
        assert_eq!(
            action(p, press(KeyCode::Backspace)),
            Some(Action::PromptBackspace)
        );
        assert_eq!(action(p, press(KeyCode::Esc)), Some(Action::Back));
        let d = Context::ConfirmDelete;
        assert_eq!(
            action(d, press(KeyCode::Char('y'))),
            Some(Action::ConfirmDelete)
        );
        assert_eq!(action(d, press(KeyCode::Enter)), Some(Action::Back));
        assert_eq!(action(d, press(KeyCode::Char('n'))), Some(Action::Back));
    }
}
