#!/usr/bin/env bash
# Peak memory of one long phone-photo PDF (issue 15's bar: under 1 GiB for 100 pages): the e_phone
# variants of the samples' and dev plans' PDFs (made by bench/ocr-robust.sh, or made here) joined
# into one PDF of 100 pages or more, read by `ingest extract` into a fresh store with all cores
# busy; prints pages, wall time and the peak resident set size (GNU time's "Maximum resident").
# usage: bench/ocr-memory.sh     BENCH_VARIANTS=DIR as for ocr-robust.sh; JOBS=N (default: core count)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
variants_dir="${BENCH_VARIANTS:-$here/.bench/variants}"
jobs="${JOBS:-$(nproc)}"
command -v pdfunite >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
if [ "$(ls "$variants_dir/in/e_phone"/*.pdf 2>/dev/null | wc -l)" -eq 0 ]; then
  BENCH_VARIANTS="$variants_dir" NO_CLI=1 "$here/bench/ocr-robust.sh" e_phone >/dev/null
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
"$here/ingest" --help >/dev/null   # build first, outside the measurement
parts=(); pages=0
while [ "$pages" -lt 100 ]; do
  for f in "$variants_dir"/in/e_phone/*.pdf; do
    parts+=("$f"); pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
    [ "$pages" -ge 100 ] && break
  done
done
pdfunite "${parts[@]}" "$work/phone.pdf"
/usr/bin/time -v "$here/ingest" extract "$work/phone.pdf" -o "$work/out" --db "$work/store.db" -j "$jobs" -q >/dev/null 2>"$work/time.log" || { cat "$work/time.log" >&2; exit 1; }
rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.log")
wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$work/time.log")
printf 'ocr-memory: %d pages, %d workers, wall %s, peak resident %.0f MiB\n' "$pages" "$jobs" "$wall" "$(echo "$rss / 1024" | bc -l)"
