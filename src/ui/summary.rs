//! The summary shown when a session ends or is quit.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::font;
use super::theme::Theme;
use super::widgets;
use crate::engine::{Label, Summary};
use crate::routine::plan::clock;

pub fn draw(frame: &mut Frame, routine_name: &str, summary: &Summary, theme: Theme) {
    if widgets::too_small(frame, theme) {
        return;
    }
    let area = frame.area();
    let style = theme.phase(Label::Done);
    let title = Label::Done.text();
    let mut lines: Vec<Line> = Vec::new();
    match font::fit(title, area.width, area.height.saturating_sub(10), 2) {
        Some(scale) => {
            lines.extend(
                font::render(title, scale)
                    .into_iter()
                    .map(|l| l.style(style)),
            );
        }
        None => lines.push(Line::styled(title, style)),
    }
    lines.push(Line::raw(""));
    let ending = if summary.quit {
        "Session ended early"
    } else {
        "Session complete"
    };
    lines.push(Line::styled(
        format!("{ending}: {routine_name}"),
        theme.title(),
    ));
    lines.push(Line::raw(""));
    // The figures as a left-aligned block in the middle: padded to one width.
    let figures = [
        format!("Time active   {}", clock(summary.active)),
        format!("Time paused   {}", clock(summary.paused)),
        format!(
            "Exercises     {} completed, {} skipped, {} cut short (of {})",
            summary.completed, summary.skipped, summary.cut_short, summary.exercises
        ),
    ];
    let width = figures.iter().map(|f| f.chars().count()).max().unwrap_or(0);
    lines.extend(figures.iter().map(|f| Line::raw(format!("{f:<width$}"))));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Press any key to return to the menu",
        theme.dim(),
    ));
    let height = (lines.len() as u16).min(area.height);
    let top = area.y + (area.height - height) / 2;
    frame.render_widget(
        Paragraph::new(lines).alignment(Alignment::Center),
        Rect::new(area.x, top, area.width, height),
    );
}
