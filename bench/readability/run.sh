#!/bin/bash
# Readability benchmark: Mozilla Readability's own test pages, scored on the
# set's metric (text shingle F1, title exact/contains, date) for all pages and
# for the two fixed halves (tune / measure; see score.py and README.md).
#
#   bench/readability/run.sh [DATA_DIR]    (default ../shared/bench/readability)
#   WORST=N MISSES=1 bench/readability/run.sh   also list the tune half's misses
#
# Runs `winnow extract -j 1` once over DATA_DIR's *.html (the .txt and .json
# beside them are the expected outputs, not pages). Builds build/winnow if needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/bench/readability}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if [ ! -f "$root/build/build.ninja" ]; then
  cmake -G Ninja -B "$root/build" -S "$root" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
ninja -C "$root/build" -j2 winnow >/dev/null
"$root/build/winnow" extract -j 1 -q --glob '*.html' "$data" >"$out/records.jsonl" || true
flags=(--worst "${WORST:-0}")
[ -n "${MISSES:-}" ] && flags+=(--misses)
/usr/bin/python3 "$root/bench/readability/score.py" "$data" "$out/records.jsonl" "${flags[@]}"
