//! Audio benchmark: how fast a cue reaches the output, and what the sound
//! side costs between cues.
//!
//! `cargo bench --bench audio`. With a sound server (`eval "$(bash
//! .ci/sound-server.sh)"`) it measures the real rodio/cpal output and the
//! idle cost of the whole process's threads; without one it measures the
//! hand-off to a silent output and says so.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use limber::audio::{Audio, Output, RodioOutput, Silent, Sound, SoundSettings, quiet};
use limber::engine::Cue;

/// Wraps an output and notes when each sound was handed to it.
struct Timed<O: Output> {
    inner: O,
    handed: Arc<Mutex<Vec<Instant>>>,
}

impl<O: Output> Output for Timed<O> {
    fn play(&mut self, sound: &Sound, volume: f32) {
        self.inner.play(sound, volume);
        let now = Instant::now();
        self.handed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(now);
    }

    fn busy_until(&self) -> Option<Instant> {
        self.inner.busy_until()
    }

    fn idle(&mut self) {
        self.inner.idle();
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

/// Plays `count` cues `gap` apart; returns the play-to-hand-off latencies.
fn handoff(
    output: Box<dyn Output>,
    handed: &Arc<Mutex<Vec<Instant>>>,
    count: usize,
    gap: Duration,
) -> Vec<Duration> {
    let mut audio = Audio::with_output(SoundSettings::default(), output, None);
    audio.flush(Duration::from_secs(5));
    handed
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clear();
    let mut sent = Vec::with_capacity(count);
    let start = Instant::now();
    for i in 0..count {
        let moment = start + gap * i as u32;
        thread::sleep(moment.saturating_duration_since(Instant::now()));
        sent.push(Instant::now());
        audio.play(Cue::LastSecondsTick { left: 1 });
    }
    audio.flush(Duration::from_secs(5));
    drop(audio);
    let handed = handed.lock().unwrap_or_else(PoisonError::into_inner);
    let mut latencies: Vec<Duration> = sent
        .iter()
        .zip(handed.iter())
        .map(|(s, h)| h.duration_since(*s))
        .collect();
    latencies.sort();
    latencies
}

fn report_latency(label: &str, latencies: &[Duration]) {
    println!(
        "  {label}: n={} median {:?}, p99 {:?}, max {:?}",
        latencies.len(),
        percentile(latencies, 0.5),
        percentile(latencies, 0.99),
        latencies[latencies.len() - 1]
    );
}

/// Per thread of this process: (name, context switches, ns on a CPU).
fn threads() -> BTreeMap<u32, (String, u64, u64)> {
    let mut out = BTreeMap::new();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return out;
    };
    for task in tasks.flatten() {
        let path = task.path();
        let Some(tid) = path.file_name().and_then(|n| n.to_str()?.parse().ok()) else {
            continue;
        };
        let name = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
        let status = std::fs::read_to_string(path.join("status")).unwrap_or_default();
        let switches: u64 = status
            .lines()
            .filter(|l| l.contains("ctxt_switches"))
            .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .sum();
        let sched = std::fs::read_to_string(path.join("schedstat")).unwrap_or_default();
        let ns = sched
            .split_whitespace()
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        out.insert(tid, (name.trim().to_string(), switches, ns));
    }
    out
}

/// Wake-ups per second and % of one core used by every thread but the
/// calling one over `span`, while `during` runs on the calling thread.
fn cost(span: Duration, during: impl FnOnce()) -> (f64, f64, Vec<String>) {
    let me = unsafe { libc::gettid() } as u32;
    let before = threads();
    let started = Instant::now();
    during();
    let left = span.saturating_sub(started.elapsed());
    thread::sleep(left);
    let seconds = started.elapsed().as_secs_f64();
    let after = threads();
    let mut wakeups = 0.0;
    let mut cpu = 0.0;
    let mut lines = Vec::new();
    for (tid, (name, switches, ns)) in &after {
        if *tid == me {
            continue;
        }
        let (s0, n0) = before.get(tid).map_or((0, 0), |(_, s, n)| (*s, *n));
        let w = (switches - s0) as f64 / seconds;
        let c = (ns - n0) as f64 / seconds / 1e7;
        wakeups += w;
        cpu += c;
        lines.push(format!("{name}: {w:.1}/s, {c:.3}%"));
    }
    (wakeups, cpu, lines)
}

fn main() {
    // cargo bench passes --bench; any other argument is ignored.
    let settings = SoundSettings::default();

    println!("Audio::open on the calling thread (10 runs):");
    let mut opens = Vec::new();
    let mut ready = Vec::new();
    let mut status = String::new();
    for _ in 0..10 {
        let t = Instant::now();
        let audio = Audio::open(settings, None);
        opens.push(t.elapsed());
        audio.flush(Duration::from_secs(5));
        ready.push(t.elapsed());
        status = audio.status();
        drop(audio);
    }
    opens.sort();
    ready.sort();
    report_latency("returned after", &opens);
    report_latency("device opened (or found missing) after", &ready);
    println!("  status: {status}");

    let real = RodioOutput::open();
    let have_device = real.is_ok();
    let handed = Arc::new(Mutex::new(Vec::new()));
    println!();
    match real {
        Ok(out) => {
            println!(
                "Hand-off latency, play() to the rodio mixer of a real stream ({}):",
                out.describe()
            );
            let timed = Timed {
                inner: out,
                handed: Arc::clone(&handed),
            };
            let busy = handoff(Box::new(timed), &handed, 200, Duration::from_millis(20));
            report_latency("stream running, cues 20 ms apart", &busy);
            let out = RodioOutput::open().expect("device opened a moment ago");
            let timed = Timed {
                inner: out,
                handed: Arc::clone(&handed),
            };
            let idle = handoff(Box::new(timed), &handed, 12, Duration::from_millis(500));
            report_latency("stream resumed from idle, cues 500 ms apart", &idle);
        }
        Err(why) => {
            println!("Hand-off latency, play() to a silent output (no audio device: {why}):");
            let timed = Timed {
                inner: Silent,
                handed: Arc::clone(&handed),
            };
            let lat = handoff(Box::new(timed), &handed, 200, Duration::from_millis(5));
            report_latency("cues 5 ms apart", &lat);
        }
    }

    println!();
    if have_device {
        println!("Cost of the sound side (all threads but the main one), real output:");
    } else {
        println!("Cost of the sound side (all threads but the main one), no audio device:");
    }
    let mut audio = Audio::open(settings, None);
    audio.flush(Duration::from_secs(5));
    audio.play(Cue::WorkStart);
    thread::sleep(Duration::from_secs(1));
    let (w, c, lines) = cost(Duration::from_secs(10), || {});
    println!("  between cues (10 s, no cue): {w:.1} wake-ups/s, {c:.3}% of a core");
    for line in lines {
        println!("    {line}");
    }
    let (w, c, lines) = cost(Duration::from_secs(10), || {
        let start = Instant::now();
        for i in 0..10u32 {
            thread::sleep(
                (start + Duration::from_secs(u64::from(i)))
                    .saturating_duration_since(Instant::now()),
            );
            audio.play(Cue::GetReadyTick { left: 1 });
        }
    });
    println!("  a tick every second (10 s): {w:.1} wake-ups/s, {c:.3}% of a core");
    for line in lines {
        println!("    {line}");
    }
    drop(audio);
    if !have_device {
        println!("  (start a sound server with .ci/sound-server.sh to measure the real output)");
        return;
    }

    // For comparison: rodio's ready-made device sink, which streams silence
    // the whole time it is open.
    let sink = {
        let _quiet = quiet::silence_stderr();
        rodio::DeviceSinkBuilder::from_default_device()
            .and_then(|b| b.with_error_callback(|_| {}).open_stream())
    };
    if let Ok(mut sink) = sink {
        sink.log_on_drop(false);
        thread::sleep(Duration::from_secs(1));
        let (w, c, _) = cost(Duration::from_secs(5), || {});
        println!(
            "  for comparison, rodio's open_default_sink streaming silence: {w:.1} wake-ups/s, {c:.3}% of a core"
        );
        let _quiet = quiet::silence_stderr();
        drop(sink);
    }
}
