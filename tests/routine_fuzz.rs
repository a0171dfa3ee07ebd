//! The loader never panics, whatever it is given.

use limber::routine::{parse, parse_bytes};
use proptest::prelude::*;

/// Fragments that steer random input toward almost-valid routines.
const PIECES: &[&str] = &[
    "name = \"R\"\n",
    "[[exercise]]\n",
    "name = \"E\"\n",
    "hold = ",
    "reps = ",
    "duration = ",
    "sets = ",
    "sides = ",
    "rest = ",
    "prepare = ",
    "tempo = { up = ",
    ", hold = ",
    " }\n",
    "[defaults]\n",
    "\"30s\"",
    "\"1m30s\"",
    "\"0s\"",
    "\"5h\"",
    "\"abc\"",
    "0",
    "-1",
    "3",
    "99999999999999999999999",
    "1.5",
    "true",
    "\"both\"",
    "\"alternate\"",
    "[",
    "]",
    "{",
    "}",
    "\n",
    "=",
    "\"",
    "'",
    "#",
    "é",
    "\u{0}",
    "description = \"\"\"\n",
    "\"\"\"\n",
    "instructions = ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_bytes(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = parse(&text);
    }

    #[test]
    fn near_valid_documents_never_panic_and_errors_point_inside(
        picks in proptest::collection::vec(0..PIECES.len(), 0..60)
    ) {
        let text: String = picks.iter().map(|i| PIECES[*i]).collect();
        if let Err(diags) = parse(&text) {
            prop_assert!(!diags.is_empty());
            for d in diags {
                prop_assert!(d.span.start <= text.len(), "{d:?} outside {}", text.len());
                let rendered = d.render("f.toml", &text);
                prop_assert!(rendered.starts_with("f.toml:"));
            }
        }
    }
}

#[test]
fn deep_nesting_and_huge_input_are_errors_not_crashes() {
    let deep = format!("x = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse(&deep).is_err());
    let deep_tables = format!("x = {}1{}", "{a = ".repeat(50_000), "}".repeat(50_000));
    assert!(parse(&deep_tables).is_err());
    let many =
        "name = \"R\"\n".to_string() + &"[[exercise]]\nname = \"E\"\nhold = 1\n".repeat(20_000);
    let routine = parse(&many).expect("valid, just long");
    assert_eq!(routine.exercises.len(), 20_000);
}
