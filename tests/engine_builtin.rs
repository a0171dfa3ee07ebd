//! Golden runs of the built-in routines: the full (time, cue) list of an
//! uninterrupted run is snapshotted, and checked against the plan.

mod engine_support;

use engine_support::*;
use limber::engine::Cue;
use limber::routine::{PhaseKind, Routine, Work, expand, parse, planned};

fn load(src: &str) -> Routine {
    match parse(src) {
        Ok(r) => r,
        Err(e) => panic!("built-in routine does not parse: {e:?}"),
    }
}

/// What an uninterrupted run must contain, counted from the plan itself:
/// one opening cue per phase of its kind, a halfway per long hold or
/// duration, an end per work phase, ticks for every countdown, `Finished`
/// once at exactly the planned total.
fn check_against_plan(r: &Routine, log: &[(std::time::Duration, Cue)]) {
    let phases = expand(r);
    let count = |cue: Cue| log.iter().filter(|(_, c)| *c == cue).count();
    let kinds = |kind| phases.iter().filter(|p| p.kind == kind).count();
    assert_eq!(count(Cue::WorkStart), kinds(PhaseKind::Work));
    assert_eq!(count(Cue::WorkEnd), kinds(PhaseKind::Work));
    assert_eq!(count(Cue::RestStart), kinds(PhaseKind::Rest));
    assert_eq!(count(Cue::SwitchSides), kinds(PhaseKind::SwitchSides));
    let long = phases
        .iter()
        .filter(|p| p.kind == PhaseKind::Work)
        .filter(|p| match r.exercises[p.exercise].work {
            Work::Hold(d) | Work::Duration(d) => d >= secs(20),
            Work::Reps { .. } => false,
        })
        .count();
    assert_eq!(count(Cue::Halfway), long);
    let countdowns = phases
        .iter()
        .filter(|p| p.kind != PhaseKind::Work && p.length.planned() >= secs(3))
        .count();
    assert_eq!(count(Cue::GetReadyTick { left: 1 }), countdowns);
    assert_eq!(log.last(), Some(&(planned(r).total, Cue::Finished)));
    assert_eq!(count(Cue::Finished), 1);
    assert!(log.windows(2).all(|w| w[0].0 <= w[1].0), "time order");
}

fn golden_builtin(src: &str) -> String {
    let r = load(src);
    let log = golden(r.clone());
    check_against_plan(&r, &log);
    render(&log)
}

#[test]
fn sciatica_relief_golden() {
    insta::assert_snapshot!(golden_builtin(include_str!(
        "../routines/sciatica-relief.toml"
    )));
}

#[test]
fn desk_break_golden() {
    insta::assert_snapshot!(golden_builtin(include_str!("../routines/desk-break.toml")));
}

#[test]
fn lower_back_strength_golden() {
    insta::assert_snapshot!(golden_builtin(include_str!(
        "../routines/lower-back-strength.toml"
    )));
}

#[test]
fn every_builtin_routine_runs_to_its_planned_total() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("routines");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("routines/ is readable") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("routine is readable");
        let r = load(&src);
        if planned(&r).estimated {
            // Manual reps have no fixed end; the scenario tests cover them.
            continue;
        }
        let log = golden(r.clone());
        check_against_plan(&r, &log);
        seen += 1;
    }
    assert!(seen >= 3, "only {seen} timed built-in routines found");
}
