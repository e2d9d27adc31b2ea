#!/usr/bin/env bash
# Text-layer throughput: documents and pages per second for one process over a batch of every
# text-layer sample (txt, pdf, docx), process start included, on one core (--jobs 1, taskset).
# usage: bench/throughput.sh [ROUNDS] [OTHER_CHECKOUT...]
#   ROUNDS (default 5): copies of the samples in the batch.
#   OTHER_CHECKOUT: another checkout of this repository (a worktree of the commit before a change,
#     say) built with its own ./ingest and measured in the same run on the same files, batch for
#     batch in turn with this one, so that both see the same machine; the ratio is printed.
#   REPEAT=N (default 3): batches per build; the fastest counts (the machine may be shared).
# Every batch runs with its own new store and --force, so nothing measured is a stored result:
# neither an earlier run's nor, within the batch, that of a copy read before.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"; shift || true
builds=("$here" "$@")
repeat="${REPEAT:-3}"
for b in "${builds[@]}"; do "$b/ingest" --help >/dev/null; done   # build and install first, outside the timing
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
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

# one timed batch of build $1 (its index in builds), into a store and outputs of its own
batch() {
  local b="${builds[$1]}" run="$work/run-$1-$2" start end
  mkdir -p "$run"
  start=$(date +%s.%N)
  taskset -c 0 "$b/ingest" extract -q --jobs 1 --force --db "$run/store.db" "${files[@]}" -o "$run/out" >/dev/null
  end=$(date +%s.%N)
  rm -rf "$run"
  echo "$end - $start" | bc -l
}

declare -a best
for k in $(seq 1 "$repeat"); do
  for i in "${!builds[@]}"; do
    t=$(batch "$i" "$k")
    if [ -z "${best[$i]:-}" ] || [ "$(echo "$t < ${best[$i]}" | bc -l)" = 1 ]; then best[$i]=$t; fi
  done
done
for i in "${!builds[@]}"; do
  secs=${best[$i]}
  printf '%s (%s): documents %d, pages %d, %.2f s on one core: %.1f documents/s, %.1f pages/s\n' \
    "${builds[$i]}" "$(git -C "${builds[$i]}" rev-parse --short HEAD 2>/dev/null || echo '?')" \
    "${#files[@]}" "$pages" "$secs" "$(echo "${#files[@]} / $secs" | bc -l)" "$(echo "$pages / $secs" | bc -l)"
done
for i in "${!builds[@]}"; do
  [ "$i" = 0 ] && continue
  printf 'pages/s of %s over %s: %.2f×\n' "$here" "${builds[$i]}" "$(echo "${best[$i]} / ${best[0]}" | bc -l)"
done
