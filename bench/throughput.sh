#!/usr/bin/env bash
# Text-layer throughput: documents and pages per second for one process over a batch of every
# text-layer sample (txt, pdf, docx), process start included, on one core (--jobs 1, taskset).
# usage: bench/throughput.sh [ROUNDS]   (default 5; each round is one batch of all samples)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
"$here/ingest" --help >/dev/null   # build and install first, outside the timing
work="$(mktemp -d)"
files=()
for r in $(seq 1 "$rounds"); do
  for f in "$here"/samples/*.txt "$here"/samples/*.docx; do cp "$f" "$work/r$r-$(basename "$f")"; files+=("$work/r$r-$(basename "$f")"); done
  for f in "$here"/samples/*.pdf; do case "$f" in *.scan.pdf) ;; *) cp "$f" "$work/r$r-$(basename "$f")"; files+=("$work/r$r-$(basename "$f")");; esac; done
done
pages=0
for f in "${files[@]}"; do
  case "$f" in
    *.pdf) p=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}');;
    *.docx) p=$(unzip -p "$f" docProps/app.xml 2>/dev/null | grep -o '<Pages>[0-9]*' | grep -o '[0-9]*' || echo 1);;
    *) p=$(( $(wc -l < "$f") / 50 + 1 ));;  # a plain-text "page": 50 lines
  esac
  pages=$((pages + p))
done
start=$(date +%s.%N)
taskset -c 0 "$here/ingest" extract -q --jobs 1 "${files[@]}" -o "$work/out" >/dev/null
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc -l)
printf 'documents %d, pages %d, %.2f s on one core: %.1f documents/s, %.1f pages/s\n' \
  "${#files[@]}" "$pages" "$secs" "$(echo "${#files[@]} / $secs" | bc -l)" "$(echo "$pages / $secs" | bc -l)"
rm -rf "$work"
