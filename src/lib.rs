//! limber: a terminal coach for stretching and strengthening routines.
//!
//! The core ([`routine`], [`engine`]) is pure: no I/O, no clock. The edges
//! (terminal, sound, files) live in their own modules and are thin.

pub mod app;
pub mod audio;
pub mod cli;
pub mod config;
pub mod diag;
pub mod edit;
pub mod engine;
pub mod paths;
pub mod routine;
pub mod schema;
pub mod store;
mod suggest;
pub mod ui;
pub mod watch;
