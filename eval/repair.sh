#!/usr/bin/env bash
# Evaluates the repair stage on plans it never learnt from. For each clean sample plan, a model
# is trained without that plan (laws + the other plans + word list + OCR pairs of laws), then:
#   1. restoration: the plan with every mark stripped is repaired; syllable accuracy against the plan;
#   2. OCR repair: the plan is rendered at 300 dpi and read by Tesseract's English model (the damage
#      of old OCR tools), repaired, and the share of damaged syllables put right is counted.
#   eval/repair.sh [CORPUS_DIR]      (default ../shared/corpus; OCR_PAIRS=DIR to learn confusions from other pairs;
#                                     FONT="Liberation Sans" PIXELS=44 to print the plans in another font or size)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/corpus}
source "$here/scripts/install-deps.sh"
dotnet build "$here/src/Ingest.Cli" -c Release -o "$here/.build/ingest" -v q -nologo >/dev/null
dotnet build "$here/eval/Ingest.Eval" -c Release -o "$here/.build/eval" -v q -nologo >/dev/null
ingest() { dotnet "$here/.build/ingest/ingest.dll" "$@"; }
tool() { dotnet "$here/.build/eval/ingest-eval.dll" "$@"; }
work=${WORK:-$(mktemp -d)}; mkdir -p "$work"
plans=$(cd "$here/samples" && ls *.txt | sed 's/\.txt$//' | grep -v -- '-scan$')

for p in $plans; do
  [ -f "$work/$p.bin" ] || ingest train-repair "$corpus/vi-legal" "$here/samples" --word-list "$corpus/lexicon/Viet74K.txt" \
      --ocr-pairs "${OCR_PAIRS:-$here/data/ocr-pairs}" --exclude "$p" -o "$work/$p.bin" 2>/dev/null
  tool strip "$here/samples/$p.txt" > "$work/$p.stripped.txt"
  ingest repair "$work/$p.stripped.txt" --model "$work/$p.bin" > "$work/$p.restored.txt"
  restore=$(tool score-restore "$here/samples/$p.txt" "$work/$p.restored.txt")
  if [ ! -f "$work/$p.ocr.txt" ]; then
    tool render "$here/samples/$p.txt" "$work/$p.pages" "${FONT:-Liberation Serif}" "${PIXELS:-50}"
    for img in "$work/$p.pages"/page-*.png; do OMP_THREAD_LIMIT=1 tesseract "$img" - -l eng 2>/dev/null; done > "$work/$p.ocr.txt"
  fi
  ingest repair "$work/$p.ocr.txt" --model "$work/$p.bin" > "$work/$p.ocr-repaired.txt"
  ocr=$(tool score-ocr "$work/$p.pages/printed.txt" "$work/$p.ocr.txt" "$work/$p.ocr-repaired.txt")
  echo "$p: restoration: $restore"
  echo "$p: ocr: $ocr"
done | tee "$work/results.txt"
awk '/restoration:/ { for (i = 1; i <= NF; i++) { if ($i == "syllables" && $(i-1) == "restoration:") s += $(i+1); if ($i == "correct") c += $(i+1) } }
     /ocr:/ { for (i = 1; i <= NF; i++) { if ($i == "damaged") d += $(i+1); if ($i == "corrected") k += $(i+1); if ($i == "broken") b += $(i+1); if ($i == "aligned") a += $(i+1) } }
     END { printf "ALL restoration: %d syllables, %.2f%% correct\nALL ocr: %d damaged of %d, %.2f%% corrected, %d correct syllables broken\n", s, 100*c/s, d, a, 100*k/d, b }' "$work/results.txt"
echo "(work files in $work)"
