#!/usr/bin/env bash
# Measures the full-screen app as a user's terminal sees it, in a real
# pseudo-terminal (80x24), with the release binary:
#   - first frame: launch (fork+exec) to the first complete frame, median of 7
#   - while a countdown runs, over WINDOW seconds: CPU % of one core (all
#     threads, from /proc/PID/task/*/schedstat), wake-ups per second (voluntary
#     + involuntary context switches of all threads, /proc/PID/task/*/status),
#     bytes per second written to the terminal
#   - end accuracy: a routine planned at exactly 10:00 run to its end; when
#     DONE reaches the terminal compared with first frame + 10:00 (outside
#     view), and the app's own record in <data>/limber.log (inside view)
# Usage: benches/tui.sh              (about 10.5 minutes: real time)
#        SPEED=20 benches/tui.sh     (quick look; the end accuracy is then at x20)
#        WINDOW=20 OFFSET=10         (measurement window, seconds into the run)
#        ACCURACY=0 benches/tui.sh   (skip running the routine to its end)
# Needs python3 (standard library only). Linux only (/proc).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN="$PWD/target/release/limber"
export BIN ACCURACY="${ACCURACY:-1}" SPEED="${SPEED:-1}" WINDOW="${WINDOW:-20}" OFFSET="${OFFSET:-10}"
exec python3 - <<'PY'
import fcntl, glob, os, pty, select, statistics, struct, sys, tempfile, termios, time

BIN = os.environ["BIN"]
SPEED = int(os.environ["SPEED"])
WINDOW = float(os.environ["WINDOW"])
OFFSET = float(os.environ["OFFSET"])
ACCURACY = os.environ["ACCURACY"] != "0"
PLANNED = 600.0

ROUTINE = """
name = "Bench ten minutes"
[defaults]
prepare = "5s"
rest = "10s"
[[exercise]]
name = "Side hold"
hold = "2m"
sets = 2
sides = "both"
[[exercise]]
name = "Walk"
duration = "85s"
"""

home = tempfile.mkdtemp(prefix="limber-bench-")
cfg, data = os.path.join(home, "config"), os.path.join(home, "data")
os.makedirs(os.path.join(cfg, "limber/routines"))
os.makedirs(os.path.join(data, "limber"))
open(os.path.join(data, "limber/safety-acknowledged"), "w").write("bench\n")
routine = os.path.join(home, "bench.toml")
open(routine, "w").write(ROUTINE)
env = dict(os.environ, XDG_CONFIG_HOME=cfg, XDG_DATA_HOME=data, HOME=home, TERM="xterm-256color")
env.pop("NO_COLOR", None)

def spawn(args):
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execve(BIN, [BIN] + args, env)
    return pid, fd, t0

def read_until(fd, pred, timeout, sink=None):
    """Reads until pred(all bytes so far) holds; returns (time, bytes)."""
    buf = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            now = time.monotonic()
            buf += chunk
            if sink is not None:
                sink.append((now, len(chunk)))
            if pred(buf):
                return now, buf
    raise SystemExit(f"timed out; got {buf[-400:]!r}")

def stop(pid, fd):
    try:
        os.write(fd, b"\x03")  # Ctrl-C: leave at once
        os.waitpid(pid, 0)
    finally:
        os.close(fd)

def threads(pid):
    return glob.glob(f"/proc/{pid}/task/*")

def cpu_ns(pid):
    return sum(int(open(t + "/schedstat").read().split()[0]) for t in threads(pid))

def switches(pid):
    n = 0
    for t in threads(pid):
        for line in open(t + "/status"):
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                n += int(line.split()[1])
    return n

# First frame: the routine's name is in the first frame's bytes.
firsts = []
for _ in range(7):
    pid, fd, t0 = spawn(["run", routine, "--no-sound"])
    t, _ = read_until(fd, lambda b: b"Exercise 1/2" in b and b"Side hold" in b, 10)
    firsts.append((t - t0) * 1e3)
    stop(pid, fd)
menu = []
for _ in range(7):
    pid, fd, t0 = spawn([])
    t, _ = read_until(fd, lambda b: b"Preview" in b, 10)
    menu.append((t - t0) * 1e3)
    stop(pid, fd)

# The 10-minute routine: idle figures in a window, then the end.
args = ["run", routine, "--no-sound"] + (["--speed", str(SPEED)] if SPEED > 1 else [])
pid, fd, t0 = spawn(args)
chunks = []
t_first, _ = read_until(fd, lambda b: b"Side hold" in b, 10, chunks)
window = (OFFSET / SPEED, (OFFSET + WINDOW) / SPEED) if SPEED > 1 else (OFFSET, OFFSET + WINDOW)
def drain_until(deadline):
    # Keep reading (never let output pile up in the pty) until `deadline`.
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if r:
            chunks.append((time.monotonic(), len(os.read(fd, 65536))))
drain_until(t_first + window[0])
c0, s0, w0 = cpu_ns(pid), switches(pid), time.monotonic()
nthreads = len(threads(pid))
drain_until(t_first + window[1])
c1, s1, w1 = cpu_ns(pid), switches(pid), time.monotonic()
span = w1 - w0
written = sum(n for (t, n) in chunks if w0 <= t <= w1)
t_done = None
if ACCURACY:
    t_done, _ = read_until(fd, lambda b: b"Session complete" in b, PLANNED / SPEED + 30)
stop(pid, fd)
log = open(os.path.join(data, "limber/limber.log")).read().strip()

print(f"limber TUI benchmark: {BIN}, 80x24 pseudo-terminal, {os.cpu_count()} CPUs")
print(f"first frame, session (limber run):  median {statistics.median(firsts):.1f} ms  (min {min(firsts):.1f}, max {max(firsts):.1f}, n=7)")
print(f"first frame, menu (limber):         median {statistics.median(menu):.1f} ms  (min {min(menu):.1f}, max {max(menu):.1f}, n=7)")
print(f"countdown window: {span:.1f} s real, speed x{SPEED}, {nthreads} threads")
print(f"  CPU:        {100 * (c1 - c0) / 1e9 / span:.3f} % of one core")
print(f"  wake-ups:   {(s1 - s0) / span:.2f} per second (context switches, all threads)")
print(f"  written:    {written / span:.0f} bytes per second to the terminal")
expected = PLANNED / SPEED
if t_done is None:
    sys.exit(0)
print(f"end of a {PLANNED/60:.0f}-minute routine at x{SPEED}: DONE seen {(t_done - t_first - expected) * 1e3:+.1f} ms from first frame + {expected:.1f} s")
print(f"  app's own record: {log.splitlines()[-1] if log else '(none)'}")
PY
