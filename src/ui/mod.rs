//! Drawing: pure functions from state to ratatui widgets; drawing never
//! changes state. The key map lives here too, so every key the app knows
//! is in one place ([`keys`]).

pub mod dialog;
pub mod font;
pub mod help;
pub mod keys;
pub mod menu;
pub mod notice;
pub mod session;
pub mod summary;
pub mod theme;
pub mod widgets;

pub use keys::{Action, Context};
pub use theme::Theme;
