#!/usr/bin/env bash
# Measures a batch run on the store: every sample (scans included) plus bad files, run twice
# into a fresh store; the second run should find every document unchanged and take < 10% of
# the first run's time.
#   bench/batch.sh [JOBS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jobs=${1:-$(nproc)}
"$here/ingest" --help >/dev/null   # build first, so that building is not timed
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
cp "$here"/samples/*.{txt,pdf,docx,tif} "$work/in/"
: > "$work/in/zero.pdf"
head -c 50000 /dev/urandom > "$work/in/junk.docx"
head -c 40000 "$here/samples/xop-kh-ubnd.pdf" > "$work/in/truncated.pdf"
cp "$here/tests/Ingest.Integration.Tests/Fixtures/encrypted.pdf" "$work/in/"
for i in $(seq 200); do echo "The committee shall review the annual report and submit it to the board."; done > "$work/in/english.txt"
ln -s .. "$work/in/loop"
run() {
  local start end
  start=$(date +%s.%N)
  "$here/ingest" extract "$work/in" -o "$work/out" --db "$work/bench.db" --jobs "$jobs" --progress lines -q > "$work/$1.log" 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
first=$(run first); second=$(run second)
echo "first run:  ${first}s  ($(tail -1 "$work/first.log"))"
echo "second run: ${second}s  ($(tail -1 "$work/second.log"))"
echo "second/first: $(echo "scale=2; 100 * $second / $first" | bc)%"
