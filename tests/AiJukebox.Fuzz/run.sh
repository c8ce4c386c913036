#!/usr/bin/env bash
# Fuzzes the four readers that take files from outside, MINUTES each (default 10), one after the
# other, and prints each target's summary. Seeds: the test fixtures' MIDI files, notes files
# imported from them, and the cards and weights of two tiny models trained on them.
# Usage: tests/AiJukebox.Fuzz/run.sh [MINUTES] [OUT]   (findings go to OUT/<target>/)
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes="${1:-10}"
out="$(realpath -m "${2:-fuzz-findings}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build src/AiJukebox -c Release -v q -nologo >/dev/null
dotnet build tests/AiJukebox.Fuzz -c Release -v q -nologo >/dev/null
jukebox=src/AiJukebox/bin/Release/net10.0/aijukebox
fuzz=tests/AiJukebox.Fuzz/bin/Release/net10.0/AiJukebox.Fuzz

mkdir -p "$work"/{midi,notes,card,weights}
cp tests/AiJukebox.Music.Tests/Fixtures/*.mid "$work/midi/"
"$jukebox" import "$work/midi" -o "$work/notes/events.json" --tokenizer events --quiet >/dev/null
"$jukebox" import "$work/midi" -o "$work/notes/remi.json" --tokenizer remi --quiet >/dev/null
for kind in lstm transformer; do
  "$jukebox" train --notes "$work/notes/events.json" -o "$work/run-$kind" --preset small --model "$kind" \
    --embedding 16 --hidden 24 --layers 1 --heads 2 --seq-len 16 --epochs 1 --max-batches 1 --threads 1 >/dev/null
  cp "$work/run-$kind/model.json" "$work/card/$kind.json"
  cp "$work/run-$kind/best.safetensors" "$work/weights/$kind.safetensors"
done

for target in midi notes card weights; do
  "$fuzz" "$target" --seeds "$work/$target" --minutes "$minutes" --out "$out/$target" --notes "$work/notes/events.json" || true
done
