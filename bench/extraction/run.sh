#!/bin/bash
# Extraction benchmark: accuracy (the benchmark's shingle F1) and speed of the
# HTML path on one core.
#
#   bench/extraction/run.sh [DATA_DIR] [extra extract_bench flags, e.g. --body-only]
#
# Prints the extraction program's figures, then scores `winnow extract -j 1` on
# the same pages (the CLI runs the same extraction line).
#
# DATA_DIR defaults to ../shared/bench/extraction (from the repository root)
# and holds <id>.html pages with <id>.txt expected texts. Builds the bench
# program in build/ if needed; timing covers extraction only (see
# bench/extraction/extract_bench.cpp), pinned to one CPU with taskset when available.
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

# The same pages through the CLI, `winnow extract -j 1`, one process for the
# whole set: its F1 must equal the program's above (same extraction line),
# and its wall time includes reading the files and writing JSON.
if [ "${1:-}" != "--body-only" ]; then
  ninja -C "$root/build" -j2 winnow >/dev/null
  cli="$(mktemp -d)"
  trap 'rm -rf "$out" "$cli"' EXIT
  start=$(date +%s.%N)
  "${pin[@]}" "$root/build/winnow" extract -j 1 -q "$data"/*.html >"$cli/all.jsonl" || true
  end=$(date +%s.%N)
  /usr/bin/python3 - "$cli" <<'PY'
import json, os, sys
d = sys.argv[1]
for line in open(os.path.join(d, "all.jsonl"), encoding="utf-8"):
    r = json.loads(line)
    name = os.path.basename(r["id"])[:-len(".html")]
    open(os.path.join(d, name + ".txt"), "w", encoding="utf-8").write(r["text"] + "\n")
PY
  rm "$cli/all.jsonl"
  n=$(ls "$data"/*.html | wc -l)
  /usr/bin/python3 -c "import sys; s = float(sys.argv[2]) - float(sys.argv[1]); print(f\"winnow extract -j 1 (CLI): {sys.argv[3]} pages in {s:.2f} s wall, {int(sys.argv[3]) / s:.0f} pages/s\")" "$start" "$end" "$n"
  /usr/bin/python3 "$root/bench/extraction/score.py" "$data" "$cli" --worst 0
fi
