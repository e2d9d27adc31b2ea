#!/usr/bin/env bash
# Runs every document of the development corpus (dev/) and of the samples in every format, each
# format into its own folder, and prints the shared scorer's table for each, then one summary.
#   eval/dev.sh [SET...]   SET: dev-txt dev-engocr dev-docx dev-pdf dev-scan samples-txt samples-docx
#                               samples-pdf samples-scan (default: all but the scans; "all" for all)
#                               probe-prose probe-reports probe-excerpts probe-tables-docx probe-tables-txt probe-tables-pdf
#                               probe-fresh probe-fresh2 probe-fresh3 probe-plans-txt probe-plans-docx probe-plans-pdf ("probes" for all twelve: documents written
#                               to probe prose cues, table layouts and whole plans, eval/probes/README.md)
#   WORK=DIR keeps the outputs there (default: a new temporary folder); JOBS=N for --jobs.
# Each set gets its own store, so nothing is reused between runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scorer="$here/eval/score.py"
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(dev-txt dev-engocr dev-docx dev-pdf samples-txt samples-docx samples-pdf)
[ "${sets[0]}" != all ] || sets=(dev-txt dev-engocr dev-docx dev-pdf dev-scan samples-txt samples-docx samples-pdf samples-scan)
[ "${sets[0]}" != probes ] || sets=(probe-prose probe-reports probe-excerpts probe-fresh probe-fresh2 probe-fresh3 probe-tables-docx probe-tables-txt probe-tables-pdf probe-plans-txt probe-plans-docx probe-plans-pdf)
work="${WORK:-$(mktemp -d)}"; mkdir -p "$work"
"$here/ingest" --help >/dev/null

# stage SET: copies the set's inputs to $work/SET/in under the gold's plain names, and the gold
# files that have an input to $work/SET/gold (the scorer counts a gold file with no output as missed)
stage() {
  local set="$1" src gold ext
  case "$set" in
    dev-txt) src="$here/dev/docs"; gold="$here/dev/gold"; ext=".txt";;
    dev-engocr) src="$here/dev/engocr"; gold="$here/dev/gold"; ext=".txt";;
    dev-docx) src="$here/dev/docs"; gold="$here/dev/gold"; ext=".docx";;
    dev-pdf) src="$here/dev/docs"; gold="$here/dev/gold"; ext=".pdf";;
    dev-scan) src="$here/dev/docs"; gold="$here/dev/gold"; ext=".scan.pdf";;
    samples-txt) src="$here/samples"; gold="$here/samples/gold"; ext=".txt";;
    samples-docx) src="$here/samples"; gold="$here/samples/gold"; ext=".docx";;
    samples-pdf) src="$here/samples"; gold="$here/samples/gold"; ext=".pdf";;
    samples-scan) src="$here/samples"; gold="$here/samples/gold"; ext=".scan.pdf";;
    probe-prose) src="$here/eval/probes/prose/docs"; gold="$here/eval/probes/prose/gold"; ext=".txt";;
    probe-reports) src="$here/eval/probes/reports/docs"; gold="$here/eval/probes/reports/gold"; ext=".txt";;
    probe-excerpts) src="$here/eval/probes/excerpts/docs"; gold="$here/eval/probes/excerpts/gold"; ext=".txt";;
    probe-plans-txt) src="$here/eval/probes/plans/docs"; gold="$here/eval/probes/plans/gold"; ext=".txt";;
    probe-plans-docx) src="$here/eval/probes/plans/docs"; gold="$here/eval/probes/plans/gold"; ext=".docx";;
    probe-plans-pdf) src="$here/eval/probes/plans/docs"; gold="$here/eval/probes/plans/gold"; ext=".pdf";;
    probe-tables-docx) src="$here/eval/probes/tables/docs"; gold="$here/eval/probes/tables/gold"; ext=".docx";;
    probe-tables-txt) src="$here/eval/probes/tables/docs"; gold="$here/eval/probes/tables/gold"; ext=".txt";;
    probe-tables-pdf) src="$here/eval/probes/tables/docs"; gold="$here/eval/probes/tables/gold"; ext=".pdf";;
    probe-fresh) src="$here/eval/probes/fresh/docs"; gold="$here/eval/probes/fresh/gold"; ext=".txt";;
    probe-fresh2) src="$here/eval/probes/fresh2/docs"; gold="$here/eval/probes/fresh2/gold"; ext=".txt";;
    # each document in the one format it was written in (.txt or .docx)
    probe-fresh3) src="$here/eval/probes/fresh3/docs"; gold="$here/eval/probes/fresh3/gold"; ext=".*";;
    *) echo "eval/dev.sh: unknown set '$set'" >&2; exit 2;;
  esac
  rm -rf "$work/$set"; mkdir -p "$work/$set/in" "$work/$set/gold"
  for g in "$gold"/*.gold.jsonl; do
    local name; name="$(basename "$g" .gold.jsonl)"
    local f="$src/$name$ext"
    if [ "$ext" = ".*" ]; then f="$(ls "$src/$name".* 2>/dev/null | head -1)"; fi
    [ -n "$f" ] && [ -f "$f" ] || continue
    case "$ext:$f" in .pdf:*.scan.pdf) continue;; esac
    local plain="${ext#.scan}"
    [ "$ext" != ".*" ] || plain=".${f##*.}"
    cp "$f" "$work/$set/in/$name$plain"
    cp "$g" "$work/$set/gold/"
  done
}

summary=()
for set in "${sets[@]}"; do
  stage "$set"
  "$here/ingest" extract "$work/$set/in" -o "$work/$set/out" --db "$work/$set/store.db" --progress lines \
      ${JOBS:+--jobs "$JOBS"} >"$work/$set/extract.log" 2>&1 || true
  echo "== $set"
  python3 "$scorer" "$work/$set/gold" "$work/$set/out" | tee "$work/$set/score.txt"
  summary+=("$(printf '%-14s %s' "$set" "$(grep '^TOTAL' "$work/$set/score.txt")")")
done
echo "== summary (outputs in $work)"
printf '%-14s %-34s %5s %5s %8s %8s %6s %6s\n' set "" gold pred strictF1 looseF1 code% cmp%
printf '%s\n' "${summary[@]}"
