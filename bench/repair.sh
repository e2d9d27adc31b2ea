#!/usr/bin/env bash
# Repair throughput on one core: diacritic-stripped law texts (N files, default 20) through
# `ingest repair`, pinned to CPU 0. Prints syllables, the model's load time, and syllables per
# second both over the whole run and after the model is loaded. Then the same for OCR damage
# (the eng-OCR plans of data/confidence-variants, one document), which repair reads twice:
# once to learn the document's confusions, once with them.
#   bench/repair.sh [N] [CORPUS_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-20}; corpus=${2:-$here/../shared/corpus}
dotnet build "$here/src/Ingest.Cli" -c Release -o "$here/.build/ingest" -v q -nologo >/dev/null
dotnet build "$here/eval/Ingest.Eval" -c Release -o "$here/.build/eval" -v q -nologo >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for f in $(find "$corpus/vi-legal" -name '*.txt' | LC_ALL=C sort | head -n "$n"); do
  dotnet "$here/.build/eval/ingest-eval.dll" strip "$f"; echo
done > "$work/stripped.txt"
syl=$(grep -o '[[:alpha:]]\+' "$work/stripped.txt" | wc -l)
echo "" > "$work/empty.txt"; echo "x" >> "$work/empty.txt"
t0=$(date +%s.%N); taskset -c 0 dotnet "$here/.build/ingest/ingest.dll" repair "$work/empty.txt" > /dev/null; t1=$(date +%s.%N)
taskset -c 0 dotnet "$here/.build/ingest/ingest.dll" repair "$work/stripped.txt" > "$work/out.txt"; t2=$(date +%s.%N)
awk -v s="$syl" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
  load = b - a; run = c - b;
  printf "syllables %d\nstart-up + model load (one-line file): %.2f s\nwhole run: %.2f s, %.0f syllables/s\nafter start-up: %.2f s, %.0f syllables/s (one core)\n", s, load, run, s / run, run - load, s / (run - load) }'
cat "$here"/data/confidence-variants/*.eng-ocr.txt > "$work/ocr.txt"
osyl=$(grep -o '[[:alpha:]]\+' "$work/ocr.txt" | wc -l)
t3=$(date +%s.%N); taskset -c 0 dotnet "$here/.build/ingest/ingest.dll" repair "$work/ocr.txt" > "$work/ocr-out.txt"; t4=$(date +%s.%N)
awk -v s="$osyl" -v a="$t0" -v b="$t1" -v c="$t3" -v d="$t4" 'BEGIN {
  load = b - a; run = d - c;
  printf "OCR damage: %d syllables, whole run %.2f s, after start-up %.0f syllables/s (one core)\n", s, run, s / (run - load) }'
