#!/usr/bin/env bash
# Staged dedup against the single-process run on one generated corpus: time
# and peak memory of every stage, the cost of the split as a ratio, and a
# byte comparison of the two results.
#
#   bench/stages/run.sh [DOCS] [SHARDS] [WORK_DIR]
#
# DOCS: 100000 by default; 1000000 and 10000000 are accepted (the 10M corpus
# is ~60 GB of JSONL: check the disk first). SHARDS: 8 by default. WORK_DIR
# (default /tmp/winnow-stages-bench, never inside the repository) receives
# the corpus, cut into files of 10,000 lines (a shard is a run of files), and
# the stage directory. Uses the release build (build/winnow, build/bench/
# dedup_gen; WINNOW and DEDUP_GEN override) and the real article texts in
# ../shared/bench/extraction (DATA overrides). Every process runs with -j
# left to its default (all cores); stages run one task at a time, as on a
# one-node cluster, so "sum" is the staged run's CPU-bound wall time on this
# machine and "peak" the largest resident set of any one task.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
docs=${1:-100000}
shards=${2:-8}
work=${3:-/tmp/winnow-stages-bench}
winnow=${WINNOW:-$root/build/winnow}
gen=${DEDUP_GEN:-$root/build/bench/dedup_gen}
data=${DATA:-$root/../shared/bench/extraction}
case $work in "$root"*) echo "run.sh: WORK_DIR must be outside the repository" >&2; exit 2 ;; esac
mkdir -p "$work"
corpus=$work/corpus-$docs
if [[ ! -e $corpus/.complete ]]; then
  rm -rf "$corpus"
  mkdir -p "$corpus"
  "$gen" "$data" "$root/fixtures/seeds" "$docs" "$work/docs-$docs.jsonl" "$work/truth-$docs.jsonl" >&2
  (cd "$corpus" && split -d -a 5 -l 10000 --additional-suffix=.jsonl "$work/docs-$docs.jsonl" part-)
  rm "$work/docs-$docs.jsonl"
  touch "$corpus/.complete"
fi
echo "== $docs documents, $(du -sh "$corpus" | cut -f1) of JSONL in $(ls "$corpus" | wc -l) files, $shards shards, $(nproc) cores"

# timed LABEL CMD...: appends "LABEL seconds peak_kB" to $work/times.
timed() {
  local label=$1
  shift
  /usr/bin/time -f "$label %e %M" -a -o "$work/times" "$@"
}
: >"$work/times"
timed single "$winnow" dedup -q "$corpus" >"$work/single.records"

dir=$work/stages-$docs
rm -rf "$dir"
for ((s = 0; s < shards; s++)); do timed shingle "$winnow" dedup shingle -q --dir "$dir" --shard $s/$shards "$corpus"; done
timed templates "$winnow" dedup templates --dir "$dir"
for ((s = 0; s < shards; s++)); do timed signature "$winnow" dedup signature --dir "$dir" --shard $s/$shards; done
bands=$(ls -d "$dir"/signature/band-* | wc -l)
for ((b = 0; b < bands; b++)); do timed buckets "$winnow" dedup buckets --dir "$dir" --band $b; done
timed cluster "$winnow" dedup cluster --dir "$dir"
for ((s = 0; s < shards; s++)); do timed filter "$winnow" dedup filter --dir "$dir" --shard $s/$shards; done
cat "$dir"/filter-records/*.out >"$work/staged.records"
if cmp -s "$work/single.records" "$work/staged.records"; then same="byte-identical"; else same="DIFFERENT"; fi

python3 - "$work/times" "$same" "$(du -sk "$dir" | cut -f1)" <<'PY'
import sys, collections
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    label, sec, kb = line.split()
    r = rows.setdefault(label, [0, 0.0, 0.0, 0])
    r[0] += 1; r[1] += float(sec); r[2] = max(r[2], float(sec)); r[3] = max(r[3], int(kb))
print(f"{'stage':<10} {'tasks':>5} {'sum s':>8} {'max task s':>10} {'peak MB':>8}")
staged = 0.0
for label, (n, total, worst, kb) in rows.items():
    print(f"{label:<10} {n:>5} {total:>8.1f} {worst:>10.2f} {kb/1024:>8.0f}")
    if label != "single": staged += total
single = rows["single"][1]
peak = max(r[3] for l, r in rows.items() if l != "single")
print(f"staged total {staged:.1f} s against single {single:.1f} s: ratio {staged/single:.2f}; "
      f"largest task peak {peak/1024:.0f} MB against {rows['single'][3]/1024:.0f} MB; "
      f"stage directory {int(sys.argv[3])/1024:.0f} MB; results {sys.argv[2]}")
PY
