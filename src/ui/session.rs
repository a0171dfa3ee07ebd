//! The session screen, laid out to be read from a mat two or three metres
//! away: the phase word, the side and the time left come first and large;
//! everything else is ordinary text that gives way when the window is small.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::font;
use super::theme::Theme;
use super::widgets::{self, bar};
use crate::engine::{Label, View};
use crate::routine::plan::clock;
use crate::routine::{PhaseKind, Work};

/// The footer's state: what the app knows besides the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footer<'a> {
    /// The audio side's own words, e.g. "sound off: no audio device".
    pub audio: &'a str,
    pub muted: bool,
    /// The latest warning or notice for the user, if any.
    pub message: Option<&'a str>,
    /// Session clock speed (1 = real time).
    pub speed: u32,
}

/// Everything the session screen shows.
#[derive(Debug, Clone)]
pub struct SessionScreen<'a> {
    pub view: &'a View<'a>,
    pub footer: Footer<'a>,
    pub theme: Theme,
}

/// The word of the phase under a pause, so a paused screen still says
/// what was interrupted.
fn phase_word(view: &View) -> Option<&'static str> {
    Some(match view.kind? {
        PhaseKind::Prepare => Label::GetReady.text(),
        PhaseKind::Rest => Label::Rest.text(),
        PhaseKind::SwitchSides => Label::SwitchSides.text(),
        PhaseKind::Work => match view.exercise.work {
            Work::Hold(_) => Label::Hold.text(),
            Work::Duration(_) => Label::Go.text(),
            Work::Reps { .. } => Label::Reps.text(),
        },
    })
}

/// The big number: seconds (or M:SS) left, or the rep count for manual reps.
fn big_number(view: &View) -> String {
    match (view.seconds_left, view.rep) {
        (Some(s), _) if s >= 3600 => clock(Duration::from_secs(s)),
        (Some(s), _) if s >= 60 => clock(Duration::from_secs(s)),
        (Some(s), _) => s.to_string(),
        (None, Some((i, n))) => format!("{i}/{n}"),
        (None, None) => String::new(),
    }
}

/// The second big line: the side and the tempo step, when there are any.
fn big_side(view: &View) -> String {
    let parts: Vec<&str> = [view.side.map(|s| s.label()), view.tempo.map(|t| t.label())]
        .into_iter()
        .flatten()
        .collect();
    parts.join("  ")
}

/// Rows given to each part of the screen.
#[derive(Debug, Default)]
struct Rows {
    header: u16,
    name: u16,
    label: u16,
    side: u16,
    digits: u16,
    info: u16,
    instructions: u16,
    phase_bar: u16,
    session_bar: u16,
    next: u16,
    status: u16,
    keys: u16,
}

impl Rows {
    fn total(&self) -> u16 {
        self.header
            + self.name
            + self.label
            + self.side
            + self.digits
            + self.info
            + self.instructions
            + self.phase_bar
            + self.session_bar
            + self.next
            + self.status
            + self.keys
    }
}

/// Shares out the height by priority: what matters from the floor first.
fn plan_rows(height: u16, has_side: bool, instruction_lines: u16, key_lines: u16) -> Rows {
    let mut r = Rows {
        header: 1,
        label: 1,
        digits: 1,
        info: 1,
        status: 1,
        ..Rows::default()
    };
    let big = font::height(font::Scale { sx: 1, sy: 1 });
    let steps: [&dyn Fn(&mut Rows) -> u16; 11] = [
        &|r| grow(&mut r.keys, 1),
        &|r| grow(&mut r.name, 1),
        &|r| grow(&mut r.phase_bar, 1),
        &|r| grow(&mut r.session_bar, 1),
        &|r| grow(&mut r.next, 1),
        &|r| grow(&mut r.digits, big),
        &|r| grow(&mut r.label, big),
        &|r| if has_side { grow(&mut r.side, big) } else { 0 },
        &|r| grow(&mut r.instructions, instruction_lines.min(3)),
        &|r| grow(&mut r.keys, key_lines),
        &|r| grow(&mut r.instructions, instruction_lines.min(5)),
    ];
    for step in steps {
        let mut trial = Rows { ..r };
        step(&mut trial);
        if trial.total() <= height {
            r = trial;
        }
    }
    // What is left makes the digits bigger.
    r.digits += height.saturating_sub(r.total());
    r
}

/// Sets `rows` to at least `to`; returns nothing useful (keeps steps uniform).
fn grow(rows: &mut u16, to: u16) -> u16 {
    *rows = (*rows).max(to);
    *rows
}

/// Draws `text` large when it fits the area, else as one bold line.
fn big_or_plain(frame: &mut Frame, area: Rect, text: &str, style: Style, max_sy: u16) {
    if area.height == 0 {
        return;
    }
    match font::fit(text, area.width, area.height, max_sy) {
        Some(scale) => {
            let lines = font::render(text, scale);
            let top = area.y + (area.height - font::height(scale)) / 2;
            let rect = Rect::new(area.x, top, area.width, font::height(scale));
            frame.render_widget(
                Paragraph::new(lines)
                    .style(style)
                    .alignment(Alignment::Center),
                rect,
            );
        }
        None => {
            let rect = Rect::new(area.x, area.y + area.height / 2, area.width, 1);
            frame.render_widget(
                Paragraph::new(text.to_string())
                    .style(style)
                    .alignment(Alignment::Center),
                rect,
            );
        }
    }
}

pub fn draw(frame: &mut Frame, screen: &SessionScreen) {
    let area = frame.area();
    if widgets::too_small(frame, screen.theme) {
        return;
    }
    let view = screen.view;
    let theme = screen.theme;
    let width = area.width;
    let instructions = view.exercise.instructions.as_deref().unwrap_or("").trim();
    let instruction_lines = widgets::wrapped_height(instructions, width.saturating_sub(4));
    let keys = key_spans(view, theme);
    let key_lines = widgets::wrapped_height(&widgets::plain(&keys), width);
    let side = big_side(view);
    let rows = plan_rows(area.height, !side.is_empty(), instruction_lines, key_lines);

    let mut y = area.y;
    let mut take = |n: u16| {
        let r = Rect::new(area.x, y, width, n);
        y += n;
        r
    };

    // Header: routine and exercise position; a clock running faster says so.
    let header = take(rows.header);
    let mut right = format!(
        "Exercise {}/{}",
        view.exercise_index + 1,
        view.exercise_count
    );
    if screen.footer.speed > 1 {
        right = format!("preview x{}  {right}", screen.footer.speed);
    }
    widgets::left_right(frame, header, view.routine_name, &right, theme.dim());

    let name = take(rows.name);
    frame.render_widget(
        Paragraph::new(view.exercise.name.as_str())
            .style(theme.title())
            .alignment(Alignment::Center),
        name,
    );

    let label_style = theme.phase(view.label);
    big_or_plain(frame, take(rows.label), view.label.text(), label_style, 2);
    big_or_plain(frame, take(rows.side), &side, theme.side(), 2);
    big_or_plain(frame, take(rows.digits), &big_number(view), label_style, 12);

    // Info: set, rep, tempo, side (again in words), and what a pause interrupted.
    // The phase word leads, in text too: for small windows, screen readers
    // and anyone who cannot tell the big letters apart.
    let mut info: Vec<String> = Vec::new();
    match phase_word(view) {
        Some(word) if view.paused => info.push(format!("PAUSED during {word}")),
        _ => info.push(view.label.text().to_string()),
    }
    if let Some(side) = view.side {
        info.push(side.label().to_string());
    }
    if let Some((i, n)) = view.set {
        info.push(format!("Set {i}/{n}"));
    }
    if let Some((i, n)) = view.rep {
        info.push(format!("Rep {i}/{n}"));
    }
    if let Some(t) = view.tempo {
        info.push(t.label().to_string());
    }
    if view.time_left.is_none() && view.rep.is_some() && !view.finished {
        info.push("Enter = rep done, d = set done".to_string());
    }
    frame.render_widget(
        Paragraph::new(info.join("  ·  "))
            .style(theme.title())
            .alignment(Alignment::Center),
        take(rows.info),
    );

    let instr = take(rows.instructions);
    frame.render_widget(
        Paragraph::new(instructions)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        Rect::new(
            instr.x + 2,
            instr.y,
            instr.width.saturating_sub(4),
            instr.height,
        ),
    );

    let phase_bar = take(rows.phase_bar);
    let phase_right = match (view.phase_length, view.time_left) {
        (Some(len), Some(left)) => {
            format!(" {} / {}", clock(len.saturating_sub(left)), clock(len))
        }
        _ => String::new(),
    };
    bar(
        frame,
        phase_bar,
        "phase   ",
        view.phase_progress,
        &phase_right,
        theme.gauge(view.label),
    );
    let session_bar = take(rows.session_bar);
    let total = view.elapsed + view.remaining;
    let share = if total.is_zero() {
        1.0
    } else {
        view.elapsed.as_secs_f64() / total.as_secs_f64()
    };
    // Time done rounds down and time left rounds up, like the big countdown,
    // so the two add up to the planned total and "0:00 left" means the end.
    let session_right = format!(
        " {} done · {} left",
        clock(view.elapsed),
        clock(ceil_seconds(view.remaining))
    );
    bar(
        frame,
        session_bar,
        "session ",
        share,
        &session_right,
        theme.dim(),
    );

    let next = match view.next_exercise {
        Some(n) => format!("Next: {n}"),
        None => "Next: (last exercise)".to_string(),
    };
    frame.render_widget(Paragraph::new(next), take(rows.next));

    let status = take(rows.status);
    footer_status(frame, status, &screen.footer, theme);
    let keys_area = Rect::new(area.x, area.bottom() - rows.keys, width, rows.keys);
    // When the hints do not fit, the essentials: how to pause, get help, quit.
    let keys = if key_lines > rows.keys {
        let pause = if view.paused { "resume" } else { "pause" };
        widgets::key_hints(&[("Space", pause), ("?", "help"), ("q", "quit")], theme)
    } else {
        keys
    };
    frame.render_widget(
        Paragraph::new(Line::from(keys)).wrap(Wrap { trim: true }),
        keys_area,
    );
}

/// The status line: a warning when there is one, else the sound state.
fn footer_status(frame: &mut Frame, area: Rect, footer: &Footer, theme: Theme) {
    let sound = if footer.muted {
        "muted (m to unmute)".to_string()
    } else {
        footer.audio.to_string()
    };
    match footer.message {
        Some(msg) => widgets::left_right(frame, area, msg, &sound, theme.warning()),
        None => widgets::left_right(frame, area, "", &sound, theme.dim()),
    }
}

/// The key hints for the current phase.
fn key_spans(view: &View, theme: Theme) -> Vec<Span<'static>> {
    let mut pairs: Vec<(&str, &str)> =
        vec![("Space", if view.paused { "resume" } else { "pause" })];
    if view.time_left.is_none() && view.rep.is_some() {
        pairs.push(("Enter", "rep"));
    }
    pairs.extend([
        ("n", "next"),
        ("p", "prev"),
        ("s", "skip"),
        ("r", "restart"),
        ("+", "10s"),
        ("m", "mute"),
        ("?", "help"),
        ("q", "quit"),
    ]);
    widgets::key_hints(&pairs, theme)
}

/// `d` rounded up to whole seconds.
fn ceil_seconds(d: Duration) -> Duration {
    Duration::from_secs(d.as_secs() + u64::from(d.subsec_nanos() > 0))
}
