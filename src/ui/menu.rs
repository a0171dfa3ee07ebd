//! The routine menu: a filterable list and a preview of the selected routine.
//! The list's contents are replaceable at any time ([`Menu::set_items`]), so
//! a reload after an edit or a change on disk keeps the user's place.

use std::path::PathBuf;
use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use super::theme::Theme;
use super::widgets;
use crate::routine::{Routine, Sides, Work, planned};

/// One routine in the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuItem {
    /// The file stem; what `limber run ID` takes.
    pub id: String,
    pub name: String,
    pub builtin: bool,
    pub path: PathBuf,
    /// The routine, or why its file is invalid ("LINE:COL: MESSAGE").
    pub routine: Result<Routine, String>,
}

/// The menu's state: items, name filter, selection.
#[derive(Debug, Clone, Default)]
pub struct Menu {
    items: Vec<MenuItem>,
    /// Index into [`Menu::visible`].
    selected: usize,
    pub filter: String,
    /// True while the user is typing the filter.
    pub filtering: bool,
    /// A delete can be undone: the footer shows `u`.
    pub can_undo: bool,
}

impl Menu {
    pub fn new(items: Vec<MenuItem>) -> Menu {
        Menu {
            items,
            ..Menu::default()
        }
    }

    pub fn items(&self) -> &[MenuItem] {
        &self.items
    }

    /// Replaces the items (after a reload), keeping the selected routine
    /// selected when it still exists.
    pub fn set_items(&mut self, items: Vec<MenuItem>) {
        let keep = self.selected_item().map(|i| i.id.clone());
        self.items = items;
        self.selected = keep
            .and_then(|id| self.visible().iter().position(|&i| self.items[i].id == id))
            .unwrap_or(0);
        self.clamp();
    }

    /// Indices of the items whose name (or id) contains the filter, ignoring case.
    pub fn visible(&self) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        (0..self.items.len())
            .filter(|&i| {
                let item = &self.items[i];
                needle.is_empty()
                    || item.name.to_lowercase().contains(&needle)
                    || item.id.to_lowercase().contains(&needle)
            })
            .collect()
    }

    pub fn selected_item(&self) -> Option<&MenuItem> {
        self.visible().get(self.selected).map(|&i| &self.items[i])
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected += 1;
        self.clamp();
    }

    /// Selects the item with this id, if it is visible.
    pub fn select(&mut self, id: &str) {
        if let Some(p) = self.visible().iter().position(|&i| self.items[i].id == id) {
            self.selected = p;
        }
    }

    pub fn push_filter(&mut self, c: char) {
        self.filter.push(c);
        self.selected = 0;
    }

    pub fn pop_filter(&mut self) {
        self.filter.pop();
        self.clamp();
    }

    fn clamp(&mut self) {
        let n = self.visible().len();
        self.selected = self.selected.min(n.saturating_sub(1));
    }
}

/// `30s`, `1m30s`, `2m`, `1.5s`: short, as in routine files.
pub fn short_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if !ms.is_multiple_of(1000) {
        return format!("{}s", d.as_secs_f64());
    }
    let s = d.as_secs();
    match (s / 60, s % 60) {
        (0, s) => format!("{s}s"),
        (m, 0) => format!("{m}m"),
        (m, s) => format!("{m}m{s}s"),
    }
}

fn sides_words(sides: Sides) -> Option<&'static str> {
    match sides {
        Sides::None => None,
        Sides::Left => Some("left side"),
        Sides::Right => Some("right side"),
        Sides::Both => Some("each side, left first"),
        Sides::Alternate => Some("sides alternating"),
    }
}

/// The preview pane's lines for a valid routine.
fn preview(item: &MenuItem, routine: &Routine, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(routine.name.clone(), theme.title())];
    let source = if item.builtin { "built-in" } else { "yours" };
    lines.push(Line::styled(
        format!("{}  ·  {source}", item.id),
        theme.dim(),
    ));
    lines.push(Line::from(vec![
        Span::raw("Planned time: "),
        Span::styled(planned(routine).display(), theme.title()),
    ]));
    if let Some(d) = &routine.description {
        lines.push(Line::raw(""));
        lines.push(Line::raw(d.trim().to_string()));
    }
    lines.push(Line::raw(""));
    for (i, e) in routine.exercises.iter().enumerate() {
        let work = match e.work {
            Work::Hold(d) => format!("{} x {} hold", e.sets, short_duration(d)),
            Work::Duration(d) => format!("{} x {}", e.sets, short_duration(d)),
            Work::Reps {
                count,
                tempo: Some(t),
            } => format!(
                "{} x {count} reps, tempo {}/{}/{}",
                e.sets,
                short_duration(t.up),
                short_duration(t.hold),
                short_duration(t.down)
            ),
            Work::Reps { count, tempo: None } => {
                format!("{} x {count} reps, counted by you", e.sets)
            }
        };
        let sides = sides_words(e.sides)
            .map(|s| format!(", {s}"))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::raw(format!("{}. ", i + 1)),
            Span::styled(e.name.clone(), theme.title()),
        ]));
        lines.push(Line::raw(format!("   {work}{sides}")));
    }
    lines
}

/// The preview pane's lines for an invalid routine file.
fn invalid_preview(item: &MenuItem, error: &str, theme: Theme) -> Vec<Line<'static>> {
    vec![
        Line::styled(item.name.clone(), theme.title()),
        Line::styled("INVALID: this routine cannot be started", theme.error()),
        Line::raw(""),
        Line::raw(format!("{}:{error}", item.path.display())),
        Line::raw(""),
        Line::raw(format!(
            "Fix the file, then check it with: limber check {}",
            item.path.display()
        )),
    ]
}

/// The footer's key hints. The least needed go first when they do not fit
/// on one line (`?` lists every key); start, help and quit always stay.
fn footer_keys(menu: &Menu, width: u16) -> Vec<(&'static str, &'static str)> {
    if menu.filtering {
        return vec![("type", "filter"), ("Enter", "done"), ("Esc", "clear")];
    }
    // (key, action, drop order: lower goes first; 0 never goes)
    let all = [
        ("↑↓", "move", 1),
        ("Enter", "start", 0),
        ("/", "filter", 7),
        ("e", "edit", 5),
        ("n", "new", 3),
        ("c", "copy", 2),
        ("D", "delete", 4),
        ("u", "undo", 6),
        ("?", "help", 0),
        ("q", "quit", 0),
    ];
    let mut keys: Vec<_> = all
        .into_iter()
        .filter(|&(k, _, _)| k != "u" || menu.can_undo)
        .collect();
    let fits = |keys: &[(&str, &str, u8)]| {
        let len: usize = keys
            .iter()
            .map(|(k, a, _)| k.chars().count() + 1 + a.chars().count())
            .sum::<usize>()
            + 2 * keys.len().saturating_sub(1);
        len <= usize::from(width)
    };
    for order in 1..=7 {
        if fits(&keys) {
            break;
        }
        keys.retain(|&(_, _, o)| o != order);
    }
    keys.into_iter().map(|(k, a, _)| (k, a)).collect()
}

pub fn draw(frame: &mut Frame, menu: &Menu, message: Option<&str>, theme: Theme) {
    if widgets::too_small(frame, theme) {
        return;
    }
    let area = frame.area();
    widgets::left_right(
        frame,
        Rect { height: 1, ..area },
        "limber: choose a routine",
        "not medical advice",
        theme.title(),
    );

    let keys = widgets::key_hints(&footer_keys(menu, area.width), theme);
    let key_rows = widgets::wrapped_height(&widgets::plain(&keys), area.width).max(1);
    let mut bottom = area.bottom().saturating_sub(key_rows);
    frame.render_widget(
        Paragraph::new(Line::from(keys)).wrap(Wrap { trim: true }),
        Rect::new(area.x, bottom, area.width, key_rows.min(area.height)),
    );
    let status = message.map(str::to_string).or_else(|| {
        (menu.filtering || !menu.filter.is_empty()).then(|| {
            let cursor = if menu.filtering { "_" } else { "" };
            format!("/{}{cursor}", menu.filter)
        })
    });
    if let Some(status) = status {
        // A long message (a path, an error) may take up to three rows, as
        // long as the list keeps room for a few lines.
        let room = bottom.saturating_sub(area.y + 4).max(1);
        let rows = widgets::wrapped_height(&status, area.width).clamp(1, 3.min(room));
        bottom = bottom.saturating_sub(rows);
        let style = if message.is_some() {
            theme.warning()
        } else {
            theme.title()
        };
        frame.render_widget(
            Paragraph::new(status)
                .style(style)
                .wrap(Wrap { trim: true }),
            Rect::new(area.x, bottom, area.width, rows),
        );
    }
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        bottom.saturating_sub(area.y + 1),
    );

    let (list_area, preview_area) = if body.width >= 60 {
        let w = (body.width / 3).max(26);
        (
            Rect { width: w, ..body },
            Rect::new(body.x + w + 1, body.y, body.width - w - 1, body.height),
        )
    } else if body.height < 10 {
        // Too low to share: the list alone (the preview needs room to say anything).
        (body, Rect { height: 0, ..body })
    } else {
        let h = (body.height / 2).max(3).min(body.height);
        (
            Rect { height: h, ..body },
            Rect::new(body.x, body.y + h, body.width, body.height - h),
        )
    };

    let visible = menu.visible();
    // Routines of the same name (a copy before it is renamed) show their
    // ids too, or only their ids when both do not fit.
    let same_name = |item: &MenuItem| {
        menu.items
            .iter()
            .filter(|o| o.name.to_lowercase() == item.name.to_lowercase())
            .count()
            > 1
    };
    let room = usize::from(list_area.width.saturating_sub(3));
    let rows: Vec<ListItem> = visible
        .iter()
        .map(|&i| {
            let item = &menu.items[i];
            let mut spans = vec![Span::raw(format!(" {}", item.name))];
            if same_name(item) && item.name != item.id {
                let both = item.name.chars().count() + item.id.chars().count() + 4;
                if both <= room {
                    spans.push(Span::styled(format!(" ({})", item.id), theme.dim()));
                } else {
                    spans = vec![Span::raw(format!(" {}", item.id))];
                }
            }
            if item.routine.is_err() {
                spans.push(Span::styled(" [invalid]", theme.error()));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list_block = Block::bordered().title(" Routines ");
    if rows.is_empty() {
        let text = if menu.items.is_empty() {
            "No routines found.".to_string()
        } else {
            format!("No routine matches \"{}\".", menu.filter)
        };
        frame.render_widget(
            Paragraph::new(text)
                .block(list_block)
                .wrap(Wrap { trim: true }),
            list_area,
        );
    } else {
        let mut state = ListState::default().with_selected(Some(menu.selected));
        frame.render_stateful_widget(
            List::new(rows)
                .block(list_block)
                .highlight_style(theme.selected())
                .highlight_symbol(">"),
            list_area,
            &mut state,
        );
    }

    let lines = match menu.selected_item() {
        Some(item) => match &item.routine {
            Ok(r) => preview(item, r, theme),
            Err(e) => invalid_preview(item, e, theme),
        },
        None => Vec::new(),
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(Block::bordered().title(" Preview "))
            .wrap(Wrap { trim: false }),
        preview_area,
    );
}
