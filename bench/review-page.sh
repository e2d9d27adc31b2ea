#!/usr/bin/env bash
# Measures how long a target's page takes to open on the reviewer's page (`ingest review serve`):
# the target panel and its crop, as the browser fetches them, for the first target of every
# document of the store: first with the crop cache empty (the page is drawn: pdftoppm for a PDF,
# leptonica for an image), then again (cached). The bar: < 300 ms cached, < 1.5 s first for a scan.
#   bench/review-page.sh [--db STORE]      default: a fresh store of every sample (OCRs the scans, minutes)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/ingest" --help >/dev/null   # build first, so that building is not timed
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
db=""
if [ "${1:-}" = "--db" ]; then db=$(realpath "$2"); fi
if [ -z "$db" ]; then
  db="$work/bench.db"
  echo "extracting the samples into $db ..." >&2
  "$here/ingest" extract "$here/samples" -o "$work/out" --db "$db" --progress lines -q >&2 || true
fi
# a copy, so that the crop cache starts empty and the store given is not touched
cp "$db" "$work/review.db"
[ -f "$db-wal" ] && cp "$db-wal" "$work/review.db-wal"
"$here/ingest" review serve --db "$work/review.db" --port 0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q '^Review page:' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^Review page: //p' "$work/serve.out")
[ -n "$url" ] || { cat "$work/serve.err" >&2; exit 1; }
curl -sf "${url}api/queue" > /dev/null   # the server's first request (JIT of its code) is not a page open
python3 - "$url" <<'PY'
import json, sys, time, urllib.parse, urllib.request
url = sys.argv[1]
get = lambda path: urllib.request.urlopen(url + path).read()
docs = json.loads(get("api/queue"))["documents"]
def open_page(sha, key):
    q = "sha=%s&key=%s" % (urllib.parse.quote(sha), urllib.parse.quote(key))
    start = time.perf_counter()
    html = get("api/target?" + q).decode()
    if "page-crop" in html: get("api/crop?" + q)
    return (time.perf_counter() - start) * 1000, "page-crop" in html
rows, worst = [], {"first scan": 0, "first": 0, "cached": 0}
for d in docs:
    items = json.loads(get("api/queue?all=1&document=" + d["sha"]))["items"]
    if not items: continue
    t = items[0]
    first, crop = open_page(t["sha"], t["key"])
    cached, _ = open_page(t["sha"], t["key"])
    scan = ".scan." in d["path"] or d["path"].endswith((".tif", ".tiff", ".png", ".jpg", ".jpeg"))
    rows.append((d["path"], "crop" if crop else "text", first, cached))
    worst["first scan" if scan and crop else "first"] = max(worst["first scan" if scan and crop else "first"], first)
    worst["cached"] = max(worst["cached"], cached)
w = max(len(r[0]) for r in rows) if rows else 10
print("%-*s  %-4s  %8s  %8s" % (w, "document", "view", "first ms", "cached ms"))
for p, kind, first, cached in rows:
    print("%-*s  %-4s  %8.0f  %8.0f" % (w, p, kind, first, cached))
print("worst: first (scan) %.0f ms (bar 1500), first (other) %.0f ms, cached %.0f ms (bar 300)" % (worst["first scan"], worst["first"], worst["cached"]))
ok = worst["first scan"] < 1500 and worst["cached"] < 300
print("bar met" if ok else "BAR MISSED")
sys.exit(0 if ok else 1)
PY
