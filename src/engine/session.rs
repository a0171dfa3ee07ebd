//! The running session: a state machine over the expanded routine.
//!
//! The timeline is [`crate::routine::expand`]'s list of phases; the session
//! walks it on the active-time line of [`Clock`]. A phase entered by time
//! running out starts exactly where the previous one ended (not "now"), so
//! an uninterrupted run ends exactly at `start + planned(routine).total`.

use std::time::{Duration, Instant};

use super::EXTEND_BY;
use super::clock::Clock;
use super::schedule::{self, Timed};
use super::{Command, Cue, Label, Summary, View};
use crate::routine::{Exercise, Length, Phase, PhaseKind, Routine, Sides, Work, expand};

/// How late a cue may be delivered and still be emitted. A cue whose moment
/// lies further behind the time passed to [`Session::advance`] is stale (the
/// process was stopped, the machine slept) and is dropped; see `advance`.
pub const CUE_GRACE: Duration = Duration::from_millis(250);

/// Most final seconds that can tick ([`Session::set_ticks`]).
pub const MAX_TICKS: u32 = 10;

/// Stand-in exercise for a routine without any (only reachable with
/// hand-built, unvalidated routines), so a view can always be produced.
static NO_EXERCISE: Exercise = Exercise {
    name: String::new(),
    instructions: None,
    work: Work::Hold(Duration::ZERO),
    sets: 0,
    sides: Sides::None,
    rest: Duration::ZERO,
    prepare: Duration::ZERO,
};

/// A routine being run. Time only moves when the caller passes it in.
///
/// Typical loop: sleep until [`Session::next_deadline`] (or input), then
/// [`Session::advance`] (or [`Session::command`]) with the current instant,
/// play the returned cues and draw [`Session::view`].
#[derive(Debug, Clone)]
pub struct Session {
    routine: Routine,
    phases: Vec<Phase>,
    /// `later[i]`: planned length of every phase after phase `i`.
    later: Vec<Duration>,
    clock: Clock,
    state: State,
    /// Per phase: a work phase that ran to its end at least once.
    work_done: Vec<bool>,
    /// Per exercise: one of its work phases was entered at least once.
    begun: Vec<bool>,
    /// Cues owed to the caller from construction (only `Finished` for a
    /// routine without phases).
    owed: Vec<Cue>,
    grace: Duration,
    /// How many final seconds of a countdown tick.
    ticks: u32,
    /// Test only: where each phase entry (or the end) fell in the cues of
    /// the last call, so tests can tell which phase a cue belongs to.
    #[cfg(test)]
    marks: Vec<usize>,
}

#[derive(Debug, Clone)]
enum State {
    Running(Current),
    Finished(End),
}

/// The phase being run.
#[derive(Debug, Clone)]
struct Current {
    index: usize,
    /// Active time at which the phase began.
    start: Duration,
    /// Planned length plus extensions; `None` for manual reps.
    length: Option<Duration>,
    cues: Vec<Timed>,
    /// Index of the next fixed cue not yet handled.
    cursor: usize,
    /// Countdown ticks from this `left` value upwards are done.
    tick_floor: u32,
    tick: Option<fn(u32) -> Cue>,
    /// Manual reps counted so far.
    reps_done: u32,
}

/// What is next on a phase's timeline; on equal moments, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    Fixed,
    Tick(u32),
    End,
}

#[derive(Debug, Clone, Copy)]
struct End {
    exercise: usize,
    active: Duration,
    paused: Duration,
    quit: bool,
}

impl Current {
    /// The next event and its active-time moment.
    fn next_event(&self) -> Option<(Duration, Event)> {
        let fixed = self
            .cues
            .get(self.cursor)
            .map(|t| (self.start.saturating_add(t.at), Event::Fixed));
        let tick = self.length.and_then(|end| {
            self.tick?;
            let (left, at) = schedule::next_tick(end, self.tick_floor)?;
            Some((self.start.saturating_add(at), Event::Tick(left)))
        });
        let end = self
            .length
            .map(|l| (self.start.saturating_add(l), Event::End));
        [fixed, tick, end].into_iter().flatten().min()
    }

    fn end(&self) -> Option<Duration> {
        self.length.map(|l| self.start.saturating_add(l))
    }
}

impl Session {
    /// Starts a session: its clock runs from `now`. Cues due at the start
    /// (a first tick, or `WorkStart` when the routine opens with work) come
    /// from the first [`Session::advance`]; [`Session::next_deadline`] is
    /// `now` until then.
    pub fn new(routine: Routine, now: Instant) -> Session {
        let phases = expand(&routine);
        let mut later = vec![Duration::ZERO; phases.len()];
        let mut sum = Duration::ZERO;
        for (i, phase) in phases.iter().enumerate().rev() {
            later[i] = sum;
            sum = sum.saturating_add(phase.length.planned());
        }
        let mut session = Session {
            work_done: vec![false; phases.len()],
            begun: vec![false; routine.exercises.len()],
            routine,
            phases,
            later,
            clock: Clock::new(now),
            state: State::Finished(End {
                exercise: 0,
                active: Duration::ZERO,
                paused: Duration::ZERO,
                quit: false,
            }),
            owed: Vec::new(),
            grace: CUE_GRACE,
            ticks: schedule::TICKS,
            #[cfg(test)]
            marks: Vec::new(),
        };
        if session.phases.is_empty() {
            session.owed.push(Cue::Finished);
        } else {
            session.enter(0, Duration::ZERO);
        }
        session
    }

    /// Changes how late a cue may come and still be emitted (default
    /// [`CUE_GRACE`]). A caller that runs the clock faster than real time
    /// (a preview at N x speed) should scale it by N.
    pub fn set_cue_grace(&mut self, grace: Duration) {
        self.grace = grace;
    }

    /// Sets how many final seconds of a countdown tick (default
    /// [`schedule::TICKS`], at most [`MAX_TICKS`]); from the current phase
    /// on, when none of its ticks has fired yet.
    pub fn set_ticks(&mut self, ticks: u32) {
        let ticks = ticks.min(MAX_TICKS);
        if let State::Running(cur) = &mut self.state
            && cur.tick_floor == self.ticks + 1
        {
            cur.tick_floor = ticks + 1;
        }
        self.ticks = ticks;
    }

    pub fn routine(&self) -> &Routine {
        &self.routine
    }

    /// The phase being run (an element of `expand(routine)`); `None` once
    /// finished.
    pub fn phase(&self) -> Option<&Phase> {
        match &self.state {
            State::Running(cur) => self.phases.get(cur.index),
            State::Finished(_) => None,
        }
    }

    /// Moves the session clock to `now` and returns the cues that came due,
    /// in order. An earlier `now` than before is treated as no time passing.
    ///
    /// Time jumps: a cue whose moment lies more than the grace window
    /// ([`CUE_GRACE`]) before `now` is stale and dropped, so a session that
    /// wakes up long after it should have does not play a burst. The cues of
    /// the state it lands in are still emitted: the opening cue of the phase
    /// it lands in (`WorkStart`, `RestStart` or `SwitchSides`) when that
    /// phase began during this call, and `Finished` when the session ended.
    pub fn advance(&mut self, now: Instant) -> Vec<Cue> {
        self.clock.observe(now);
        #[cfg(test)]
        self.marks.clear();
        let mut out = std::mem::take(&mut self.owed);
        self.run(&mut out);
        out
    }

    /// Advances to `now`, then applies `cmd`; returns the cues of both, in
    /// order. Every command is accepted in every state; one that does not
    /// apply (e.g. `RepDone` during a hold, anything once finished) does
    /// nothing. Commands act while paused too (the session stays paused;
    /// the new phase's opening cues come when it resumes).
    ///
    /// - `Skip`: ends the current phase; the next phase in the plan follows
    ///   (after a work phase, its rest or switch, if any). Skipping a work
    ///   phase emits `WorkEnd` but does not count it as done.
    /// - `NextExercise`: to the first phase of the next exercise; at the
    ///   last exercise the session finishes (not counted as a quit).
    /// - `PreviousExercise`: to the first phase of the previous exercise; at
    ///   the first, restarts it. `RestartExercise`: to the first phase of
    ///   the current exercise.
    /// - `Extend`: adds [`EXTEND_BY`] to any phase with a countdown
    ///   (prepare, rest, switch, hold, duration, guided reps; after the last
    ///   guided rep the extra time shows no tempo). Ignored for manual reps.
    /// - `RepDone` (manual reps): counts a rep; `LastRep` when the count
    ///   reaches the last rep; the set ends (`WorkEnd`) when all are counted.
    ///   `SetDone` (manual reps): ends the set now, counted as done.
    /// - `Quit`: finishes now with `summary().quit == true`.
    pub fn command(&mut self, cmd: Command, now: Instant) -> Vec<Cue> {
        let mut out = self.advance(now);
        if let State::Running(cur) = &self.state {
            let cur_index = cur.index;
            self.apply(cmd, cur_index, &mut out);
            self.run(&mut out);
        }
        out
    }

    /// When the caller should call [`Session::advance`] next: the earliest
    /// of the phase's end, its next cue, and the next instant the displayed
    /// countdown ([`View::seconds_left`]) or the elapsed whole seconds
    /// change. Never more than a second ahead while running; `None` while
    /// paused or once finished (and if the instant is not representable).
    /// Due cues not yet collected make it the latest instant seen: right
    /// after [`Session::new`] when the routine opens with a cue (or has no
    /// exercises and owes `Finished`).
    pub fn next_deadline(&self) -> Option<Instant> {
        if !self.owed.is_empty() {
            return Some(self.clock.latest());
        }
        let State::Running(cur) = &self.state else {
            return None;
        };
        if self.clock.is_paused() {
            return None;
        }
        let now = self.clock.now();
        let event = cur.next_event().map(|(at, _)| at);
        let countdown = cur.end().and_then(|end| {
            let left = end.checked_sub(now)?;
            // The shown number is `left` rounded up; it next changes when
            // `left` reaches the whole second below it.
            let shown = ceil_secs(left);
            end.checked_sub(Duration::from_secs(shown.checked_sub(1)?))
        });
        let elapsed = Some(Duration::from_secs(now.as_secs().saturating_add(1)));
        let next = [event, countdown, elapsed].into_iter().flatten().min()?;
        self.clock.instant_of(next)
    }

    /// A snapshot for display at `now` (normally the instant just passed to
    /// `advance`). Pure: it does not move the session.
    pub fn view(&self, now: Instant) -> View<'_> {
        let cur = match &self.state {
            State::Running(cur) => cur,
            State::Finished(end) => return self.done_view(end),
        };
        let phase = &self.phases[cur.index];
        let exercise = &self.routine.exercises[phase.exercise];
        let paused = self.clock.is_paused();
        let active = self.clock.active_at(now);
        let into = active.saturating_sub(cur.start);
        let time_left = cur.length.map(|l| l.saturating_sub(into));
        let (rep, tempo) = match (phase.kind, exercise.work) {
            (PhaseKind::Work, Work::Reps { count, tempo: None }) => (
                Some((cur.reps_done.saturating_add(1).min(count), count)),
                None,
            ),
            (
                PhaseKind::Work,
                Work::Reps {
                    count,
                    tempo: Some(t),
                },
            ) => {
                let (rep, step) = schedule::tempo_at(t, count, into);
                (Some((rep, count)), step)
            }
            _ => (None, None),
        };
        let phase_progress = match (cur.length, exercise.work) {
            (Some(l), _) if l.is_zero() => 1.0,
            (Some(l), _) => (into.as_secs_f64() / l.as_secs_f64()).clamp(0.0, 1.0),
            (None, Work::Reps { count, .. }) if count > 0 => {
                (f64::from(cur.reps_done) / f64::from(count)).clamp(0.0, 1.0)
            }
            (None, _) => 0.0,
        };
        let this_phase = match (time_left, exercise.work) {
            (Some(left), _) => left,
            (None, Work::Reps { count, .. }) => Length::Open {
                reps: count.saturating_sub(cur.reps_done),
            }
            .planned(),
            (None, _) => Duration::ZERO,
        };
        View {
            routine_name: &self.routine.name,
            exercise_index: phase.exercise,
            exercise_count: self.routine.exercises.len(),
            exercise,
            label: if paused {
                Label::Paused
            } else {
                label(phase.kind, exercise.work)
            },
            kind: Some(phase.kind),
            side: phase.side,
            set: (phase.kind != PhaseKind::Prepare).then_some((phase.set, exercise.sets)),
            rep,
            tempo,
            time_left,
            seconds_left: time_left.map(ceil_secs),
            phase_length: cur.length,
            phase_progress,
            elapsed: active,
            remaining: this_phase.saturating_add(self.later[cur.index]),
            next_exercise: self
                .routine
                .exercises
                .get(phase.exercise + 1)
                .map(|e| e.name.as_str()),
            paused,
            finished: false,
        }
    }

    pub fn is_finished(&self) -> bool {
        matches!(self.state, State::Finished(_))
    }

    /// True while paused (never once finished).
    pub fn is_paused(&self) -> bool {
        !self.is_finished() && self.clock.is_paused()
    }

    /// What the session did, as if it ended at `now`; final once finished.
    ///
    /// A work phase counts as *done* when it ran to its end: its countdown
    /// ran out (extensions included), or for manual reps every rep was
    /// counted or the user said the set was done. Skipping it, or leaving
    /// it by a jump between exercises or by quitting, does not. Credit is
    /// kept for the whole session: a set done, then redone after
    /// "previous exercise", stays done. Per exercise:
    /// - `completed`: every work phase of it is done;
    /// - `skipped`: none of its work phases was ever entered (jumped over,
    ///   left during its prepare, or not reached yet);
    /// - `cut_short`: the rest: entered, but not every work phase done.
    ///
    /// `completed + skipped + cut_short == exercises`.
    pub fn summary(&self, now: Instant) -> Summary {
        let (active, paused, quit) = match &self.state {
            State::Finished(end) => (end.active, end.paused, end.quit),
            State::Running(_) => (self.clock.active_at(now), self.clock.paused_at(now), false),
        };
        let mut summary = Summary {
            active,
            paused,
            exercises: self.routine.exercises.len(),
            quit,
            ..Summary::default()
        };
        for (index, begun) in self.begun.iter().enumerate() {
            let all_done = self
                .phases
                .iter()
                .zip(&self.work_done)
                .filter(|(p, _)| p.exercise == index && p.kind == PhaseKind::Work)
                .all(|(_, done)| *done);
            if !begun {
                summary.skipped += 1;
            } else if all_done {
                summary.completed += 1;
            } else {
                summary.cut_short += 1;
            }
        }
        summary
    }

    fn done_view(&self, end: &End) -> View<'_> {
        let exercise = self
            .routine
            .exercises
            .get(end.exercise)
            .unwrap_or(&NO_EXERCISE);
        View {
            routine_name: &self.routine.name,
            exercise_index: end.exercise,
            exercise_count: self.routine.exercises.len(),
            exercise,
            label: Label::Done,
            kind: None,
            side: None,
            set: None,
            rep: None,
            tempo: None,
            time_left: None,
            seconds_left: None,
            phase_length: None,
            phase_progress: 1.0,
            elapsed: end.active,
            remaining: Duration::ZERO,
            next_exercise: None,
            paused: false,
            finished: true,
        }
    }

    /// Handles every event due by the clock's current time.
    fn run(&mut self, out: &mut Vec<Cue>) {
        if self.clock.is_paused() {
            return;
        }
        let now = self.clock.now();
        // Stale opening cues of the phase being run, and where its cues
        // begin in `out`: if we land in it, they go in first.
        let mut opening: Vec<Cue> = Vec::new();
        let mut phase_from = out.len();
        while let State::Running(cur) = &mut self.state {
            let Some((at, event)) = cur.next_event().filter(|(at, _)| *at <= now) else {
                break;
            };
            let fresh = now - at <= self.grace;
            match event {
                Event::Fixed => {
                    let timed = cur.cues[cur.cursor];
                    cur.cursor += 1;
                    if fresh {
                        out.push(timed.cue);
                    } else if timed.opening {
                        opening.push(timed.cue);
                    }
                }
                Event::Tick(left) => {
                    cur.tick_floor = left;
                    if let (true, Some(tick)) = (fresh, cur.tick) {
                        out.push(tick(left));
                    }
                }
                Event::End => {
                    let index = cur.index;
                    self.end_phase(index, true, fresh, out);
                    self.go_to(index + 1, at, out);
                    opening.clear();
                    phase_from = out.len();
                }
            }
        }
        out.splice(phase_from..phase_from, opening);
    }

    fn apply(&mut self, cmd: Command, index: usize, out: &mut Vec<Cue>) {
        let now = self.clock.now();
        let exercise = self.phases[index].exercise;
        let manual = self.phases[index].kind == PhaseKind::Work
            && matches!(self.phases[index].length, Length::Open { .. });
        match cmd {
            Command::TogglePause if self.clock.is_paused() => self.clock.resume(),
            Command::TogglePause | Command::Pause => self.clock.pause(),
            Command::Resume => self.clock.resume(),
            Command::Skip => {
                self.end_phase(index, false, true, out);
                self.go_to(index + 1, now, out);
            }
            Command::NextExercise => {
                let next = self.first_phase_after(exercise);
                self.go_to(next, now, out);
            }
            Command::PreviousExercise => {
                let first = self.first_phase_of(exercise);
                let target = first.checked_sub(1).map_or(first, |last| {
                    self.first_phase_of(self.phases[last].exercise)
                });
                self.go_to(target, now, out);
            }
            Command::RestartExercise => {
                let first = self.first_phase_of(exercise);
                self.go_to(first, now, out);
            }
            Command::Extend => {
                if let State::Running(cur) = &mut self.state {
                    cur.length = cur.length.map(|l| l.checked_add(EXTEND_BY).unwrap_or(l));
                }
            }
            Command::RepDone if manual => {
                let Work::Reps { count, .. } = self.routine.exercises[exercise].work else {
                    return;
                };
                let State::Running(cur) = &mut self.state else {
                    return;
                };
                cur.reps_done = cur.reps_done.saturating_add(1);
                if cur.reps_done >= count {
                    self.end_phase(index, true, true, out);
                    self.go_to(index + 1, now, out);
                } else if cur.reps_done + 1 == count {
                    out.push(Cue::LastRep);
                }
            }
            Command::SetDone if manual => {
                self.end_phase(index, true, true, out);
                self.go_to(index + 1, now, out);
            }
            Command::RepDone | Command::SetDone => {}
            Command::Quit => self.finish(now, true, out),
        }
    }

    /// Bookkeeping and `WorkEnd` when phase `index` ends (not on jumps).
    fn end_phase(&mut self, index: usize, done: bool, emit: bool, out: &mut Vec<Cue>) {
        if self.phases[index].kind == PhaseKind::Work {
            if done {
                self.work_done[index] = true;
            }
            if emit {
                out.push(Cue::WorkEnd);
            }
        }
    }

    /// Enters phase `index` at active time `at`, or finishes past the end.
    fn go_to(&mut self, index: usize, at: Duration, out: &mut Vec<Cue>) {
        #[cfg(test)]
        self.marks.push(out.len());
        if index < self.phases.len() {
            self.enter(index, at);
        } else {
            self.finish(at, false, out);
        }
    }

    fn enter(&mut self, index: usize, at: Duration) {
        let phase = self.phases[index];
        let exercise = &self.routine.exercises[phase.exercise];
        if phase.kind == PhaseKind::Work {
            self.begun[phase.exercise] = true;
        }
        self.state = State::Running(Current {
            index,
            start: at,
            length: match phase.length {
                Length::Fixed(d) => Some(d),
                Length::Open { .. } => None,
            },
            cues: schedule::fixed_cues(&phase, exercise),
            cursor: 0,
            tick_floor: self.ticks + 1,
            tick: schedule::tick_cue(&phase, exercise),
            reps_done: 0,
        });
    }

    fn finish(&mut self, at: Duration, quit: bool, out: &mut Vec<Cue>) {
        let exercise = match &self.state {
            State::Running(cur) => self.phases[cur.index].exercise,
            State::Finished(end) => end.exercise,
        };
        self.clock.resume();
        self.state = State::Finished(End {
            exercise,
            active: at,
            paused: self.clock.paused_at(self.clock.latest()),
            quit,
        });
        out.push(Cue::Finished);
    }

    fn first_phase_of(&self, exercise: usize) -> usize {
        self.phases
            .iter()
            .position(|p| p.exercise == exercise)
            .unwrap_or(self.phases.len())
    }

    fn first_phase_after(&self, exercise: usize) -> usize {
        self.phases
            .iter()
            .position(|p| p.exercise > exercise)
            .unwrap_or(self.phases.len())
    }
}

#[cfg(test)]
#[path = "session_props.rs"]
mod props;

fn label(kind: PhaseKind, work: Work) -> Label {
    match (kind, work) {
        (PhaseKind::Prepare, _) => Label::GetReady,
        (PhaseKind::Rest, _) => Label::Rest,
        (PhaseKind::SwitchSides, _) => Label::SwitchSides,
        (PhaseKind::Work, Work::Hold(_)) => Label::Hold,
        (PhaseKind::Work, Work::Duration(_)) => Label::Go,
        (PhaseKind::Work, Work::Reps { .. }) => Label::Reps,
    }
}

/// Whole seconds, rounded up.
fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}
