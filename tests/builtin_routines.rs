//! Every built-in routine loads, validates and lasts what it was planned to.
//! The expected totals were computed by hand from the expansion rule
//! (prepare + work + rests/switches), independently of the code.

use std::time::Duration;

use limber::routine::{self, Sides, Work};
use limber::store::BUILTIN;

const EXPECTED: [(&str, u64, bool); 7] = [
    ("desk-break", 392, false),
    ("ice-heat", 1230, false),
    ("lower-back-strength", 1230, false),
    ("morning-mobility", 548, true),
    ("piriformis-beginner", 740, false),
    ("sciatica-relief", 920, false),
    ("walk", 1390, false),
];

#[test]
fn every_builtin_routine_is_valid_with_its_planned_duration() {
    let ids: Vec<&str> = BUILTIN.iter().map(|(id, _)| *id).collect();
    let expected: Vec<&str> = EXPECTED.iter().map(|(id, ..)| *id).collect();
    assert_eq!(ids, expected, "built-in set changed: update EXPECTED");
    for ((id, text), (_, seconds, estimated)) in BUILTIN.iter().zip(EXPECTED) {
        let r = routine::parse(text).unwrap_or_else(|d| panic!("{id}: {d:?}"));
        let plan = routine::planned(&r);
        assert_eq!(plan.total, Duration::from_secs(seconds), "{id}");
        assert_eq!(plan.estimated, estimated, "{id}");
        for e in &r.exercises {
            let text = e.instructions.as_deref().unwrap_or("");
            assert!(!text.is_empty(), "{id}/{}: instructions missing", e.name);
        }
    }
}

#[test]
fn builtins_cover_the_exercises_the_user_asked_for() {
    let all: Vec<(String, Work, Sides)> = BUILTIN
        .iter()
        .flat_map(|(_, text)| routine::parse(text).expect("valid").exercises)
        .map(|e| (e.name.to_lowercase(), e.work, e.sides))
        .collect();
    let has = |word: &str| all.iter().any(|(n, ..)| n.contains(word));
    for word in [
        "clam",
        "glute",
        "piriformis",
        "hamstring",
        "walk",
        "bridge",
        "donkey",
        "ice",
    ] {
        assert!(has(word), "no built-in exercise mentions {word}");
    }
    let (_, work, sides) = all
        .iter()
        .find(|(n, ..)| n.contains("donkey"))
        .expect("donkey kicks");
    assert_eq!(*work, Work::Duration(Duration::from_secs(90)));
    assert_eq!(*sides, Sides::Both);
}
