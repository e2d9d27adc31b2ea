#!/usr/bin/env bash
# OCR benchmark.
#  1. Wall time of `ingest extract` on every scan sample (scanned PDFs and the TIFF) against the
#     tesseract command line on the same page images (taken out of the PDFs beforehand, untimed),
#     same model (tessdata/), language vie, page segmentation 3, TSV output, OMP_THREAD_LIMIT=1,
#     both using all cores (xargs -P for the command line, --jobs for the pipeline).
#  2. Peak memory (max RSS) of `ingest extract` on a 100-page scanned PDF made from the samples.
# usage: bench/ocr.sh [JOBS] [ROUNDS]   (defaults: the core count, 1)
# Each run of ingest has a new store of its own, so no round measures results stored by another.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${1:-$(nproc)}"
rounds="${2:-1}"
"$here/ingest" --help >/dev/null   # build and install first, outside the timing
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/img"
for f in "$here"/samples/*.scan.pdf "$here"/samples/*.scan.tif; do cp "$f" "$work/in/"; done
for f in "$work"/in/*.scan.pdf; do pdfimages -j "$f" "$work/img/$(basename "$f" .pdf)"; done
images=("$work"/img/* "$work"/in/*.scan.tif)

now() { date +%s.%N; }
for r in $(seq 1 "$rounds"); do
  t0=$(now)
  printf '%s\n' "${images[@]}" | OMP_THREAD_LIMIT=1 xargs -P "$jobs" -I{} \
    tesseract {} - -l vie --psm 3 --tessdata-dir "$here/tessdata" tsv >/dev/null 2>&1
  t1=$(now)
  rm -rf "$work/out" "$work/store.db"
  "$here/ingest" extract -q --jobs "$jobs" --db "$work/store.db" "$work/in" -o "$work/out" >/dev/null
  t2=$(now)
  cli=$(echo "$t1 - $t0" | bc -l); pipe=$(echo "$t2 - $t1" | bc -l)
  pages=$(cat "$work"/out/*.json | grep -o '"pages": *[0-9]*' | grep -o '[0-9]*$' | paste -sd+ | bc)
  printf 'round %d: %d pages, %d jobs | tesseract CLI %.1f s (%.2f s/page) | ingest %.1f s (%.2f s/page) | ratio %.3f\n' \
    "$r" "$pages" "$jobs" "$cli" "$(echo "$cli / $pages" | bc -l)" "$pipe" "$(echo "$pipe / $pages" | bc -l)" "$(echo "$pipe / $cli" | bc -l)"
done

# a 100-page scan: Đắk Đoa (13 pages) seven times and Kon Chiêng (3 pages) three times
big=()
for i in 1 2 3 4 5 6 7; do big+=("$here/samples/dak-doa-kh-dang-uy.scan.pdf"); done
for i in 1 2 3; do big+=("$here/samples/kon-chieng-nq-hdnd.scan.pdf"); done
mkdir -p "$work/big"
pdfunite "${big[@]}" "$work/big/hundred-pages.pdf"
rm -rf "$work/out" "$work/store.db"
/usr/bin/time -v "$here/ingest" extract -q --jobs "$jobs" --db "$work/store.db" "$work/big" -o "$work/out" 2>"$work/time.txt" >/dev/null
rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$work/time.txt")
printf '100-page scanned PDF: peak memory %.0f MiB, wall %s, %d jobs\n' "$(echo "$rss / 1024" | bc -l)" "$wall" "$jobs"
