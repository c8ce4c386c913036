#!/usr/bin/env bash
# Runs every test of AI Jukebox. Installs what the tests need (JACK, RtMidi) with apt when
# it is missing and we may (root or passwordless sudo), then runs the whole solution's tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v jackd >/dev/null 2>&1 || need+=(jackd2)
command -v jack_midi_dump >/dev/null 2>&1 || need+=(jackd2)
ldconfig -p 2>/dev/null | grep -q 'librtmidi.so.6' || need+=(librtmidi6)
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "tests/run.sh: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

dotnet test AiJukebox.sln -c Release --logger "console;verbosity=normal" "$@"
