//! Snapshots of the session screen: every phase label, pause, and small windows.
//! Views are built by hand, so the screen is tested apart from the engine.

use std::time::Duration;

use limber::engine::{Label, TempoStep, View};
use limber::routine::{Exercise, PhaseKind, Side, Sides, Tempo, Work};
use limber::ui::Theme;
use limber::ui::session::{self, Footer, SessionScreen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn exercise(work: Work, sides: Sides) -> Exercise {
    Exercise {
        name: "Lying glute stretch".into(),
        instructions: Some(
            "Lie on your back with knees bent and feet flat. Cross one ankle over the \
             other knee and pull the supporting thigh gently toward your chest."
                .into(),
        ),
        work,
        sets: 3,
        sides,
        rest: Duration::from_secs(15),
        prepare: Duration::from_secs(5),
    }
}

fn hold() -> Exercise {
    exercise(Work::Hold(Duration::from_secs(30)), Sides::Alternate)
}

/// A view in the middle of a phase of `e`, with `left` seconds to go.
fn view<'a>(e: &'a Exercise, label: Label, kind: PhaseKind, left: Option<u64>) -> View<'a> {
    let length = left.map(|_| Duration::from_secs(30));
    View {
        routine_name: "Sciatica relief",
        exercise_index: 1,
        exercise_count: 5,
        exercise: e,
        label,
        kind: Some(kind),
        side: e.sides.has_sides().then_some(Side::Left),
        set: (kind != PhaseKind::Prepare).then_some((2, 3)),
        rep: None,
        tempo: None,
        time_left: left.map(|s| Duration::from_millis(s * 1000 - 400)),
        seconds_left: left,
        phase_length: length,
        phase_progress: left.map_or(0.0, |s| 1.0 - s as f64 / 30.0),
        elapsed: Duration::from_secs(125),
        remaining: Duration::from_secs(475),
        next_exercise: Some("Clam"),
        paused: label == Label::Paused,
        finished: false,
    }
}

fn render(view: &View, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let screen = SessionScreen {
        view,
        footer: Footer {
            audio: "sound off: no audio device",
            muted: false,
            message: None,
            speed: 1,
        },
        theme: Theme::MONO,
    };
    t.draw(|f| session::draw(f, &screen)).unwrap();
    t
}

#[test]
fn get_ready_80x24() {
    let e = hold();
    let mut v = view(&e, Label::GetReady, PhaseKind::Prepare, Some(4));
    v.phase_length = Some(Duration::from_secs(5));
    insta::assert_snapshot!(render(&v, 80, 24).backend());
}

#[test]
fn hold_left_80x24() {
    let e = hold();
    let v = view(&e, Label::Hold, PhaseKind::Work, Some(23));
    insta::assert_snapshot!(render(&v, 80, 24).backend());
}

#[test]
fn go_duration_over_a_minute_80x24() {
    let mut e = exercise(Work::Duration(Duration::from_secs(600)), Sides::None);
    e.name = "Brisk walk".into();
    e.instructions = Some("Walk briskly, arms swinging.".into());
    let v = view(&e, Label::Go, PhaseKind::Work, Some(545));
    insta::assert_snapshot!(render(&v, 80, 24).backend());
}

#[test]
fn guided_reps_show_rep_and_tempo_80x24() {
    let tempo = Tempo {
        up: Duration::from_secs(1),
        hold: Duration::from_secs(2),
        down: Duration::from_secs(1),
    };
    let mut e = exercise(
        Work::Reps {
            count: 20,
            tempo: Some(tempo),
        },
        Sides::Both,
    );
    e.name = "Clam".into();
    let mut v = view(&e, Label::Reps, PhaseKind::Work, Some(52));
    v.rep = Some((7, 20));
    v.tempo = Some(TempoStep::Hold);
    v.phase_length = Some(Duration::from_secs(80));
    v.phase_progress = 28.0 / 80.0;
    insta::assert_snapshot!(render(&v, 80, 24).backend());
}

#[test]
fn manual_reps_show_the_count_big_80x24() {
    let mut e = exercise(
        Work::Reps {
            count: 10,
            tempo: None,
        },
        Sides::None,
    );
    e.name = "Bridge".into();
    let mut v = view(&e, Label::Reps, PhaseKind::Work, None);
    v.rep = Some((4, 10));
    insta::assert_snapshot!(render(&v, 80, 24).backend());
}

#[test]
fn rest_80x24() {
    let e = hold();
    let v = view(&e, Label::Rest, PhaseKind::Rest, Some(12));
    insta::assert_snapshot!(render(&v, 80, 24).backend());
}

#[test]
fn switch_sides_shows_the_side_to_come_80x24() {
    let e = exercise(Work::Hold(Duration::from_secs(30)), Sides::Both);
    let mut v = view(&e, Label::SwitchSides, PhaseKind::SwitchSides, Some(3));
    v.side = Some(Side::Right);
    insta::assert_snapshot!(render(&v, 80, 24).backend());
}

#[test]
fn paused_says_what_was_paused_80x24() {
    let e = hold();
    let v = view(&e, Label::Paused, PhaseKind::Work, Some(17));
    insta::assert_snapshot!(render(&v, 80, 24).backend());
}

#[test]
fn large_window_uses_larger_digits() {
    let e = hold();
    let v = view(&e, Label::Hold, PhaseKind::Work, Some(23));
    insta::assert_snapshot!(render(&v, 120, 40).backend());
}

#[test]
fn small_window_falls_back_to_plain_text() {
    let e = hold();
    let v = view(&e, Label::Hold, PhaseKind::Work, Some(23));
    insta::assert_snapshot!(render(&v, 32, 9).backend());
}

#[test]
fn tiny_window_asks_to_enlarge() {
    let e = hold();
    let v = view(&e, Label::Hold, PhaseKind::Work, Some(23));
    let t = render(&v, 24, 6);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn every_size_from_1x1_to_100x40_renders_without_panic() {
    let e = hold();
    let v = view(&e, Label::SwitchSides, PhaseKind::SwitchSides, Some(3725));
    for w in (1..=100).step_by(3) {
        for h in 1..=40 {
            let t = render(&v, w, h);
            assert_eq!(t.backend().buffer().area.width, w);
        }
    }
}

#[test]
fn phase_label_side_and_time_are_on_screen_as_words_too() {
    // Colour is never the only carrier: with the big font the words are
    // drawn as blocks, and the info line repeats the side and set in text.
    let e = hold();
    let v = view(&e, Label::Hold, PhaseKind::Work, Some(23));
    let t = render(&v, 80, 24);
    let text = format!("{}", t.backend());
    assert!(text.contains("HOLD  ·  LEFT  ·  Set 2/3"), "{text}");
}

#[test]
fn session_time_done_and_left_add_up_to_the_plan() {
    let e = hold();
    let cases = [
        // (elapsed ms, remaining ms, expected text): done rounds down, left rounds up.
        (125_600, 474_400, "2:05 done · 7:55 left"),
        (599_700, 300, "9:59 done · 0:01 left"),
        (600_000, 0, "10:00 done · 0:00 left"),
    ];
    for (elapsed, remaining, expected) in cases {
        let mut v = view(&e, Label::Hold, PhaseKind::Work, Some(12));
        v.elapsed = Duration::from_millis(elapsed);
        v.remaining = Duration::from_millis(remaining);
        let t = render(&v, 80, 24);
        let screen: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(screen.contains(expected), "{expected}");
    }
}
