#!/usr/bin/env bash
# Runs every test of AI Jukebox. Installs what the tests need (JACK, RtMidi, FluidSynth and a SoundFont) with apt when
# it is missing and we may (root or passwordless sudo), then runs the whole solution's tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# The device tests start a private JACK server and use its tools as independent MIDI peers.
for tool in jackd jack_lsp jack_connect jack_midi_dump jack_midiseq; do
  command -v "$tool" >/dev/null 2>&1 || { need+=(jackd2); break; }
done
# The UI tests drive the real program in a terminal that tmux provides (CI has no terminal).
command -v tmux >/dev/null 2>&1 || need+=(tmux)
libraries=$({ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true; })
grep -q 'librtmidi.so.6' <<<"$libraries" || need+=(librtmidi6)
# The built-in synth's tests play through FluidSynth with the small TimGM6mb SoundFont (6 MB).
grep -q 'libfluidsynth.so.3' <<<"$libraries" || need+=(libfluidsynth3)
[ -f /usr/share/sounds/sf2/TimGM6mb.sf2 ] || need+=(timgm6mb-soundfont)
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "tests/run.sh: installing ${need[*]}"
  $sudo apt-get update -qq
  # jackd2 asks whether to enable real-time priority; the tests run without it.
  echo "jackd2 jackd/tweak_rt_limits boolean false" | $sudo debconf-set-selections 2>/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

# A hung test is dumped and fails the run in minutes instead of eating the CI budget.
dotnet test AiJukebox.sln -c Release --logger "console;verbosity=normal" --blame-hang-timeout 12m --blame-hang-dump-type mini "$@"
