//! Editing routine files from the menu: the id prompt of `n` and `c`, the
//! editor round trip of `e`, delete with a backup, and undo.

use std::fs;
use std::path::{Path, PathBuf};

use super::{App, Effect, menu_items};
use crate::edit::{self, EditError};
use crate::store::Catalog;
use crate::ui::Action;

/// What the id prompt is asking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    New,
    /// A copy of routine `id`.
    Copy {
        id: String,
        name: String,
    },
}

/// The id prompt: what was typed, and why the last try failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub purpose: PromptFor,
    pub text: String,
    pub error: Option<String>,
}

/// Longest id the prompt takes ([`edit::validate_id`] allows 64).
const PROMPT_MAX: usize = 80;

/// A routine deleted in this run, kept for undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub id: String,
    pub name: String,
    pub backup: PathBuf,
}

/// The file handed to the editor, and what it held before.
#[derive(Debug, Clone)]
pub(super) struct Editing {
    id: String,
    path: PathBuf,
    before: Option<Vec<u8>>,
    /// What the message adds after the result (a copy made, a file created).
    note: Option<String>,
}

impl App {
    /// Loads the routine files again and shows what is there now, keeping
    /// the user's place. A running session keeps its own routine.
    pub fn reload(&mut self) {
        self.catalog = Catalog::load(&self.paths);
        self.menu.set_items(menu_items(&self.catalog));
    }

    /// Selects routine `id`, clearing a filter that hides it.
    pub(super) fn select_showing(&mut self, id: &str) {
        if self
            .menu
            .visible()
            .iter()
            .all(|&i| self.menu.items()[i].id != id)
        {
            self.menu.filter.clear();
            self.menu.filtering = false;
        }
        self.menu.select(id);
    }

    pub(super) fn open_prompt(&mut self, purpose: PromptFor, text: String) {
        self.message = None;
        self.menu.filtering = false;
        self.prompt = Some(Prompt {
            purpose,
            text,
            error: None,
        });
    }

    pub(super) fn prompt_action(&mut self, action: Action) -> Effect {
        let Some(prompt) = &mut self.prompt else {
            return Effect::None;
        };
        match action {
            Action::PromptChar(c) => {
                if prompt.text.chars().count() < PROMPT_MAX {
                    prompt.text.push(c);
                }
                prompt.error = None;
            }
            Action::PromptBackspace => {
                prompt.text.pop();
                prompt.error = None;
            }
            Action::Back => self.prompt = None,
            Action::PromptConfirm => {
                let id = prompt.text.trim().to_string();
                let made = match &prompt.purpose {
                    PromptFor::New => edit::new_routine(&self.paths, &id),
                    PromptFor::Copy { id: from, .. } => {
                        edit::duplicate(&self.paths, &self.catalog, from, &id)
                    }
                };
                match made {
                    // The prompt stays, with the reason, for another try.
                    Err(e) => prompt.error = Some(e.to_string()),
                    Ok(path) => {
                        let purpose = prompt.purpose.clone();
                        self.prompt = None;
                        self.reload();
                        self.select_showing(&id);
                        let shadows = if crate::store::builtin_text(&id).is_some() {
                            "; it replaces the built-in of that id"
                        } else {
                            ""
                        };
                        match purpose {
                            // A new routine goes straight to the editor.
                            PromptFor::New => {
                                let note = format!("created {}{shadows}", path.display());
                                return self.begin_edit(id, path, Some(note));
                            }
                            PromptFor::Copy { id: from, .. } => {
                                self.message = Some(format!(
                                    "copied '{from}' to '{id}' ({}){shadows}; e edits it",
                                    path.display()
                                ));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// `e`: the user's file for the selected routine (a built-in is copied
    /// first) goes to the editor.
    pub(super) fn edit_selected(&mut self) -> Effect {
        let Some(id) = self.menu.selected_item().map(|i| i.id.clone()) else {
            return Effect::None;
        };
        match edit::user_file(&self.paths, &self.catalog, &id) {
            Ok((path, copied)) => {
                let note = copied.then(|| {
                    self.reload();
                    self.select_showing(&id);
                    format!(
                        "the built-in was copied to {}, which now replaces it",
                        path.display()
                    )
                });
                self.begin_edit(id, path, note)
            }
            Err(e) => {
                self.message = Some(e.to_string());
                Effect::None
            }
        }
    }

    pub(super) fn begin_edit(&mut self, id: String, path: PathBuf, note: Option<String>) -> Effect {
        self.editing = Some(Editing {
            id,
            before: fs::read(&path).ok(),
            path: path.clone(),
            note,
        });
        Effect::Edit(path)
    }

    /// The editor of [`Effect::Edit`] is done (or could not start): reload,
    /// select the routine, and say how it is now. The file is only read.
    pub fn edited(&mut self, result: Result<(), EditError>) {
        self.reload();
        let Some(editing) = self.editing.take() else {
            return;
        };
        self.select_showing(&editing.id);
        let state = match result {
            Err(e) => e.to_string(),
            Ok(()) => {
                let changed = fs::read(&editing.path).ok() != editing.before;
                routine_state(&self.catalog, &editing.id, &editing.path, changed)
            }
        };
        self.message = Some(match editing.note {
            Some(note) => format!("{state} ({note})"),
            None => state,
        });
    }

    pub(super) fn delete(&mut self, id: &str) {
        let name = self
            .catalog
            .find(id)
            .map_or(id.to_string(), |e| e.name().to_string());
        match edit::delete(&self.paths, &self.catalog, id) {
            Ok(backup) => {
                self.message = Some(format!(
                    "deleted '{name}'; u undoes; the backup is {}",
                    backup.display()
                ));
                self.deleted.push(Deleted {
                    id: id.to_string(),
                    name,
                    backup,
                });
                self.reload();
            }
            Err(e) => self.message = Some(e.to_string()),
        }
        self.menu.can_undo = !self.deleted.is_empty();
    }

    pub(super) fn undo(&mut self) {
        let Some(d) = self.deleted.pop() else {
            self.message = Some("nothing to undo: no routine was deleted in this run".into());
            return;
        };
        match edit::undelete(&self.paths, &d.id, &d.backup) {
            Ok(path) => {
                self.message = Some(format!("restored '{}' to {}", d.name, path.display()));
                self.reload();
                self.select_showing(&d.id);
            }
            Err(e) => {
                self.message = Some(format!(
                    "cannot restore '{}': {e} (the backup stays at {})",
                    d.name,
                    d.backup.display()
                ));
                self.deleted.push(d);
            }
        }
        self.menu.can_undo = !self.deleted.is_empty();
    }
}

/// "saved: NAME, N exercises, M:SS", or the routine's first error.
fn routine_state(catalog: &Catalog, id: &str, path: &Path, changed: bool) -> String {
    let verb = if changed { "saved" } else { "unchanged" };
    match catalog.find(id).map(|e| &e.routine) {
        Some(Ok(r)) => format!("{verb}: {}, {}", r.name, crate::routine::plan::describe(r)),
        Some(Err(problem)) => format!("{verb}, but invalid: {}:{problem}", path.display()),
        None => format!("'{id}' is no longer in your routines ({})", path.display()),
    }
}
