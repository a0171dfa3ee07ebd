//! Small drawing helpers shared by the screens.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::theme::Theme;

/// Below this size only a short "enlarge the window" message is drawn.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Draws the "enlarge the window" message when the frame is below the
/// minimum size, and says whether it did.
pub fn too_small(frame: &mut Frame, theme: Theme) -> bool {
    let area = frame.area();
    if area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT {
        return false;
    }
    let text = vec![
        Line::styled("Enlarge the window", theme.warning()),
        Line::from(format!(
            "{}x{}, need {MIN_WIDTH}x{MIN_HEIGHT}",
            area.width, area.height
        )),
    ];
    let y = area.y + area.height.saturating_sub(2) / 2;
    let rect = Rect::new(area.x, y, area.width, area.height.min(2));
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
    true
}

/// Lines `text` takes when word-wrapped to `width` columns (greedy, as the
/// paragraph widget wraps), counting explicit line breaks.
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut lines = 0usize;
    for para in text.lines() {
        let mut used = 0usize;
        lines += 1;
        for word in para.split_whitespace() {
            let w = word.chars().count();
            if used == 0 {
                used = w;
            } else if used + 1 + w <= width {
                used += 1 + w;
            } else {
                lines += 1;
                used = w;
            }
            while used > width {
                lines += 1;
                used -= width;
            }
        }
    }
    u16::try_from(lines).unwrap_or(u16::MAX)
}

/// The text of some spans, for measuring.
pub fn plain(spans: &[Span]) -> String {
    spans.iter().map(|s| s.content.as_ref()).collect()
}

/// One line with text at the left and text at the right.
pub fn left_right(frame: &mut Frame, area: Rect, left: &str, right: &str, style: Style) {
    if area.height == 0 {
        return;
    }
    let left_width = left.chars().count();
    let mut right_width = u16::try_from(right.chars().count())
        .unwrap_or(u16::MAX)
        .min(area.width);
    // The right text gives way when both do not fit with a space between.
    if !left.is_empty() && left_width + 1 + usize::from(right_width) > usize::from(area.width) {
        right_width = 0;
    }
    let left_area = Rect::new(area.x, area.y, area.width - right_width, 1);
    let right_area = Rect::new(area.right() - right_width, area.y, right_width, 1);
    frame.render_widget(Paragraph::new(left.to_string()).style(style), left_area);
    frame.render_widget(
        Paragraph::new(right.to_string())
            .style(style)
            .alignment(Alignment::Right),
        right_area,
    );
}

/// A progress bar drawn in text: `title [█████░░░░] right`. The filled and
/// empty parts differ in shape, not only colour.
pub fn bar(frame: &mut Frame, area: Rect, title: &str, share: f64, right: &str, style: Style) {
    if area.height == 0 {
        return;
    }
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let fixed = title.chars().count() + right.chars().count();
    let cells = usize::from(area.width).saturating_sub(fixed);
    let filled = ((cells as f64) * share).round() as usize;
    let line = Line::from(vec![
        Span::raw(title.to_string()),
        Span::styled("█".repeat(filled), style),
        Span::styled("░".repeat(cells - filled), style),
        Span::raw(right.to_string()),
    ]);
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
}

/// Key hints as styled spans: `key action  key action ...`.
pub fn key_hints(pairs: &[(&str, &str)], theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, (key, what)) in pairs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key.to_string(), theme.key()));
        spans.push(Span::raw(format!(" {what}")));
    }
    spans
}

/// A bordered box centred in the frame, cleared first, for dialogs.
pub fn dialog(frame: &mut Frame, title: &str, lines: Vec<Line<'static>>, theme: Theme) {
    let area = frame.area();
    let width = box_width(title, &lines).min(area.width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    centred_box(frame, title, lines, (width, height), false, theme);
}

/// Like [`dialog`], but at most `max_width` columns wide: longer lines wrap
/// and the box grows in height to hold them.
pub fn dialog_wrapped(
    frame: &mut Frame,
    title: &str,
    lines: Vec<Line<'static>>,
    max_width: u16,
    theme: Theme,
) {
    let area = frame.area();
    let width = box_width(title, &lines).min(max_width).min(area.width);
    let inner = width.saturating_sub(2);
    let rows: u16 = lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_height(&text, inner).max(1)
        })
        .fold(0u16, u16::saturating_add);
    let height = rows.saturating_add(2).min(area.height);
    centred_box(frame, title, lines, (width, height), true, theme);
}

/// Width a dialog needs for its widest line and its title, borders included.
fn box_width(title: &str, lines: &[Line<'static>]) -> u16 {
    let content_width = lines.iter().map(Line::width).max().unwrap_or(0);
    u16::try_from(content_width + 4)
        .unwrap_or(u16::MAX)
        .max(title.chars().count() as u16 + 4)
}

/// Draws `lines` in a titled box of `size` (no larger than the frame),
/// centred and cleared first.
fn centred_box(
    frame: &mut Frame,
    title: &str,
    lines: Vec<Line<'static>>,
    (width, height): (u16, u16),
    trim: bool,
    theme: Theme,
) {
    let area = frame.area();
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = ratatui::widgets::Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.title()))
        .border_type(ratatui::widgets::BorderType::Plain);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim }), rect);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_height_counts_lines_and_long_words() {
        assert_eq!(wrapped_height("", 10), 0);
        assert_eq!(wrapped_height("one two", 10), 1);
        assert_eq!(wrapped_height("one two three", 8), 2);
        assert_eq!(wrapped_height("a\nb", 10), 2);
        assert_eq!(wrapped_height("abcdefghijkl", 5), 3);
    }
}
