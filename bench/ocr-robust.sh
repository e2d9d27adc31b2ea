#!/usr/bin/env bash
# OCR robustness benchmark (issue 15): the samples' and the dev plans' PDFs degraded the ways
# communes' scans are (bench/tools/degrade.py: 200/150 dpi, 3-5° skew, JPEG q25, phone photos as a
# PDF and as one JPG per page, fax), each variant read by `ingest extract` (a fresh store, --force)
# and by the tesseract command line on the same page images (same tessdata/, vie, psm 3, plain
# text, OMP_THREAD_LIMIT=1), both with all cores busy. Prints per variant and set (samples, dev) the
# shared scorer's strict F1, and the seconds per page of each reader, program starts included.
# The command line's speed is only worth what it reads: its text, page after page, is also put
# through `ingest extract` as a plain-text plan and scored ("CLI F1"), so a reader that is fast
# because it dropped a skewed or shadowed page's words shows it.
# usage: bench/ocr-robust.sh [VARIANT...]   (default: a200 b150 c_rot d_q25 e_phone e_jpg f_fax)
#   BENCH_VARIANTS=DIR  where the variants are made, or found already made (default: .bench/variants);
#                       /work/variants on the development machine
#   JOBS=N (default: the core count)  WORK=DIR keeps the outputs (default: a temporary folder)
#   NO_CLI=1 skips the command line's timing (scores only)
#   REPEAT=N (default 1) times each reader N times, the two in turn, and keeps each one's fastest
#            run: on a shared machine one run's seconds vary by a fifth and more (the command
#            line's own time for the same a200 pages was 0.73 and 0.93 s a page on two runs)
#   PREPARED=1 also times the command line on the pages as ingest prepared them (flattened, deskewed,
#              scaled up...: saved by a second, untimed run with --prepared-pages): the same pages and
#              the same text to read, so the ratio to it is what ingest costs over the engine itself
#   INGEST_ARGS="--preprocess deskew,upsample" passes options to ingest (to compare settings)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
variants_dir="${BENCH_VARIANTS:-$here/.bench/variants}"
jobs="${JOBS:-$(nproc)}"
all=(a200 b150 c_rot d_q25 e_phone e_jpg f_fax)
wanted=("$@"); [ ${#wanted[@]} -gt 0 ] || wanted=("${all[@]}")
work="${WORK:-$(mktemp -d)}"; mkdir -p "$work"
"$here/ingest" --help >/dev/null   # build and install first, outside the timing

plans=()
for g in "$here"/samples/gold/*.gold.jsonl; do
  f="$here/samples/$(basename "$g" .gold.jsonl).pdf"; [ -f "$f" ] && plans+=("$f")
done
plans+=($(ls "$here"/dev/docs/ct*.pdf | grep -v '\.scan\.pdf$'))

# the variants, made once (deterministic) unless the cache already holds them
need_tools() {
  local need=()
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  command -v img2pdf >/dev/null || need+=(img2pdf)
  /usr/bin/python3 -c 'import PIL' 2>/dev/null || need+=(python3-pil)
  /usr/bin/python3 -c 'import numpy' 2>/dev/null || need+=(python3-numpy)
  [ ${#need[@]} -eq 0 ] && return
  echo "ocr-robust: installing ${need[*]}" >&2
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
}
for v in "${wanted[@]}"; do
  made="$v"; [ "$v" = e_jpg ] && made=e_phone
  # (no cache yet: ls fails, which under pipefail would end the script here)
  n=$( { ls "$variants_dir/in/$made" 2>/dev/null || true; } | wc -l)
  if [ "$n" -lt "${#plans[@]}" ]; then
    need_tools
    echo "ocr-robust: making $made in $variants_dir" >&2
    mkdir -p "$variants_dir"
    /usr/bin/python3 "$here/bench/tools/degrade.py" "$made" "$variants_dir" "${plans[@]}" >"$work/degrade.$made.log"
  fi
done

now() { date +%s.%N; }
# the command line reads every image under DIR matching NAME, each into IMAGE.txt, with all cores busy
cli_read() {
  find "$1" -type f -name "$2" | OMP_THREAD_LIMIT=1 xargs -P "$jobs" -I{} \
    tesseract {} {} -l vie --psm 3 --tessdata-dir "$here/tessdata" >/dev/null 2>&1 || true
}
pages_of() { cat "$@" 2>/dev/null | grep -o '"pages": *[0-9]*' | grep -o '[0-9]*$' | paste -sd+ | bc; }

# stage V: $work/V/in/{samples,dev} with each plan's variant, $work/V/gold/{samples,dev}
stage() {
  local v="$1" src="$variants_dir/in/$1" set name g
  rm -rf "${work:?}/$v"; mkdir -p "$work/$v"
  for p in "${plans[@]}"; do
    name="$(basename "$p" .pdf)"
    case "$p" in "$here"/samples/*) set=samples; g="$here/samples/gold";; *) set=dev; g="$here/dev/gold";; esac
    mkdir -p "$work/$v/in/$set" "$work/$v/gold/$set" "$work/$v/img/$set"
    cp "$g/$name.gold.jsonl" "$work/$v/gold/$set/"
    case "$v" in
      e_jpg) cp "$src/$name"-p*.jpg "$work/$v/in/$set/"; cp "$src/$name"-p*.jpg "$work/$v/img/$set/";;
      f_fax) cp "$src/$name.tif" "$work/$v/in/$set/"; cp "$src/$name.tif" "$work/$v/img/$set/";;
      *) cp "$src/$name.pdf" "$work/$v/in/$set/"; pdfimages -j "$src/$name.pdf" "$work/$v/img/$set/$name";;
    esac
  done
}

# one JSON per page (e_jpg read page by page) becomes the plan's JSON, its targets in page order
merge_pages() {
  local out="$1" merged="$2"
  mkdir -p "$merged"
  /usr/bin/python3 - "$out" "$merged" <<'PY'
import glob, json, os, re, sys
out, merged = sys.argv[1:3]
plans = {}
for f in sorted(glob.glob(os.path.join(out, "*.json"))):
    stem = os.path.basename(f)[:-5]
    m = re.match(r"(.*)-p\d+$", stem)
    plans.setdefault(m.group(1) if m else stem, []).append(f)
for plan, files in plans.items():
    targets = []
    for f in files:
        targets += json.load(open(f, encoding="utf-8")).get("targets", [])
    json.dump({"targets": targets}, open(os.path.join(merged, plan + ".json"), "w", encoding="utf-8"), ensure_ascii=False)
PY
}

rows=()
for v in "${wanted[@]}"; do
  stage "$v"
  ing_s=""; cli_s=""
  for ((r = 0; r < ${REPEAT:-1}; r++)); do
    rm -rf "$work/$v/out" "$work/$v/store.db"
    t0=$(now)
    "$here/ingest" extract "$work/$v/in/samples" "$work/$v/in/dev" -o "$work/$v/out" --db "$work/$v/store.db" \
        --force --jobs "$jobs" --progress lines ${INGEST_ARGS:-} >"$work/$v/extract.log" 2>&1 || true
    t1=$(now)
    ing_s=$(echo "$t1 - $t0" | bc -l | awk -v m="$ing_s" '{print (m == "" || $1 < m) ? $1 : m}')
    if [ -z "${NO_CLI:-}" ]; then
      find "$work/$v/img" -name '*.txt' -delete
      t2=$(now)
      cli_read "$work/$v/img" '*'
      t3=$(now)
      cli_s=$(echo "$t3 - $t2" | bc -l | awk -v m="$cli_s" '{print (m == "" || $1 < m) ? $1 : m}')
    fi
  done
  pages=$(pages_of "$work/$v"/out/*/*.json)
  cli="-"
  if [ -z "${NO_CLI:-}" ]; then
    cli=$(echo "$cli_s / $pages" | bc -l)
    # each plan's pages as the command line read them, in order, one plain-text plan
    for set in samples dev; do
      mkdir -p "$work/$v/cli/$set"
      for g in "$work/$v/gold/$set"/*.gold.jsonl; do
        name="$(basename "$g" .gold.jsonl)"
        cat "$work/$v/img/$set/$name".*.txt "$work/$v/img/$set/$name"-[0-9p]*.txt 2>/dev/null >"$work/$v/cli/$set/$name.txt" || true
      done
    done
    "$here/ingest" extract "$work/$v/cli/samples" "$work/$v/cli/dev" -o "$work/$v/cli-out" --db "$work/$v/cli-store.db" \
      --force --jobs "$jobs" --progress lines >"$work/$v/cli-extract.log" 2>&1 || true
  fi
  prep="-"
  if [ -z "${NO_CLI:-}" ] && [ -n "${PREPARED:-}" ]; then
    rm -rf "$work/$v/prepared"
    "$here/ingest" extract "$work/$v/in/samples" "$work/$v/in/dev" -o "$work/$v/out-prepared" --db "$work/$v/store-prepared.db" \
        --force --jobs "$jobs" --progress lines --prepared-pages "$work/$v/prepared" ${INGEST_ARGS:-} >"$work/$v/extract-prepared.log" 2>&1 || true
    t4=$(now)
    cli_read "$work/$v/prepared" '*.png'
    t5=$(now)
    prep=$(echo "($t5 - $t4) / $pages" | bc -l)
  fi
  ing=$(echo "$ing_s / $pages" | bc -l)
  for set in samples dev; do
    out="$work/$v/out/$set"
    if [ "$v" = e_jpg ] && ! ls "$out"/*.json 2>/dev/null | grep -qv -- '-p[0-9]*\.json$'; then
      merge_pages "$out" "$work/$v/merged/$set"; out="$work/$v/merged/$set"
    fi
    python3 "$here/eval/score.py" "$work/$v/gold/$set" "$out" >"$work/$v/score.$set.txt" || true
    f1=$(awk '/^strict F1 =/ {print $4}' "$work/$v/score.$set.txt")
    clif1=-
    if [ -d "$work/$v/cli-out/$set" ]; then
      python3 "$here/eval/score.py" "$work/$v/gold/$set" "$work/$v/cli-out/$set" >"$work/$v/score.cli.$set.txt" || true
      clif1=$(awk '/^strict F1 =/ {print $4}' "$work/$v/score.cli.$set.txt")
    fi
    rows+=("$(printf '%-8s %-8s %9s %7s' "$v" "$set" "${f1:-?}" "${clif1:-?}")|$pages|$ing|$cli|$prep")
  done
done

echo "== ocr-robust (outputs in $work)"
extra=""; [ -n "${PREPARED:-}" ] && extra="$(printf ' %12s %6s' "CLI prep s/p" ratio)"
printf '%-8s %-8s %9s %7s %6s %10s %10s %6s%s\n' variant set strictF1 "CLI F1" pages "ingest s/p" "CLI s/p" ratio "$extra"
for r in "${rows[@]}"; do
  IFS='|' read -r head pages ing cli prep <<<"$r"
  if [ "$cli" = - ]; then ratio=-; cli=-; else ratio=$(printf '%.2f' "$(echo "$ing / $cli" | bc -l)"); cli=$(printf '%.2f' "$cli"); fi
  tail=""
  if [ -n "${PREPARED:-}" ]; then
    if [ "$prep" = - ]; then tail="$(printf ' %12s %6s' - -)"
    else tail="$(printf ' %12.2f %6.2f' "$prep" "$(echo "$ing / $prep" | bc -l)")"; fi
  fi
  printf '%s %6s %10.2f %10s %6s%s\n' "$head" "$pages" "$ing" "$cli" "$ratio" "$tail"
done
