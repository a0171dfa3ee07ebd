//! Snapshots of the menu (with an invalid routine), help, summary, the
//! safety notice and the quit dialog, at 80x24 and in a small window.

use std::path::PathBuf;
use std::time::Duration;

use limber::app::state::{App, Prompt, PromptFor};
use limber::audio::{Audio, SoundSettings};
use limber::engine::Summary;
use limber::paths::Paths;
use limber::routine::{Exercise, Routine, Sides, Tempo, Work};
use limber::store::Catalog;
use limber::ui::menu::{self, Menu, MenuItem};
use limber::ui::{Theme, dialog, help, notice, summary};
use ratatui::backend::TestBackend;
use ratatui::{Frame, Terminal};

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn exercise(name: &str, work: Work, sets: u32, sides: Sides) -> Exercise {
    Exercise {
        name: name.into(),
        instructions: None,
        work,
        sets,
        sides,
        rest: secs(10),
        prepare: secs(5),
    }
}

fn routine() -> Routine {
    Routine {
        name: "Sciatica relief".into(),
        description: Some("Gentle stretches for the piriformis, glutes and hamstrings.".into()),
        exercises: vec![
            exercise(
                "Lying glute stretch",
                Work::Hold(secs(30)),
                3,
                Sides::Alternate,
            ),
            exercise(
                "Clam",
                Work::Reps {
                    count: 20,
                    tempo: Some(Tempo {
                        up: secs(1),
                        hold: secs(2),
                        down: secs(1),
                    }),
                },
                2,
                Sides::Both,
            ),
            exercise(
                "Bridge",
                Work::Reps {
                    count: 10,
                    tempo: None,
                },
                2,
                Sides::None,
            ),
            exercise("Donkey kicks", Work::Duration(secs(90)), 1, Sides::Both),
        ],
    }
}

fn items() -> Vec<MenuItem> {
    vec![
        MenuItem {
            id: "sciatica-relief".into(),
            name: "Sciatica relief".into(),
            builtin: true,
            path: PathBuf::from("routines/sciatica-relief.toml"),
            routine: Ok(routine()),
        },
        MenuItem {
            id: "broken".into(),
            name: "broken".into(),
            builtin: false,
            path: PathBuf::from("/home/me/.config/limber/routines/broken.toml"),
            routine: Err("4:1: unknown key 'hodl' — did you mean 'hold'?".into()),
        },
        MenuItem {
            id: "walk".into(),
            name: "Brisk walk".into(),
            builtin: true,
            path: PathBuf::from("routines/walk.toml"),
            routine: Ok(Routine {
                name: "Brisk walk".into(),
                description: None,
                exercises: vec![exercise("Walk", Work::Duration(secs(1200)), 1, Sides::None)],
            }),
        },
    ]
}

fn render(w: u16, h: u16, f: impl FnOnce(&mut Frame)) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(f).unwrap();
    t
}

#[test]
fn menu_80x24() {
    let m = Menu::new(items());
    insta::assert_snapshot!(render(80, 24, |f| menu::draw(f, &m, None, Theme::MONO)).backend());
}

#[test]
fn menu_shows_an_invalid_routine_with_its_error() {
    let mut m = Menu::new(items());
    m.down();
    assert_eq!(m.selected_item().unwrap().id, "broken");
    let t = render(80, 24, |f| menu::draw(f, &m, None, Theme::MONO));
    insta::assert_snapshot!(t.backend());
}

#[test]
fn menu_filter_narrows_the_list() {
    let mut m = Menu::new(items());
    m.filtering = true;
    for c in "walk".chars() {
        m.push_filter(c);
    }
    assert_eq!(m.visible().len(), 1);
    insta::assert_snapshot!(render(80, 24, |f| menu::draw(f, &m, None, Theme::MONO)).backend());
}

#[test]
fn menu_in_a_small_window_stacks_list_and_preview() {
    let m = Menu::new(items());
    insta::assert_snapshot!(render(40, 14, |f| menu::draw(f, &m, None, Theme::MONO)).backend());
}

#[test]
fn routines_of_the_same_name_show_their_ids() {
    let mut list = items();
    let mut copy = list[0].clone();
    copy.id = "sciatica-relief-copy".into();
    list.insert(1, copy);
    let m = Menu::new(list);
    let t = render(80, 24, |f| menu::draw(f, &m, None, Theme::MONO));
    let rows: Vec<String> = (1..5)
        .map(|y| {
            (0..26)
                .map(|x| t.backend().buffer()[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect();
    assert_eq!(
        rows,
        [
            "┌ Routines ──────────────┐",
            "│> sciatica-relief       │",
            "│  sciatica-relief-copy  │",
            "│  broken [invalid]      │",
        ]
    );
    // With room, both the name and the id.
    let t = render(150, 24, |f| menu::draw(f, &m, None, Theme::MONO));
    let row: String = (0..50)
        .map(|x| t.backend().buffer()[(x, 3)].symbol().to_string())
        .collect();
    assert_eq!(row, "│  Sciatica relief (sciatica-relief-copy)        │");
}

#[test]
fn menu_reload_keeps_the_selected_routine() {
    let mut m = Menu::new(items());
    m.select("walk");
    let mut fewer = items();
    fewer.remove(1);
    m.set_items(fewer);
    assert_eq!(m.selected_item().unwrap().id, "walk");
}

/// The app over the test menu; its directories are never touched by drawing.
fn app() -> App {
    let paths = Paths {
        config_dir: PathBuf::from("/nonexistent/config"),
        data_dir: PathBuf::from("/nonexistent/data"),
    };
    let mut a = App::new(
        paths,
        Catalog::default(),
        Audio::silent(SoundSettings::default()),
        Theme::MONO,
        1,
        false,
    );
    a.menu = Menu::new(items());
    a
}

fn render_app(w: u16, h: u16, a: &App) -> Terminal<TestBackend> {
    render(w, h, |f| a.draw(f, std::time::Instant::now()))
}

#[test]
fn new_routine_prompt_80x24() {
    let mut a = app();
    a.prompt = Some(Prompt {
        purpose: PromptFor::New,
        text: "morning".into(),
        error: None,
    });
    insta::assert_snapshot!(render_app(80, 24, &a).backend());
}

#[test]
fn copy_prompt_with_an_error_wraps_it_80x24() {
    let mut a = app();
    a.prompt = Some(Prompt {
        purpose: PromptFor::Copy {
            id: "sciatica-relief".into(),
            name: "Sciatica relief".into(),
        },
        text: "my copy".into(),
        error: Some(
            "'my copy' cannot be a routine id: use only letters, digits, '-' and '_' \
             (no spaces, dots or slashes)"
                .into(),
        ),
    });
    insta::assert_snapshot!(render_app(80, 24, &a).backend());
}

#[test]
fn delete_confirmation_80x24() {
    let mut a = app();
    a.menu.select("broken");
    a.confirm_delete = Some("broken".into());
    insta::assert_snapshot!(render_app(80, 24, &a).backend());
}

#[test]
fn menu_footer_fits_80_columns_with_undo_and_a_long_message_wraps() {
    let mut a = app();
    a.menu.can_undo = true;
    a.message = Some(
        "deleted 'Morning'; u undoes; the backup is \
         /home/me/.local/share/limber/deleted/morning.2026-11-23T17-40-00.toml"
            .into(),
    );
    let t = render_app(80, 24, &a);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn help_80x24() {
    insta::assert_snapshot!(render(80, 24, |f| help::draw(f, Theme::MONO)).backend());
}

#[test]
fn summary_80x24() {
    let s = Summary {
        active: secs(754),
        paused: secs(65),
        exercises: 5,
        completed: 3,
        skipped: 1,
        cut_short: 1,
        quit: true,
    };
    insta::assert_snapshot!(
        render(80, 24, |f| summary::draw(
            f,
            "Sciatica relief",
            &s,
            Theme::MONO
        ))
        .backend()
    );
}

#[test]
fn safety_notice_80x24() {
    insta::assert_snapshot!(render(80, 24, |f| notice::draw(f, Theme::MONO)).backend());
}

#[test]
fn quit_dialog_80x24() {
    insta::assert_snapshot!(render(80, 24, |f| dialog::confirm_quit(f, Theme::MONO)).backend());
}

#[test]
fn every_screen_survives_every_small_size() {
    let m = Menu::new(items());
    let s = Summary::default();
    for w in 1..=45 {
        for h in 1..=16 {
            render(w, h, |f| menu::draw(f, &m, Some("a warning"), Theme::MONO));
            render(w, h, |f| {
                menu::draw(f, &m, Some(&"long ".repeat(40)), Theme::MONO)
            });
            render(w, h, |f| help::draw(f, Theme::MONO));
            render(w, h, |f| summary::draw(f, "x", &s, Theme::MONO));
            render(w, h, |f| notice::draw(f, Theme::MONO));
            let view = dialog::PromptView {
                title: "New routine",
                question: "Id of the new routine:",
                text: "abc",
                error: Some("a long error that has to wrap somewhere in a small window"),
                confirm: "create",
            };
            render(w, h, |f| dialog::prompt(f, &view, Theme::MONO));
            render(w, h, |f| {
                dialog::confirm_delete(f, "Name", "name.toml", true, Theme::MONO)
            });
            let t = render(w, h, |f| dialog::confirm_quit(f, Theme::MONO));
            assert_eq!(t.backend().buffer().area.height, h);
        }
    }
}

#[test]
fn menu_at_the_minimum_size_shows_the_list_alone() {
    let m = Menu::new(items());
    let t = render(30, 8, |f| menu::draw(f, &m, None, Theme::MONO));
    insta::assert_snapshot!(t.backend());
}
