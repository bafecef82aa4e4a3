#!/bin/bash
# Metadata speed: the whole extraction line on the seeds repeated N times
# (default 10000), in memory, on one thread, with and without the metadata
# stage; prints both CPU times and the overhead (issue 4 asks <= 25%).
#
#   bench/metadata/run.sh [--repeat N]
#
# Builds bench/metadata_bench in build/ if needed; pinned to one CPU with
# taskset when available. See bench/metadata/metadata_bench.cpp for the method.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ ! -f "$root/build/build.ninja" ]; then
  cmake -G Ninja -B "$root/build" -S "$root" >/dev/null
fi
ninja -C "$root/build" -j2 metadata_bench >/dev/null
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
"${pin[@]}" "$root/build/bench/metadata_bench" "$root/fixtures/seeds" "$@"
