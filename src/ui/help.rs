//! The help overlay: every key, for the menu and for a session.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets;

const MENU: [(&str, &str); 6] = [
    ("Up/Down j/k", "move through the list"),
    ("Enter", "start the selected routine"),
    ("/", "filter routines by name"),
    ("?", "this help"),
    ("q Esc", "quit"),
    ("Ctrl-Z", "suspend (fg to come back)"),
];

const SESSION: [(&str, &str); 11] = [
    ("Space", "pause / resume"),
    ("Right n PgDn", "next exercise"),
    ("Left p PgUp", "previous exercise"),
    ("s", "skip this phase"),
    ("r", "restart this exercise"),
    ("+", "add 10 seconds"),
    ("Enter", "rep done (counted reps)"),
    ("d", "set done (counted reps)"),
    ("m", "mute / unmute"),
    ("q Esc", "quit (asks first), then the summary"),
    ("Ctrl-Z", "suspend and pause (fg to resume)"),
];

fn section(title: &str, keys: &[(&str, &str)], theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(title.to_string(), theme.title())];
    for (k, what) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!("  {k:<13}"), theme.key()),
            Span::raw(what.to_string()),
        ]));
    }
    lines
}

pub fn draw(frame: &mut Frame, theme: Theme) {
    if widgets::too_small(frame, theme) {
        return;
    }
    let mut lines = section("Menu", &MENU, theme);
    lines.extend(section("Session", &SESSION, theme));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("s", theme.key()),
        Span::raw(" read the safety notice again   any other key: close"),
    ]));
    widgets::dialog(frame, "Help", lines, theme);
}
