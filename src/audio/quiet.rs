//! Keeps C libraries' diagnostics off a full-screen UI.
//!
//! ALSA and the sound server client write straight to file descriptor 2
//! while a device is opened (eight `ALSA lib ...` lines where there is no
//! sound card). Those bytes would land in the middle of the UI, so fd 2 is
//! pointed at /dev/null around such calls. Every part of limber that
//! silences fd 2 should go through [`silence_stderr`]: the guards nest, so a
//! long-lived silence (the UI) and a short one (opening the device on the
//! audio thread) cannot undo each other whatever order they end in. Code
//! that redirects fd 2 by itself is respected too: a guard gives fd 2 back
//! only if fd 2 is still the /dev/null the guard put there.

use std::sync::{Mutex, PoisonError};

struct State {
    /// Guards alive right now.
    depth: usize,
    /// The real fd 2 saved while silenced, and the identity of the
    /// /dev/null put in its place.
    saved: Option<(libc::c_int, FileId)>,
}

/// (device, inode) of an open file.
type FileId = (libc::dev_t, libc::ino_t);

static STATE: Mutex<State> = Mutex::new(State {
    depth: 0,
    saved: None,
});

/// While alive, fd 2 goes to /dev/null; dropping the last live guard
/// restores it. If /dev/null cannot be opened nothing is redirected.
#[must_use = "stderr is restored when the guard drops"]
#[derive(Debug)]
pub struct StderrSilenced {
    _private: (),
}

/// Points fd 2 at /dev/null until the returned guard (and every other live
/// guard) is dropped.
pub fn silence_stderr() -> StderrSilenced {
    let mut state = STATE.lock().unwrap_or_else(PoisonError::into_inner);
    if state.depth == 0 {
        state.saved = redirect_to_null();
    }
    state.depth += 1;
    StderrSilenced { _private: () }
}

/// Runs `f`, which may point fd 2 somewhere itself (the UI's log, or back
/// at the terminal), while no guard can touch fd 2: a guard ending on
/// another thread cannot then undo `f`'s change halfway through.
pub fn with_stderr_lock<R>(f: impl FnOnce() -> R) -> R {
    let _state = STATE.lock().unwrap_or_else(PoisonError::into_inner);
    f()
}

impl Drop for StderrSilenced {
    fn drop(&mut self) {
        let mut state = STATE.lock().unwrap_or_else(PoisonError::into_inner);
        state.depth = state.depth.saturating_sub(1);
        if state.depth == 0
            && let Some((saved, null)) = state.saved.take()
        {
            // Restore only if fd 2 is still our /dev/null: code that does
            // not use these guards (a terminal restore in a panic hook) may
            // have pointed it elsewhere meanwhile, and wins.
            let still_ours = file_id(libc::STDERR_FILENO) == Some(null);
            // SAFETY: `saved` is a descriptor we duplicated and own; dup2 and
            // close only touch descriptors, no memory.
            unsafe {
                if still_ours {
                    libc::dup2(saved, libc::STDERR_FILENO);
                }
                libc::close(saved);
            }
        }
    }
}

fn file_id(fd: libc::c_int) -> Option<FileId> {
    // SAFETY: fstat writes into the zeroed struct we own.
    unsafe {
        let mut stat: libc::stat = std::mem::zeroed();
        (libc::fstat(fd, &mut stat) == 0).then_some((stat.st_dev, stat.st_ino))
    }
}

/// Saves fd 2 and replaces it with /dev/null; returns the saved copy and
/// the identity of that /dev/null.
fn redirect_to_null() -> Option<(libc::c_int, FileId)> {
    // SAFETY: plain descriptor calls on a NUL-terminated constant path; every
    // descriptor opened here is closed or handed back to the caller.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
        if null < 0 {
            return None;
        }
        let saved = libc::fcntl(libc::STDERR_FILENO, libc::F_DUPFD_CLOEXEC, 3);
        if saved < 0 {
            libc::close(null);
            return None;
        }
        if libc::dup2(null, libc::STDERR_FILENO) < 0 {
            libc::close(null);
            libc::close(saved);
            return None;
        }
        libc::close(null);
        match file_id(libc::STDERR_FILENO) {
            Some(id) => Some((saved, id)),
            None => {
                libc::dup2(saved, libc::STDERR_FILENO);
                libc::close(saved);
                None
            }
        }
    }
}
