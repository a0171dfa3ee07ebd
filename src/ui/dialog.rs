//! Small dialogs drawn over a screen.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets;

/// "Quit this session?" over the session screen.
pub fn confirm_quit(frame: &mut Frame, theme: Theme) {
    let lines = vec![
        Line::raw("Quit this session and see the summary?"),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw(" quit    "),
            Span::styled("any other key", theme.key()),
            Span::raw(" keep going"),
        ]),
    ];
    widgets::dialog(frame, "Quit?", lines, theme);
}

/// The one-line text prompt of the menu (a new routine's id, the id of a
/// copy): the question, what was typed so far with a cursor, and the last
/// error, which stays until the user types again.
pub struct PromptView<'a> {
    pub title: &'a str,
    pub question: &'a str,
    pub text: &'a str,
    pub error: Option<&'a str>,
    /// What Enter does: "create", "copy".
    pub confirm: &'a str,
}

/// Widest a prompt grows, so that long errors wrap rather than stretch it.
const PROMPT_WIDTH: u16 = 64;

pub fn prompt(frame: &mut Frame, view: &PromptView, theme: Theme) {
    let mut lines = vec![
        Line::raw(view.question.to_string()),
        Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::styled(format!("{}_", view.text), theme.title()),
        ]),
        Line::raw(""),
    ];
    match view.error {
        Some(e) => lines.push(Line::styled(e.to_string(), theme.error())),
        None => lines.push(Line::styled(
            "letters, digits, '-' and '_'; it becomes the file name".to_string(),
            theme.dim(),
        )),
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Enter", theme.key()),
        Span::raw(format!(" {}    ", view.confirm)),
        Span::styled("Esc", theme.key()),
        Span::raw(" cancel"),
    ]));
    widgets::dialog_wrapped(frame, view.title, lines, PROMPT_WIDTH, theme);
}

/// "Delete this routine?" over the menu. `file` is the file's name;
/// `builtin_returns` when the file shadows a built-in of the same id.
pub fn confirm_delete(
    frame: &mut Frame,
    name: &str,
    file: &str,
    builtin_returns: bool,
    theme: Theme,
) {
    let mut lines = vec![
        Line::styled(
            format!("Delete your routine \"{name}\" ({file})?"),
            theme.title(),
        ),
        Line::raw("A backup is kept; u in the menu puts it back."),
    ];
    if builtin_returns {
        lines.push(Line::raw(
            "The built-in routine it replaced comes back in the list.",
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("y", theme.key()),
        Span::raw(" delete    "),
        Span::styled("any other key", theme.key()),
        Span::raw(" keep it"),
    ]));
    widgets::dialog_wrapped(frame, "Delete?", lines, PROMPT_WIDTH, theme);
}
