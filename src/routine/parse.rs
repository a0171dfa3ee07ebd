//! From the text of a routine file to a validated [`Routine`], or to every
//! problem found in it.

use std::time::Duration;

use toml::de::DeTable;

use super::limits::{DEFAULT_PREPARE, DEFAULT_REST};
use super::model::{Exercise, Routine, Sides, Tempo, Work};
use super::read::{Read, read_table};
use super::spec::{ROUTINE, WORK_KEYS};
use crate::diag::Diagnostic;

/// Parses and validates a routine file. On failure, returns every problem
/// found, in file order.
///
/// ```
/// let text = "name = \"Quick\"\n[[exercise]]\nname = \"Bridge\"\nhold = \"20s\"\nsets = 2\n";
/// let routine = limber::routine::parse(text).expect("valid");
/// // prepare 5s + hold 20s + rest 10s + hold 20s
/// assert_eq!(limber::routine::planned(&routine).display(), "0:55");
///
/// let problems = limber::routine::parse("name = \"Quick\"\n[[exercise]]\nname = \"B\"\nhodl = 5\n")
///     .expect_err("misspelt key");
/// assert_eq!(problems[0].message, "unknown key 'hodl' — did you mean 'hold'?");
/// ```
pub fn parse(src: &str) -> Result<Routine, Vec<Diagnostic>> {
    let (doc, syntax) = DeTable::parse_recoverable(src);
    if !syntax.is_empty() {
        // A broken document would only add misleading follow-up errors.
        return Err(sorted(syntax.iter().map(crate::diag::from_toml).collect()));
    }
    let mut diags = Vec::new();
    let root = read_table(doc.get_ref(), 0..0, ROUTINE, &mut diags);
    let routine = build(&root, &mut diags);
    if diags.is_empty() {
        Ok(routine)
    } else {
        Err(sorted(diags))
    }
}

/// Like [`parse`], for raw file contents that may not be UTF-8.
pub fn parse_bytes(bytes: &[u8]) -> Result<Routine, Vec<Diagnostic>> {
    crate::diag::utf8(bytes).and_then(parse)
}

fn sorted(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    diags.dedup();
    diags
}

fn build(root: &Read<'_>, diags: &mut Vec<Diagnostic>) -> Routine {
    let defaults = root.table("defaults");
    let default =
        |key: &str, fallback: Duration| defaults.and_then(|d| d.duration(key)).unwrap_or(fallback);
    let prepare = default("prepare", DEFAULT_PREPARE);
    let rest = default("rest", DEFAULT_REST);
    Routine {
        name: root.text("name").unwrap_or_default().trim().to_string(),
        description: root.text("description").map(|s| s.trim().to_string()),
        exercises: root
            .tables("exercise")
            .iter()
            .filter_map(|t| exercise(t, prepare, rest, diags))
            .collect(),
    }
}

fn exercise(
    t: &Read<'_>,
    prepare: Duration,
    rest: Duration,
    diags: &mut Vec<Diagnostic>,
) -> Option<Exercise> {
    let mut written: Vec<&str> = WORK_KEYS.into_iter().filter(|k| t.has(k)).collect();
    written.sort_by_key(|k| t.key_span(k).map(|s| s.start));
    let misspelt = WORK_KEYS.iter().any(|k| t.was_suggested(k));
    match written.as_slice() {
        [] if misspelt => {}
        [] => diags.push(Diagnostic::new(
            t.span.clone(),
            "exercise needs one of 'hold', 'reps' or 'duration'",
        )),
        [first, others @ ..] => {
            for other in others {
                diags.push(Diagnostic::new(
                    t.key_span(other).unwrap_or(t.span.clone()),
                    format!("'{other}' cannot be used together with '{first}': an exercise is a hold, reps or a duration"),
                ));
            }
        }
    }
    if t.has("tempo") && !t.has("reps") {
        diags.push(Diagnostic::new(
            t.key_span("tempo").unwrap_or(t.span.clone()),
            "'tempo' paces reps, so it needs 'reps'",
        ));
    }
    let tempo = t
        .table("tempo")
        .filter(|tempo| !tempo.had_errors)
        .and_then(|tempo| {
            let part = |key| tempo.duration(key).unwrap_or_default();
            let tempo_value = Tempo {
                up: part("up"),
                hold: part("hold"),
                down: part("down"),
            };
            if tempo_value.rep().is_zero() {
                diags.push(Diagnostic::new(
                    t.value_span("tempo").unwrap_or(t.span.clone()),
                    "'tempo' must add up to more than 0s per rep",
                ));
                return None;
            }
            Some(tempo_value)
        });
    let work = match written.first().copied() {
        Some("hold") => Work::Hold(t.duration("hold")?),
        Some("duration") => Work::Duration(t.duration("duration")?),
        Some("reps") => Work::Reps {
            count: t.count("reps")?,
            tempo,
        },
        _ => return None,
    };
    Some(Exercise {
        name: t.text("name")?.trim().to_string(),
        instructions: t.text("instructions").map(|s| s.trim().to_string()),
        work,
        sets: t.count("sets").unwrap_or(1),
        sides: t.choice("sides").and_then(Sides::parse).unwrap_or_default(),
        rest: t.duration("rest").unwrap_or(rest),
        prepare: t.duration("prepare").unwrap_or(prepare),
    })
}
