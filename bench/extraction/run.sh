#!/bin/bash
# Extraction benchmark: accuracy (the benchmark's shingle F1) and speed of the
# HTML path on one core.
#
#   bench/extraction/run.sh [DATA_DIR] [extra extract_bench flags, e.g. --body-only]
#
# DATA_DIR defaults to ../shared/bench/extraction (from the repository root)
# and holds <id>.html pages with <id>.txt expected texts. Builds the bench
# program in build/ if needed; timing covers extraction only (see
# bench/extract_bench.cpp), pinned to one CPU with taskset when available.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/bench/extraction}"
shift || true
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if [ ! -x "$root/build/bench/extract_bench" ]; then
  cmake -G Ninja -B "$root/build" -S "$root" >/dev/null
fi
ninja -C "$root/build" -j2 extract_bench >/dev/null
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
"${pin[@]}" "$root/build/bench/extract_bench" "$data" --dump "$out" "$@"
/usr/bin/python3 "$root/bench/extraction/score.py" "$data" "$out" --worst "${WORST:-10}"
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$out"/*.txt "$KEEP"/; fi
