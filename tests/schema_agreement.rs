//! The JSON schema and the parser come from the same field tables; this
//! checks they agree on generated routines: whatever the parser accepts, the
//! schema accepts, and whatever the schema rejects, the parser rejects too.
//! (The schema is looser in one way only: it cannot bound duration strings.)

use std::sync::LazyLock;

use proptest::prelude::*;
use serde_json::Value;

static VALIDATOR: LazyLock<jsonschema::Validator> =
    LazyLock::new(|| jsonschema::validator_for(&limber::schema::routine()).expect("schema"));

/// Each key with candidate values, valid ones first and repeated so most
/// generated exercises are valid or one mistake away from it.
const KEYS: &[(&str, &[&str])] = &[
    ("name", &["\"E\"", "\"E\"", "\"E\"", "\"\"", "\" \"", "3"]),
    ("instructions", &["\"Do it.\"", "\"\"", "1"]),
    (
        "hold",
        &[
            "\"30s\"",
            "45",
            "\"1m30s\"",
            "\"0s\"",
            "\"5h\"",
            "\"abc\"",
            "0",
            "2.5",
        ],
    ),
    ("reps", &["10", "1", "500", "0", "501", "\"10\""]),
    ("duration", &["\"2m\"", "90", "\"4h1s\"", "-1"]),
    ("sets", &["2", "1", "50", "0", "51"]),
    (
        "sides",
        &[
            "\"both\"",
            "\"alternate\"",
            "\"left\"",
            "\"none\"",
            "\"sideways\"",
            "1",
        ],
    ),
    ("rest", &["\"10s\"", "0", "600", "\"11m\"", "601", "true"]),
    ("prepare", &["\"5s\"", "0", "\"10m1s\"", "-3"]),
    (
        "tempo",
        &[
            "{ up = \"1s\", hold = \"2s\", down = \"1s\" }",
            "{ up = 2 }",
            "{ up = 0 }",
            "{ upp = 1 }",
            "{ up = 31 }",
            "\"x\"",
        ],
    ),
    ("hodl", &["1"]),
];

/// (key index, value choice) pairs; the first key is always `name`.
fn routine_text(exercises: &[Vec<(usize, usize)>], name: bool) -> String {
    let mut text = String::new();
    if name {
        text.push_str("name = \"R\"\n");
    }
    for pairs in exercises {
        text.push_str("[[exercise]]\n");
        let mut seen = Vec::new();
        for &(k, v) in pairs {
            if !seen.contains(&k) {
                seen.push(k);
                let (key, values) = KEYS[k];
                text.push_str(&format!("{key} = {}\n", values[v % values.len()]));
            }
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn parser_and_schema_agree(
        exercises in proptest::collection::vec(
            (0..KEYS.len(), proptest::collection::vec((0..KEYS.len(), 0..40usize), 0..4))
                .prop_map(|(work, mut rest)| {
                    // name, usually one work key, then a few random keys.
                    rest.insert(0, (0, 0));
                    rest.insert(1, (work, 0));
                    rest
                }),
            0..4),
        name in proptest::bool::weighted(0.9),
    ) {
        let text = routine_text(&exercises, name);
        let json: Value = toml::from_str(&text).expect("generated TOML is well-formed");
        let parsed = limber::routine::parse(&text);
        let valid = VALIDATOR.is_valid(&json);
        match (&parsed, valid) {
            (Ok(_), false) => prop_assert!(false, "parser accepts but schema rejects:\n{text}"),
            (Err(diags), true) => {
                // The only rules a JSON schema cannot state: bounds of duration
                // strings and a tempo adding up to zero.
                for d in diags {
                    let allowed = (d.message.contains(": \"") || d.message.contains("(got "))
                        && d.message.contains(" and at most ")
                        || d.message == "'tempo' must add up to more than 0s per rep";
                    prop_assert!(allowed, "schema accepts what the parser rejects ({}):\n{text}", d.message);
                }
            }
            _ => {}
        }
    }
}
