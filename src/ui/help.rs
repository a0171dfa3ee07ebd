//! The help overlay: every key, for the menu and for a session. It must
//! fit 80x24, so related keys share a line.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets;

const MENU: [(&str, &str); 7] = [
    ("Up/Down j/k", "move through the list"),
    ("Enter", "start the selected routine"),
    ("/", "filter routines by name"),
    ("e", "edit in your editor (a built-in: a copy)"),
    ("n  c", "new routine, copy the selected one"),
    ("D  u", "delete (asks first), undo the delete"),
    ("q Esc", "quit"),
];

const SESSION: [(&str, &str); 9] = [
    ("Space", "pause / resume"),
    ("Right n PgDn", "next exercise"),
    ("Left p PgUp", "previous exercise"),
    ("s", "skip this phase"),
    ("r", "restart this exercise"),
    ("+", "add 10 seconds"),
    ("Enter  d", "rep done / set done (counted reps)"),
    ("m", "mute / unmute"),
    ("q Esc", "quit (asks first), then the summary"),
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
        Span::styled("Ctrl-Z", theme.key()),
        Span::raw(" suspend; a session pauses (fg to come back)"),
    ]));
    lines.push(Line::from(vec![
        Span::styled("s", theme.key()),
        Span::raw(" read the safety notice again   any other key: close"),
    ]));
    widgets::dialog(frame, "Help", lines, theme);
}
