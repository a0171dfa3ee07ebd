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
