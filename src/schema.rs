//! JSON Schema of the routine format, generated from the same field tables
//! the parser reads files by ([`crate::routine::spec`]), so the two cannot
//! drift. Editors with a TOML language server (e.g. taplo) use it to complete
//! and check routine files while you type.

use serde_json::{Map, Value, json};

use crate::routine::spec::{EXERCISE, Field, Kind, ROUTINE, WORK_KEYS};

/// Matches the duration strings the parser accepts: `"45s"`, `"1m30s"`, `"500ms"`.
/// (The parser also checks the bounds, which a pattern cannot express.)
pub const DURATION_PATTERN: &str =
    r"^\s*([0-9]+\s*h\s*)?([0-9]+\s*m\s*)?([0-9]+\s*s\s*)?([0-9]+\s*ms\s*)?$";

/// The schema of a routine file.
pub fn routine() -> Value {
    let mut schema = object(ROUTINE);
    schema["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    schema["title"] = json!("limber routine");
    schema["description"] = json!(
        "One stretching or strengthening routine for limber: a name, optional defaults and [[exercise]] tables."
    );
    schema
}

/// The schema as pretty JSON text, with a final newline.
pub fn routine_text() -> String {
    let mut text = serde_json::to_string_pretty(&routine()).unwrap_or_default();
    text.push('\n');
    text
}

fn object(fields: &[Field]) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| (f.key.to_string(), property(f)))
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    let mut schema = json!({
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    if std::ptr::eq(fields, EXERCISE) {
        // Exactly one of hold / reps / duration, and a tempo only paces reps.
        schema["oneOf"] = WORK_KEYS
            .iter()
            .map(|k| json!({ "required": [k] }))
            .collect();
        schema["dependencies"] = json!({ "tempo": ["reps"] });
    }
    schema
}

fn property(field: &Field) -> Value {
    let mut schema = match field.kind {
        Kind::Text { non_empty: true } => json!({ "type": "string", "pattern": "\\S" }),
        Kind::Text { non_empty: false } => json!({ "type": "string" }),
        Kind::Duration { max, positive } => json!({
            "anyOf": [
                {
                    "type": "integer",
                    "minimum": u64::from(positive),
                    "maximum": max.as_secs(),
                    "description": "whole seconds"
                },
                {
                    "type": "string",
                    "allOf": [{ "pattern": DURATION_PATTERN }, { "pattern": "[0-9]" }],
                    "examples": ["30s", "2m", "1m30s"]
                }
            ]
        }),
        Kind::Count { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Kind::Choice(words) => json!({ "type": "string", "enum": words }),
        Kind::Switch => json!({ "anyOf": [{ "type": "boolean" }, { "enum": ["on", "off"] }] }),
        Kind::Table(fields) => object(fields),
        Kind::Tables(fields) => json!({ "type": "array", "minItems": 1, "items": object(fields) }),
    };
    schema["description"] = json!(field.doc);
    schema
}
