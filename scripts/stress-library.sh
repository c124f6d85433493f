#!/usr/bin/env bash
# Eight `dateline add` processes, each importing 50 captures of its own live blog into one library, while
# `dateline list` polls it: prints the time, the captures landed, the listings that failed and SQLite's
# integrity check. Usage: scripts/stress-library.sh [path/to/dateline]   (default: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
if [ -z "$binary" ]; then
  swift build -c release --product dateline >/dev/null
  binary=.build/release/dateline
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
library=$work/library.sqlite
# The captures: the built-in sample, renamed per importer, growing by one update per capture.
for w in 0 1 2 3 4 5 6 7; do
  mkdir -p "$work/w$w"
  for n in $(seq -w 0 49); do
    {
      sed -n '1p' Resources/sample-story.txt | sed "s/\$/ (desk $w)/"
      sed -n '2p' Resources/sample-story.txt
      for k in $(seq 1 "$((10#$n))"); do
        echo "Gauge reading $k at station $w"
        echo "The river gauge at station number $k rose by $((k + 3)) centimetres overnight, officials said on Tuesday."
      done
      sed -n '3,$p' Resources/sample-story.txt
    } > "$work/w$w/c$n.txt"
  done
done
start=$(date +%s.%N)
pids=()
for w in 0 1 2 3 4 5 6 7; do
  "$binary" add --library "$library" "$work/w$w"/*.txt > /dev/null 2> "$work/add$w.err" & pids+=($!)
done
listings=0
failed=0
while kill -0 "${pids[@]}" 2>/dev/null; do
  "$binary" list --library "$library" > /dev/null 2>> "$work/list.err" || failed=$((failed + 1))
  listings=$((listings + 1))
done
importsFailed=0
for pid in "${pids[@]}"; do wait "$pid" || importsFailed=$((importsFailed + 1)); done
end=$(date +%s.%N)
landed=$("$binary" list --json --library "$library" | python3 -c \
  'import json, sys; print(sum(s["captures"] for s in json.load(sys.stdin)["stories"]))')
integrity=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$library")
printf 'importers: 8 x 50 captures in %.1f s; captures landed: %s of 400; failed imports: %d; listings: %d, failed: %d; integrity_check: %s\n' \
  "$(echo "$end - $start" | bc)" "$landed" "$importsFailed" "$listings" "$failed" "$integrity"
cat "$work"/*.err | sort | uniq -c | sed 's/^/  stderr: /' | head -5
[ "$failed" -eq 0 ] && [ "$importsFailed" -eq 0 ] && [ "$landed" = 400 ] && [ "$integrity" = ok ]
