//! Malformed routine files: each must give the exact message at the exact
//! line and column, and never panic.

use limber::routine::parse;

const HEAD: &str = "name = \"R\"\n";
const EX: &str = "[[exercise]]\nname = \"E\"\n";

/// (what, source, expected (line, column, message) of the first problem)
fn cases() -> Vec<(&'static str, String, (usize, usize, &'static str))> {
    let h = HEAD;
    let e = EX;
    vec![
        (
            "empty file",
            String::new(),
            (1, 1, "missing required key 'name'"),
        ),
        (
            "only whitespace",
            "\n\n  \n".into(),
            (1, 1, "missing required key 'name'"),
        ),
        (
            "no exercises",
            h.into(),
            (1, 1, "no exercises: add at least one [[exercise]] table"),
        ),
        (
            "empty exercise array",
            format!("{h}exercise = []\n"),
            (2, 12, "no exercises: 'exercise' is empty"),
        ),
        (
            "exercise not a table",
            format!("{h}exercise = 5\n"),
            (
                2,
                12,
                "'exercise' must be a list of tables, written [[exercise]], not an integer",
            ),
        ),
        (
            "exercise array of strings",
            format!("{h}exercise = [\"a\"]\n"),
            (
                2,
                13,
                "each 'exercise' must be a table ([[exercise]]), not a string",
            ),
        ),
        (
            "name not a string",
            format!("name = 3\n{e}hold = 5\n"),
            (1, 8, "'name' must be a string, not an integer"),
        ),
        (
            "blank name",
            format!("name = \"  \"\n{e}hold = 5\n"),
            (1, 8, "'name' must not be empty"),
        ),
        (
            "unknown top key with hint",
            format!("{h}nmae = \"x\"\n{e}hold = 5\n"),
            (2, 1, "unknown key 'nmae' — did you mean 'name'?"),
        ),
        (
            "unknown top key, no hint",
            format!("{h}colour = \"red\"\n{e}hold = 5\n"),
            (
                2,
                1,
                "unknown key 'colour'; expected one of: name, description, defaults, exercise",
            ),
        ),
        (
            "exercises plural",
            format!("{h}[[exercises]]\nname = \"E\"\nhold = 5\n"),
            (2, 3, "unknown key 'exercises' — did you mean 'exercise'?"),
        ),
        (
            "hodl",
            format!("{h}{e}hodl = \"30s\"\n"),
            (4, 1, "unknown key 'hodl' — did you mean 'hold'?"),
        ),
        (
            "exercise without name",
            format!("{h}[[exercise]]\nhold = 5\n"),
            (2, 1, "missing required key 'name'"),
        ),
        (
            "no work key",
            format!("{h}{e}sets = 2\n"),
            (2, 1, "exercise needs one of 'hold', 'reps' or 'duration'"),
        ),
        (
            "hold and reps",
            format!("{h}{e}hold = 5\nreps = 3\n"),
            (
                5,
                1,
                "'reps' cannot be used together with 'hold': an exercise is a hold, reps or a duration",
            ),
        ),
        (
            "reps and duration",
            format!("{h}{e}duration = \"1m\"\nreps = 3\n"),
            (
                5,
                1,
                "'reps' cannot be used together with 'duration': an exercise is a hold, reps or a duration",
            ),
        ),
        (
            "zero hold",
            format!("{h}{e}hold = 0\n"),
            (4, 8, "'hold' must be more than 0s and at most 4h (got 0s)"),
        ),
        (
            "zero hold string",
            format!("{h}{e}hold = \"0s\"\n"),
            (4, 8, "'hold' must be more than 0s and at most 4h (got 0s)"),
        ),
        (
            "hold over 4h",
            format!("{h}{e}hold = \"4h1s\"\n"),
            (
                4,
                8,
                "'hold' must be more than 0s and at most 4h (got 4h1s)",
            ),
        ),
        (
            "negative hold",
            format!("{h}{e}hold = -5\n"),
            (4, 8, "'hold' cannot be negative (got -5)"),
        ),
        (
            "huge integer hold",
            format!("{h}{e}hold = 99999999999999999999999\n"),
            (
                4,
                8,
                "'hold' must be more than 0s and at most 4h (got 99999999999999999999999)",
            ),
        ),
        (
            "float hold",
            format!("{h}{e}hold = 2.5\n"),
            (
                4,
                8,
                "'hold' must be a duration like \"30s\", \"2m\" or \"1m30s\", or whole seconds, not a decimal number",
            ),
        ),
        (
            "bool hold",
            format!("{h}{e}hold = true\n"),
            (
                4,
                8,
                "'hold' must be a duration like \"30s\", \"2m\" or \"1m30s\", or whole seconds, not a boolean",
            ),
        ),
        (
            "unitless string",
            format!("{h}{e}hold = \"30\"\n"),
            (
                4,
                8,
                "'hold': \"30\" needs a unit: write \"30s\", or the plain number 30",
            ),
        ),
        (
            "unknown unit",
            format!("{h}{e}hold = \"30 secs\"\n"),
            (
                4,
                8,
                "'hold': \"30 secs\" has an unknown unit 'secs'; use h, m, s or ms",
            ),
        ),
        (
            "fraction",
            format!("{h}{e}duration = \"1.5m\"\n"),
            (
                4,
                12,
                "'duration': \"1.5m\" is not a duration: use whole numbers, like \"1m30s\" instead of \"1.5m\"",
            ),
        ),
        (
            "zero reps",
            format!("{h}{e}reps = 0\n"),
            (4, 8, "'reps' must be between 1 and 500 (got 0)"),
        ),
        (
            "too many reps",
            format!("{h}{e}reps = 501\n"),
            (4, 8, "'reps' must be between 1 and 500 (got 501)"),
        ),
        (
            "reps as string",
            format!("{h}{e}reps = \"10\"\n"),
            (4, 8, "'reps' must be a whole number, not a string"),
        ),
        (
            "sets too many",
            format!("{h}{e}hold = 5\nsets = 51\n"),
            (5, 8, "'sets' must be between 1 and 50 (got 51)"),
        ),
        (
            "sets negative",
            format!("{h}{e}hold = 5\nsets = -2\n"),
            (5, 8, "'sets' must be between 1 and 50 (got -2)"),
        ),
        (
            "sides typo",
            format!("{h}{e}hold = 5\nsides = \"alternating\"\n"),
            (
                5,
                9,
                "'sides' cannot be 'alternating' — did you mean 'alternate'?",
            ),
        ),
        (
            "sides unknown",
            format!("{h}{e}hold = 5\nsides = \"up\"\n"),
            (
                5,
                9,
                "'sides' cannot be 'up'; expected one of: none, left, right, both, alternate",
            ),
        ),
        (
            "sides not a string",
            format!("{h}{e}hold = 5\nsides = 2\n"),
            (
                5,
                9,
                "'sides' must be one of: none, left, right, both, alternate, not an integer",
            ),
        ),
        (
            "rest over 10m",
            format!("{h}{e}hold = 5\nrest = \"11m\"\n"),
            (5, 8, "'rest' must be 0s or more and at most 10m (got 11m)"),
        ),
        (
            "defaults prepare over",
            format!("{h}[defaults]\nprepare = 601\n{e}hold = 5\n"),
            (
                3,
                11,
                "'prepare' must be 0s or more and at most 10m (got 10m1s)",
            ),
        ),
        (
            "defaults unknown key",
            format!("{h}[defaults]\nsets = 3\n{e}hold = 5\n"),
            (3, 1, "unknown key 'sets'; expected one of: prepare, rest"),
        ),
        (
            "defaults not a table",
            format!("defaults = 5\n{h}{e}hold = 5\n"),
            (1, 12, "'defaults' must be a table, not an integer"),
        ),
        (
            "tempo without reps",
            format!("{h}{e}hold = 5\ntempo = {{ up = \"1s\" }}\n"),
            (5, 1, "'tempo' paces reps, so it needs 'reps'"),
        ),
        (
            "tempo all zero",
            format!("{h}{e}reps = 5\ntempo = {{ up = 0, hold = 0, down = 0 }}\n"),
            (5, 9, "'tempo' must add up to more than 0s per rep"),
        ),
        (
            "tempo part over 30s",
            format!("{h}{e}reps = 5\ntempo = {{ up = \"31s\" }}\n"),
            (5, 16, "'up' must be 0s or more and at most 30s (got 31s)"),
        ),
        (
            "tempo unknown part",
            format!("{h}{e}reps = 5\ntempo = {{ upp = \"1s\" }}\n"),
            (5, 11, "unknown key 'upp' — did you mean 'up'?"),
        ),
        (
            "tempo not a table",
            format!("{h}{e}reps = 5\ntempo = \"1-2-1\"\n"),
            (5, 9, "'tempo' must be a table, not a string"),
        ),
        (
            "instructions not a string",
            format!("{h}{e}hold = 5\ninstructions = [\"a\"]\n"),
            (5, 16, "'instructions' must be a string, not an array"),
        ),
        (
            "syntax: unclosed string",
            format!("name = \"R\n{e}hold = 5\n"),
            (1, 10, "invalid TOML: invalid basic string, expected `\"`"),
        ),
        (
            "syntax: duplicate key",
            format!("{h}name = \"S\"\n{e}hold = 5\n"),
            (2, 1, "invalid TOML: duplicate key"),
        ),
        (
            "syntax: bare word value",
            format!("{h}{e}sides = left\nhold = 5\n"),
            (
                4,
                9,
                "invalid TOML: string values must be quoted, expected literal string",
            ),
        ),
        (
            "date as hold",
            format!("{h}{e}hold = 1979-05-27\n"),
            (
                4,
                8,
                "'hold' must be a duration like \"30s\", \"2m\" or \"1m30s\", or whole seconds, not a date",
            ),
        ),
    ]
}

#[test]
fn malformed_inputs_give_precise_first_errors() {
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for (what, src, (line, column, message)) in cases {
        match parse(&src) {
            Ok(_) => failures.push(format!("{what}: parsed without error")),
            Err(diags) => {
                let first = diags[0].locate(&src);
                if (first.line, first.column, first.message.as_str()) != (line, column, message) {
                    failures.push(format!(
                        "{what}:\n  expected {line}:{column}: {message}\n  got      {first}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_problem_in_a_file_is_reported_in_file_order() {
    let src = "name = \"\"\nextra = 1\n[[exercise]]\nname = \"A\"\nhodl = 1\n[[exercise]]\nname = \"B\"\nreps = 0\nsides = \"lft\"\n";
    let found: Vec<String> = parse(src)
        .expect_err("invalid")
        .iter()
        .map(|d| d.locate(src).to_string())
        .collect();
    assert_eq!(
        found,
        [
            "1:8: 'name' must not be empty",
            "2:1: unknown key 'extra'; expected one of: name, description, defaults, exercise",
            "5:1: unknown key 'hodl' — did you mean 'hold'?",
            "8:8: 'reps' must be between 1 and 500 (got 0)",
            "9:9: 'sides' cannot be 'lft' — did you mean 'left'?",
        ]
    );
}

#[test]
fn an_invalid_work_value_is_not_also_reported_missing() {
    let src = format!("{HEAD}{EX}hold = \"5h\"\n");
    let diags = parse(&src).expect_err("invalid");
    assert_eq!(diags.len(), 1, "{diags:?}");
}

#[test]
fn non_utf8_bytes_are_located() {
    let bytes = b"name = \"ok\"\n# caf\xe9\n";
    let diags = limber::routine::parse_bytes(bytes).expect_err("not UTF-8");
    let text = String::from_utf8_lossy(bytes);
    assert_eq!(
        diags[0].locate(&text).to_string(),
        "2:6: the file is not valid UTF-8 text (save it as UTF-8)"
    );
}
