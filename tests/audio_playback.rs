//! Real playback through a sound server: every cue is heard within 30 ms of
//! its moment on the session clock, including the first cue after the
//! stream has gone idle.
//!
//! Needs a PulseAudio server with a null sink named `capture` and `parec`
//! (`eval "$(bash .ci/sound-server.sh)"` starts one); skips with a message
//! otherwise. The test records the sink's monitor with `parec` while it
//! plays cues at planned moments, then finds each sound's onset in the
//! recording.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use limber::audio::{Audio, STATUS_ON, SoundSettings};
use limber::engine::Cue;

const RATE: f64 = 16_000.0;
const TOLERANCE: Duration = Duration::from_millis(30);

/// Why the test cannot run here, if it cannot.
fn missing_server() -> Option<String> {
    if std::env::var_os("LIMBER_SOUND_SERVER").is_none() {
        return Some("LIMBER_SOUND_SERVER is not set (run .ci/sound-server.sh)".into());
    }
    let info = Command::new("pactl")
        .arg("info")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    // LIMBER_SOUND_SERVER is set only by .ci/sound-server.sh once its server
    // answered: a server that is promised but gone is a failure, not a skip.
    match info {
        Ok(status) if status.success() => None,
        _ => panic!("LIMBER_SOUND_SERVER is set but pactl cannot reach the PulseAudio server"),
    }
}

/// Records the null sink's monitor; each chunk comes with the moment it
/// arrived, which bounds when its samples were played.
struct Recorder {
    child: std::process::Child,
    chunks: mpsc::Receiver<(Instant, Vec<u8>)>,
    first: Option<(Instant, Vec<u8>)>,
}

impl Recorder {
    fn start() -> Recorder {
        let mut child = Command::new("parec")
            .args([
                "-d",
                "capture.monitor",
                "--format=s16le",
                "--rate=16000",
                "--channels=1",
                "--latency-msec=5",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start parec");
        let mut out = child.stdout.take().expect("parec stdout");
        let (tx, chunks) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        // parec takes a while to connect: wait for its first samples, so the
        // recording covers the whole script.
        let first = chunks
            .recv_timeout(Duration::from_secs(5))
            .expect("parec recorded nothing within 5 s");
        Recorder {
            child,
            chunks,
            first: Some(first),
        }
    }

    /// Stops parec; returns the samples and the moment sample 0 was played.
    fn finish(mut self) -> (Vec<f32>, Instant) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut bytes = Vec::new();
        let mut base: Option<Instant> = None;
        for (arrived, chunk) in self.first.take().into_iter().chain(self.chunks.iter()) {
            bytes.extend_from_slice(&chunk);
            // The chunk's last sample was played no later than its arrival:
            // the earliest such bound over all chunks dates sample 0.
            let frames = (bytes.len() / 2) as f64;
            if let Some(start) = arrived.checked_sub(Duration::from_secs_f64(frames / RATE)) {
                base = Some(base.map_or(start, |b| b.min(start)));
            }
        }
        let samples = bytes
            .chunks_exact(2)
            .map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0)
            .collect();
        (samples, base.expect("parec recorded nothing"))
    }
}

/// Start of every sound: a sample above the threshold after at least 100 ms
/// of quiet.
fn onsets(samples: &[f32]) -> Vec<usize> {
    let quiet_gap = (0.1 * RATE) as usize;
    let mut found = Vec::new();
    let mut last_loud: Option<usize> = None;
    for (i, s) in samples.iter().enumerate() {
        if s.abs() > 0.02 {
            if last_loud.is_none_or(|l| i - l > quiet_gap) {
                found.push(i);
            }
            last_loud = Some(i);
        }
    }
    found
}

#[test]
fn cues_are_heard_within_30_ms_of_their_moment() {
    if let Some(why) = missing_server() {
        eprintln!("skipped: needs a sound server: {why}");
        return;
    }
    let mut audio = Audio::open(SoundSettings::default(), None);
    assert!(audio.flush(Duration::from_secs(5)));
    assert_eq!(audio.status(), STATUS_ON);
    let recorder = Recorder::start();

    // Moments on a session clock; gaps longer than a sound plus its play-out
    // let the stream go idle, so every cue also measures the resume.
    let script: [(u64, &[Cue]); 5] = [
        (0, &[Cue::LastSecondsTick { left: 3 }]),
        (1000, &[Cue::LastSecondsTick { left: 2 }]),
        (1700, &[Cue::LastSecondsTick { left: 1 }]),
        (2600, &[Cue::WorkEnd, Cue::RestStart]),
        (3600, &[Cue::WorkStart]),
    ];
    let start = Instant::now() + Duration::from_millis(200);
    let mut played_at = Vec::new();
    for (ms, cues) in script {
        let moment = start + Duration::from_millis(ms);
        thread::sleep(moment.saturating_duration_since(Instant::now()));
        for &cue in cues {
            audio.play(cue);
        }
        played_at.push(moment);
    }
    thread::sleep(Duration::from_millis(800));
    drop(audio);
    let (samples, base) = recorder.finish();

    let heard: Vec<Instant> = onsets(&samples)
        .into_iter()
        .map(|i| base + Duration::from_secs_f64(i as f64 / RATE))
        .collect();
    let offsets: Vec<Duration> = heard.iter().map(|t| t.duration_since(base)).collect();
    assert_eq!(
        heard.len(),
        played_at.len(),
        "sounds found at {offsets:?} into the recording"
    );
    let mut report = Vec::new();
    for (k, (moment, onset)) in played_at.iter().zip(&heard).enumerate() {
        let late = onset.checked_duration_since(*moment).unwrap_or_else(|| {
            panic!(
                "cue {k} heard {:?} before it was played",
                moment.duration_since(*onset)
            )
        });
        report.push(format!("cue {k}: {late:.1?}"));
        assert!(late <= TOLERANCE, "cue {k} heard {late:?} after its moment");
    }
    println!("latency from cue to sound: {}", report.join(", "));
}
