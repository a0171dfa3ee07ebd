//! Diagnostics that point into a source file, rendered like a compiler's:
//! `PATH:LINE:COLUMN: error: MESSAGE`, the line, and a caret under the spot.

use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// One problem found in a source text, at a byte range of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Range<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
        }
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn position(&self, src: &str) -> (usize, usize) {
        position(src, self.span.start)
    }

    /// The diagnostic reduced to its position and message.
    pub fn locate(&self, src: &str) -> Problem {
        let (line, column) = self.position(src);
        Problem {
            line,
            column,
            message: self.message.clone(),
        }
    }

    /// Compiler-style report: the header line, the source line and a caret.
    pub fn render(&self, path: &str, src: &str) -> String {
        let (line, column) = self.position(src);
        let text = src.lines().nth(line - 1).unwrap_or("");
        let text = text.strip_suffix('\r').unwrap_or(text);
        let gutter = line.to_string().len();
        let start = floor_char_boundary(src, self.span.start.min(src.len()));
        let end = floor_char_boundary(src, self.span.end.clamp(start, src.len()));
        let marked = src[start..end].lines().next().unwrap_or("").chars().count();
        let carets = "^".repeat(marked.max(1));
        let pad = " ".repeat(column - 1);
        let blank = " ".repeat(gutter);
        format!(
            "{path}:{line}:{column}: error: {msg}\n{blank} |\n{line} | {text}\n{blank} | {pad}{carets}\n",
            msg = self.message
        )
    }
}

/// A diagnostic located in its file, without the source text. Line 0 means
/// the problem concerns the whole file (it could not be read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "{}:{}: {}", self.line, self.column, self.message)
        }
    }
}

/// A TOML syntax error as a diagnostic.
pub fn from_toml(e: &toml::de::Error) -> Diagnostic {
    let message = e
        .message()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    Diagnostic::new(e.span().unwrap_or(0..0), format!("invalid TOML: {message}"))
}

/// The bytes as text, or a diagnostic at the first byte that is not UTF-8.
pub fn utf8(bytes: &[u8]) -> Result<&str, Vec<Diagnostic>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        vec![Diagnostic::new(
            at..at + 1,
            "the file is not valid UTF-8 text (save it as UTF-8)",
        )]
    })
}

/// 1-based line and character column of a byte offset (clamped to the text).
pub fn position(src: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(src, offset.min(src.len()));
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Why a file (a routine, the config) could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("cannot read the file: {}", reason(source))]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not a valid routine ({} problem{})", path.display(), diagnostics.len(), if diagnostics.len() == 1 { "" } else { "s" })]
    Invalid {
        path: PathBuf,
        /// The file's text (lossily decoded), for rendering the diagnostics.
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
}

impl LoadError {
    /// Compiler-style report of every problem (or the read error).
    pub fn report(&self) -> String {
        match self {
            LoadError::Invalid {
                path,
                text,
                diagnostics,
            } => diagnostics
                .iter()
                .map(|d| d.render(&path.display().to_string(), text))
                .collect(),
            other => format!("{}: error: {other}\n", path_of(other).display()),
        }
    }
}

/// An I/O error in plain words, without the OS error number.
fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}

fn path_of(e: &LoadError) -> &Path {
    match e {
        LoadError::Read { path, .. } | LoadError::Invalid { path, .. } => path,
    }
}

fn floor_char_boundary(src: &str, mut i: usize) -> usize {
    while i > 0 && !src.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let src = "a = 1\nbé = \"x\"\n";
        assert_eq!(position(src, 0), (1, 1));
        assert_eq!(position(src, 6), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(position(src, 9), (2, 3));
        assert_eq!(position(src, 10_000), (3, 1));
    }

    #[test]
    fn render_puts_a_caret_under_the_span() {
        let src = "name = \"x\"\nhodl = 3\n";
        let d = Diagnostic::new(11..15, "unknown key 'hodl'");
        assert_eq!(
            d.render("r.toml", src),
            "r.toml:2:1: error: unknown key 'hodl'\n  |\n2 | hodl = 3\n  | ^^^^\n"
        );
    }

    #[test]
    fn render_survives_empty_source_and_odd_spans() {
        let backwards = std::ops::Range { start: 5, end: 2 };
        let d = Diagnostic::new(backwards, "empty");
        assert_eq!(
            d.render("e.toml", ""),
            "e.toml:1:1: error: empty\n  |\n1 | \n  | ^\n"
        );
    }
}
