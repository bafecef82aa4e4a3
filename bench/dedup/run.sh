#!/usr/bin/env bash
# Near-duplicate benchmark at 10k, 100k and 1M documents.
#
#   bench/dedup/run.sh [DATA_DIR] [WORK_DIR] [SCALES...]
#
# DATA_DIR: real article texts (*.txt), default ../shared/bench/extraction
# relative to the repository root. WORK_DIR (default /tmp/winnow-dedup-bench)
# receives the generated corpora (the 1M corpus is ~6 GB) and is never inside
# the repository. SCALES default to "10000 100000 1000000".
# Builds in build-bench/ (Release, -j2), generates each corpus with the fixed
# seed (skipped when present), and runs dedup_bench on 2 threads.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/bench/extraction}
work=${2:-/tmp/winnow-dedup-bench}
shift $(( $# > 2 ? 2 : $# )) || true
scales=${*:-"10000 100000 1000000"}

cmake -G Ninja -B "$root/build-bench" -S "$root" -DCMAKE_BUILD_TYPE=Release -DWINNOW_BUILD_TESTS=OFF >/dev/null
ninja -C "$root/build-bench" -j2 dedup_gen dedup_bench shingle_bench >/dev/null
mkdir -p "$work"
for n in $scales; do
  docs=$work/docs-$n.jsonl truth=$work/truth-$n.jsonl
  if [[ ! -s $docs || ! -s $truth ]]; then
    "$root/build-bench/bench/dedup_gen" "$data" "$root/fixtures/seeds" "$n" "$docs" "$truth"
  fi
  echo "== $n documents"
  # The signing sample is kept in memory: 20000 texts, 5000 at 1M.
  sample=$(( n >= 1000000 ? 5000 : 20000 ))
  "$root/build-bench/bench/dedup_bench" "$docs" "$truth" 2 "$sample"
  # Shingling alone, best of 5 passes (steadier under load than the above).
  if (( n == 100000 )); then "$root/build-bench/bench/shingle_bench" "$docs" 20000; fi
done
