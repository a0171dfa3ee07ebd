//! The safety notice, shown on first run and on request from the help.

use ratatui::Frame;
use ratatui::text::Line;

use super::theme::Theme;
use super::widgets;

/// The notice, in limber's own words.
pub const SAFETY_NOTICE: [&str; 6] = [
    "limber is a timer that paces exercises. It does not diagnose or treat anything.",
    "Check with a doctor or physiotherapist before you start, above all if your pain is new, severe or getting worse.",
    "Move only into a mild, comfortable stretch. Stop an exercise that causes sharp pain, or that sends pain, tingling or numbness further down your leg.",
    "Get emergency help at once for numbness around the genitals or back passage, new trouble with bladder or bowels, or weakness in both legs.",
    "See a doctor if pain spreads, gets worse, or comes with numbness or weakness, and if back pain comes with fever, unexplained weight loss, a history of cancer, or severe pain at night.",
    "Press any key to continue.",
];

pub fn draw(frame: &mut Frame, theme: Theme) {
    if widgets::too_small(frame, theme) {
        return;
    }
    let mut lines = Vec::new();
    for (i, p) in SAFETY_NOTICE.iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        let style = if i == 0 || i == 3 {
            theme.title()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(*p, style));
    }
    let width = frame.area().width.saturating_sub(4).min(72);
    let lines = wrap_lines(lines, width.saturating_sub(4));
    widgets::dialog(frame, "Safety first", lines, theme);
}

/// Pre-wraps lines so the dialog can size itself to them.
fn wrap_lines(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(10));
    let mut out = Vec::new();
    for line in lines {
        let style = line.style;
        let text = line.to_string();
        if text.is_empty() {
            out.push(Line::raw(""));
            continue;
        }
        let mut current = String::new();
        for word in text.split_whitespace() {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                out.push(Line::styled(std::mem::take(&mut current), style));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(Line::styled(current, style));
    }
    out
}
