#!/usr/bin/env bash
# Starts a private PulseAudio server with a null sink named "capture": a real,
# clocked audio device in software, so limber's sound tests and the audio
# benchmark can run on a machine without a sound card.
#
#   eval "$(bash .ci/sound-server.sh)"
#
# stdout carries only `export` lines; messages go to stderr. Idempotent: a
# second run finds the running server and prints the same lines. It never
# fails: when the server cannot be started it says why on stderr, prints
# nothing to export, and exits 0, so the tests that need it skip.
#
# The server's socket lives in a private XDG_RUNTIME_DIR. ALSA (which rodio
# uses) is routed to it by an .asoundrc in a private HOME; the exports point
# ALSA_CONFIG_PATH at the system alsa.conf plus that .asoundrc, so the
# caller's real HOME (cargo, git) stays as it is. Only where no system
# alsa.conf is found is HOME itself exported (with CARGO_HOME and
# RUSTUP_HOME pinned so cargo keeps working).

set -u
base="${LIMBER_SOUND_BASE:-/tmp/limber-sound}"
runtime="$base/runtime"
home="$base/home"
log="$base/pulseaudio.log"

say() { echo "sound-server: $*" >&2; }

give_up() {
    say "$* -- no sound server; tests that need one will skip"
    exit 0
}

mkdir -p "$runtime" "$home" 2>/dev/null || give_up "cannot create $base"
chmod 700 "$runtime"

packages=()
command -v pulseaudio >/dev/null 2>&1 || packages+=(pulseaudio)
{ command -v pactl && command -v parec; } >/dev/null 2>&1 || packages+=(pulseaudio-utils)
[ -e /usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so ] \
    || ls /usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so >/dev/null 2>&1 \
    || packages+=(libasound2-plugins)
if [ "${#packages[@]}" -gt 0 ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        give_up "missing ${packages[*]} and cannot install them (needs root and apt-get)"
    fi
    say "installing ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q --no-install-recommends "${packages[@]}" >"$base/apt.log" 2>&1; then
        apt-get update -q >>"$base/apt.log" 2>&1
        apt-get install -y -q --no-install-recommends "${packages[@]}" >>"$base/apt.log" 2>&1 \
            || give_up "apt-get install ${packages[*]} failed (see $base/apt.log)"
    fi
fi

cat >"$home/.asoundrc" <<'ASOUND'
pcm.!default { type pulse }
ctl.!default { type pulse }
ASOUND

export XDG_RUNTIME_DIR="$runtime"
unset PULSE_SERVER

if ! pactl info >/dev/null 2>&1; then
    say "starting pulseaudio (log: $log)"
    # --exit-idle-time=-1: stay up between test binaries.
    # auth-anonymous: clients run under another HOME, without the cookie.
    HOME="$home" pulseaudio -n --daemonize=no --exit-idle-time=-1 --use-pid-file=yes \
        -L "module-native-protocol-unix auth-anonymous=1" \
        -L "module-null-sink sink_name=capture rate=48000" \
        >"$log" 2>&1 </dev/null &
    disown || true
    for _ in $(seq 1 50); do
        pactl info >/dev/null 2>&1 && break
        sleep 0.1
    done
    pactl info >/dev/null 2>&1 || give_up "pulseaudio did not come up (see $log)"
fi
pactl set-default-sink capture >/dev/null 2>&1 || give_up "no sink named capture"

say "running: sink 'capture', record it with: parec -d capture.monitor"
echo "export XDG_RUNTIME_DIR='$runtime'"
alsa_conf=""
for candidate in /usr/share/alsa/alsa.conf /usr/local/share/alsa/alsa.conf; do
    [ -r "$candidate" ] && { alsa_conf="$candidate"; break; }
done
if [ -n "$alsa_conf" ]; then
    echo "export ALSA_CONFIG_PATH='$alsa_conf:$home/.asoundrc'"
else
    echo "export CARGO_HOME='${CARGO_HOME:-$HOME/.cargo}'"
    echo "export RUSTUP_HOME='${RUSTUP_HOME:-$HOME/.rustup}'"
    echo "export HOME='$home'"
fi
echo "export LIMBER_SOUND_SERVER=capture"
exit 0
