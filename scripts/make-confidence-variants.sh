#!/usr/bin/env bash
# Builds damaged variants of the clean sample plans for fitting the confidence model: what goes
# wrong in extraction goes wrong on damaged input, and the clean samples alone have too few
# wrong targets to learn from. Each plan is rendered to 300 dpi pages and read back (1) by
# Tesseract's English model (the damage of old OCR tools) and (2), rendered at about 130 dpi, by
# the Vietnamese model (a poor scan). Output: OUT/<plan>.eng-ocr.txt and OUT/<plan>.low-dpi.txt;
# their names lead `ingest train-confidence` to the plan's gold answers.
#   scripts/make-confidence-variants.sh [OUT_DIR]      (default data/confidence-variants)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/data/confidence-variants}
source "$here/scripts/install-deps.sh"
fc-list | grep -q LiberationSerif || apt-get install -y -qq fonts-liberation >/dev/null
dotnet build "$here/eval/Ingest.Eval" -c Release -o "$here/.build/eval" -v q -nologo >/dev/null
mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for f in "$here"/samples/*.txt; do
  p=$(basename "$f" .txt)
  case "$p" in *-scan) continue ;; esac
  dotnet "$here/.build/eval/ingest-eval.dll" render "$f" "$work/$p.hi" "Liberation Serif" 50
  for img in "$work/$p.hi"/page-*.png; do OMP_THREAD_LIMIT=1 tesseract "$img" - -l eng 2>/dev/null; done > "$out/$p.eng-ocr.txt"
  dotnet "$here/.build/eval/ingest-eval.dll" render "$f" "$work/$p.lo" "Liberation Serif" 22
  for img in "$work/$p.lo"/page-*.png; do OMP_THREAD_LIMIT=1 tesseract "$img" - -l vie --tessdata-dir "$here/tessdata" 2>/dev/null; done > "$out/$p.low-dpi.txt"
  echo "$p: $(wc -l < "$out/$p.eng-ocr.txt") + $(wc -l < "$out/$p.low-dpi.txt") lines" >&2
done
