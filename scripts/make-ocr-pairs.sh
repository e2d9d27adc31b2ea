#!/usr/bin/env bash
# Builds the OCR pairs the repair model's confusion model learns from: pages of clean
# Vietnamese text rendered at 300 dpi and read back by Tesseract's English model, which damages
# Vietnamese the way old OCR tools did. Writes NAME.clean.txt (what was printed) and NAME.ocr.txt
# (what OCR read) per page.
#   scripts/make-ocr-pairs.sh CORPUS_DIR OUT_DIR [FILES] [LINES] [OFFSET]
# takes every k-th *.txt of CORPUS_DIR (sorted, from the OFFSET-th) so that FILES files are used,
# LINES lines each, and draws them alternately in DejaVu Serif and Liberation Serif (a Times
# metric font, as most plans are typed in), at 12 and 10.5 points.
set -euo pipefail
corpus=$1; out=$2; files=${3:-16}; lines=${4:-90}; offset=${5:-0}
fonts=("DejaVu Serif" "Liberation Serif" "Liberation Serif"); sizes=(50 50 44)
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/install-deps.sh"
fc-list | grep -q LiberationSerif || apt-get install -y -qq fonts-liberation >/dev/null
dotnet build "$here/eval/Ingest.Eval" -c Release -o "$here/.build/eval" -v q -nologo >/dev/null
mkdir -p "$out"
mapfile -t all < <(find "$corpus" -name '*.txt' | LC_ALL=C sort)
step=$(( ${#all[@]} / files )); [ "$step" -ge 1 ] || step=1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for ((i = offset, k = 0; i < ${#all[@]} && k < files; i += step, k++)); do
  f=${all[$i]}; name=$(basename "$f" .txt | tr -c 'A-Za-z0-9\n-' '_' | cut -c1-40)
  # skip the title block: start where the running text does
  awk -v n="$lines" 'length($0) > 60 { print; if (++c >= n) exit }' "$f" > "$work/$name.txt"
  font=${fonts[$((k % 3))]}; size=${sizes[$((k % 3))]}
  dotnet "$here/.build/eval/ingest-eval.dll" render "$work/$name.txt" "$work/$name" "$font" "$size"
  mapfile -t pages < <(ls "$work/$name"/page-*.png)
  for ((p = 0; p < ${#pages[@]}; p++)); do
    tag=$(printf '%s-p%02d' "$name" $((p + 1)))
    sed -n "$((p * 40 + 1)),$(((p + 1) * 40))p" "$work/$name/printed.txt" > "$out/$tag.clean.txt"
    OMP_THREAD_LIMIT=1 tesseract "${pages[$p]}" - -l eng 2>/dev/null > "$out/$tag.ocr.txt"
  done
  echo "$name: ${#pages[@]} pages, $font $size px" >&2
done
