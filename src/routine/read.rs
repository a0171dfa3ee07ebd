//! Reads a spanned TOML table by a [`Field`] table, collecting every problem
//! it finds (rather than stopping at the first) with its exact position.

use std::ops::Range;
use std::time::Duration;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::duration;
use super::spec::{Field, Kind};
use crate::diag::Diagnostic;
use crate::suggest;

/// A typed value read from a file.
#[derive(Debug)]
pub enum Value<'a> {
    Text(&'a str),
    Duration(Duration),
    Count(u32),
    Choice(&'static str),
    Switch(bool),
    Table(Read<'a>),
    Tables(Vec<Read<'a>>),
}

/// The valid keys of one table, with positions for later cross-key checks.
#[derive(Debug, Default)]
pub struct Read<'a> {
    /// The table's own span (its header, for `[[...]]` tables).
    pub span: Range<usize>,
    entries: Vec<(&'static str, Range<usize>, Range<usize>, Value<'a>)>,
    /// Known keys written in the file whose value was invalid.
    invalid: Vec<(&'static str, Range<usize>)>,
    /// Known keys offered as "did you mean" for an unknown key: the user
    /// meant to write them, so they are not reported missing as well.
    suggested: Vec<&'static str>,
    /// True when any problem was found directly in this table.
    pub had_errors: bool,
}

impl<'a> Read<'a> {
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.entry(key).map(|e| &e.3)
    }

    /// Span of the key itself, for errors about its presence.
    pub fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.entry(key).map(|e| e.1.clone()).or_else(|| {
            self.invalid
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, span)| span.clone())
        })
    }

    /// Span of the key's value.
    pub fn value_span(&self, key: &str) -> Option<Range<usize>> {
        self.entry(key).map(|e| e.2.clone())
    }

    /// True when the key is written in the file, valid or not.
    pub fn has(&self, key: &str) -> bool {
        self.key_span(key).is_some()
    }

    pub fn text(&self, key: &str) -> Option<&'a str> {
        match self.get(key) {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }

    pub fn duration(&self, key: &str) -> Option<Duration> {
        match self.get(key) {
            Some(Value::Duration(d)) => Some(*d),
            _ => None,
        }
    }

    pub fn count(&self, key: &str) -> Option<u32> {
        match self.get(key) {
            Some(Value::Count(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn choice(&self, key: &str) -> Option<&'static str> {
        match self.get(key) {
            Some(Value::Choice(c)) => Some(c),
            _ => None,
        }
    }

    pub fn switch(&self, key: &str) -> Option<bool> {
        match self.get(key) {
            Some(Value::Switch(b)) => Some(*b),
            _ => None,
        }
    }

    pub fn table(&self, key: &str) -> Option<&Read<'a>> {
        match self.get(key) {
            Some(Value::Table(t)) => Some(t),
            _ => None,
        }
    }

    pub fn tables(&self, key: &str) -> &[Read<'a>] {
        match self.get(key) {
            Some(Value::Tables(t)) => t,
            _ => &[],
        }
    }

    /// True when an unknown key in this table looked like a misspelt `key`.
    pub fn was_suggested(&self, key: &str) -> bool {
        self.suggested.contains(&key)
    }

    fn entry(&self, key: &str) -> Option<&(&'static str, Range<usize>, Range<usize>, Value<'a>)> {
        self.entries.iter().find(|e| e.0 == key)
    }
}

/// Reads `table` (whose own span is `span`) by `fields`, pushing a diagnostic
/// for every unknown key, missing required key and invalid value.
pub fn read_table<'a>(
    table: &'a DeTable<'_>,
    span: Range<usize>,
    fields: &'static [Field],
    diags: &mut Vec<Diagnostic>,
) -> Read<'a> {
    let mut read = Read {
        span: span.clone(),
        ..Read::default()
    };
    let before = diags.len();
    for (key, value) in table.iter() {
        let name: &str = key.get_ref();
        let Some(field) = fields.iter().find(|f| f.key == name) else {
            let suggestion = suggest::closest(name, fields.iter().map(|f| f.key));
            diags.push(Diagnostic::new(
                key.span(),
                unknown_key(name, suggestion, fields),
            ));
            read.suggested.extend(suggestion);
            continue;
        };
        match read_value(field, value, diags) {
            Some(v) => read.entries.push((field.key, key.span(), value.span(), v)),
            None => read.invalid.push((field.key, key.span())),
        }
    }
    for field in fields.iter().filter(|f| f.required) {
        if !read.has(field.key) && !read.was_suggested(field.key) {
            diags.push(Diagnostic::new(span.clone(), missing_key(field)));
        }
    }
    read.had_errors = diags.len() > before;
    read
}

fn unknown_key(name: &str, suggestion: Option<&str>, fields: &[Field]) -> String {
    match suggestion {
        Some(s) => format!("unknown key '{name}' — did you mean '{s}'?"),
        None => format!(
            "unknown key '{name}'; expected one of: {}",
            fields.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn missing_key(field: &Field) -> String {
    match field.kind {
        Kind::Tables(_) => format!("no exercises: add at least one [[{}]] table", field.key),
        _ => format!("missing required key '{}'", field.key),
    }
}

fn read_value<'a>(
    field: &Field,
    value: &'a Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Value<'a>> {
    let key = field.key;
    let span = value.span();
    let result = match (field.kind, value.get_ref()) {
        (Kind::Table(fields), DeValue::Table(t)) => {
            return Some(Value::Table(read_table(t, span, fields, diags)));
        }
        (Kind::Tables(fields), DeValue::Array(items)) if !items.is_empty() => {
            let mut tables = Vec::new();
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::Table(t) => tables.push(read_table(t, item.span(), fields, diags)),
                    other => diags.push(Diagnostic::new(
                        item.span(),
                        format!(
                            "each '{key}' must be a table ([[{key}]]), not {}",
                            article(other)
                        ),
                    )),
                }
            }
            return Some(Value::Tables(tables));
        }
        (Kind::Tables(_), DeValue::Array(_)) => Err(format!("no exercises: '{key}' is empty")),
        (kind, other) => scalar(key, kind, other),
    };
    result
        .map_err(|m| diags.push(Diagnostic::new(span, m)))
        .ok()
}

/// Reads a value that is not a table.
fn scalar<'a>(key: &str, kind: Kind, value: &'a DeValue<'_>) -> Result<Value<'a>, String> {
    match (kind, value) {
        (Kind::Text { non_empty }, DeValue::String(s)) => {
            if non_empty && s.trim().is_empty() {
                Err(format!("'{key}' must not be empty"))
            } else {
                Ok(Value::Text(s))
            }
        }
        (Kind::Duration { max, positive }, DeValue::String(s)) => {
            let d = duration::parse(s).map_err(|why| format!("'{key}': {why}"))?;
            check_duration(key, d, max, positive)
        }
        (Kind::Duration { max, positive }, DeValue::Integer(i)) => match integer(i) {
            Some(n) if n < 0 => Err(format!("'{key}' cannot be negative (got {n})")),
            Some(n) => match u64::try_from(n) {
                Ok(secs) => check_duration(key, Duration::from_secs(secs), max, positive),
                Err(_) => Err(out_of_range_duration(key, max, positive, &n.to_string())),
            },
            None => Err(out_of_range_duration(key, max, positive, "a huge number")),
        },
        (Kind::Count { min, max }, DeValue::Integer(i)) => match integer(i) {
            Some(n) => u32::try_from(n)
                .ok()
                .filter(|n| (min..=max).contains(n))
                .map(Value::Count)
                .ok_or_else(|| format!("'{key}' must be between {min} and {max} (got {n})")),
            None => Err(format!(
                "'{key}' must be between {min} and {max} (got a huge number)"
            )),
        },
        (Kind::Choice(words), DeValue::String(s)) => words
            .iter()
            .find(|w| **w == s.as_ref())
            .map(|w| Value::Choice(w))
            .ok_or_else(|| unknown_word(key, s, words)),
        (Kind::Switch, DeValue::Boolean(b)) => Ok(Value::Switch(*b)),
        (Kind::Switch, DeValue::String(s)) if s == "on" || s == "off" => {
            Ok(Value::Switch(s == "on"))
        }
        (kind, other) => Err(format!(
            "'{key}' must be {}, not {}",
            expected(kind, key),
            article(other)
        )),
    }
}

fn check_duration(
    key: &str,
    d: Duration,
    max: Duration,
    positive: bool,
) -> Result<Value<'static>, String> {
    if (positive && d.is_zero()) || d > max {
        Err(out_of_range_duration(
            key,
            max,
            positive,
            &duration::format(d),
        ))
    } else {
        Ok(Value::Duration(d))
    }
}

fn out_of_range_duration(key: &str, max: Duration, positive: bool, got: &str) -> String {
    let low = if positive {
        "more than 0s"
    } else {
        "0s or more"
    };
    format!(
        "'{key}' must be {low} and at most {} (got {got})",
        duration::format(max)
    )
}

fn unknown_word(key: &str, word: &str, words: &[&str]) -> String {
    match suggest::closest(word, words.iter().copied()) {
        Some(s) => format!("'{key}' cannot be '{word}' — did you mean '{s}'?"),
        None => format!(
            "'{key}' cannot be '{word}'; expected one of: {}",
            words.join(", ")
        ),
    }
}

/// The integer's value; `None` when it does not even fit an i128.
fn integer(i: &toml::de::DeInteger<'_>) -> Option<i128> {
    i128::from_str_radix(i.as_str(), i.radix()).ok()
}

fn expected(kind: Kind, key: &str) -> String {
    match kind {
        Kind::Text { .. } => "a string".into(),
        Kind::Duration { .. } => {
            "a duration like \"30s\", \"2m\" or \"1m30s\", or whole seconds".into()
        }
        Kind::Count { .. } => "a whole number".into(),
        Kind::Choice(words) => format!("one of: {}", words.join(", ")),
        Kind::Switch => "true or false".into(),
        Kind::Table(_) => "a table".into(),
        Kind::Tables(_) => format!("a list of tables, written [[{key}]]"),
    }
}

fn article(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}
