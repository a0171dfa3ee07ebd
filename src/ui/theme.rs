//! Colours and emphasis. Colour only reinforces what the words already say,
//! and `NO_COLOR` turns it off, leaving bold and reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::engine::Label;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub const MONO: Theme = Theme { color: false };

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The phase label and the big digits: one of the 16 basic colours.
    pub fn phase(self, label: Label) -> Style {
        let c = match label {
            Label::GetReady | Label::SwitchSides => Color::Yellow,
            Label::Hold | Label::Go | Label::Reps => Color::Green,
            Label::Rest => Color::Cyan,
            Label::Paused => Color::Magenta,
            Label::Done => Color::Blue,
        };
        self.fg(c).add_modifier(Modifier::BOLD)
    }

    pub fn side(self) -> Style {
        self.fg(Color::White).add_modifier(Modifier::BOLD)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// The selected menu row: reverse video reads in monochrome too.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn gauge(self, label: Label) -> Style {
        if self.color {
            self.phase(label).remove_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
