#!/usr/bin/env bash
# Exits 0 (and names the first changed file on stdout) when the Release build in ROOT/.build is
# missing or older than a source, model or tessdata file; exits 1 when it is up to date.
# Build output under src (bin/, obj/ of a Debug build by ./test) does not count.
#   scripts/needs-build.sh [ROOT]
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
dll="$root/.build/ingest/ingest.dll"
[ -f "$dll" ] || { echo "$dll"; exit 0; }
changed="$(find "$root/src" \( -name bin -o -name obj \) -prune -o -type f -newer "$dll" -print -quit 2>/dev/null)"
[ -n "$changed" ] || changed="$(find "$root/models" "$root/tessdata" "$root/Directory.Build.props" "$root/Directory.Packages.props" -type f -newer "$dll" -print -quit 2>/dev/null)"
[ -n "$changed" ] && { echo "$changed"; exit 0; }
exit 1
