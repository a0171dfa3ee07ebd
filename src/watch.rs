//! Live reload: tells the app when routine files change on disk (edited in
//! another window, added, deleted), without polling when the OS can notify.

use std::fs;
use std::path::Path;
use std::time::Duration;

use notify::event::EventKind;
use notify::{Event, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

/// Keeps watching while alive; dropping it stops the watch.
pub struct DirWatch {
    _inner: Box<dyn Watcher + Send>,
}

/// How often the fallback watcher looks when OS notifications are unavailable.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// Calls `changed` whenever a `*.toml` file in `dir` is created, written,
/// renamed or removed. Creates `dir` when missing so new files are seen.
pub fn watch_routines(
    dir: &Path,
    changed: impl Fn() + Send + Clone + 'static,
) -> Result<DirWatch, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let handler = |changed: Box<dyn Fn() + Send>| {
        move |event: notify::Result<Event>| {
            if event.is_ok_and(|e| is_routine_change(&e)) {
                changed();
            }
        }
    };
    let native = RecommendedWatcher::new(
        handler(Box::new(changed.clone())),
        notify::Config::default(),
    )
    .and_then(|mut w| w.watch(dir, RecursiveMode::NonRecursive).map(|()| w));
    let inner: Box<dyn Watcher + Send> = match native {
        Ok(w) => Box::new(w),
        Err(_) => {
            let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
            let mut w = PollWatcher::new(handler(Box::new(changed)), config)
                .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
            w.watch(dir, RecursiveMode::NonRecursive)
                .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
            Box::new(w)
        }
    };
    Ok(DirWatch { _inner: inner })
}

/// True for changes to routine files; reads (our own reloads) do not count.
fn is_routine_change(event: &Event) -> bool {
    let relevant = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    relevant
        && event
            .paths
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// Waits for a change notification (the OS delivers them asynchronously,
    /// and one write may come as several), then until the events stop.
    fn changed(rx: &mpsc::Receiver<()>) -> bool {
        let got = rx.recv_timeout(Duration::from_secs(5)).is_ok();
        while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
        got
    }

    #[test]
    fn sees_new_changed_and_deleted_routine_files_but_not_reads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let routines = dir.path().join("routines");
        let (tx, rx) = mpsc::channel();
        let _watch = watch_routines(&routines, move || {
            let _ = tx.send(());
        })
        .expect("watch");
        let file = routines.join("a.toml");
        fs::write(&file, "name = 1").expect("write");
        assert!(changed(&rx), "creation");
        fs::write(&file, "name = 2").expect("write");
        assert!(changed(&rx), "modification");
        let _ = fs::read(&file).expect("read");
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "a read is not a change"
        );
        fs::remove_file(&file).expect("remove");
        assert!(changed(&rx), "removal");
        fs::write(routines.join("notes.txt"), "x").expect("write");
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "not a routine file"
        );
    }
}
