#!/usr/bin/env bash
# bench/identity/instructions.sh OLD_BUILD_DIR NEW_BUILD_DIR [DATA_DIR]
#
# Load-independent companion of speed.sh for a shared machine: the
# instructions executed (valgrind --tool=callgrind, "Collected") by the
# programs of bench/extraction/run.sh and bench/dedup/run.sh and by the CLI,
# for two builds; wall and CPU time on a busy VM vary by 20-40% between runs,
# instruction counts by well under 1%. Prints the counts and NEW/OLD.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
old=${1:?usage: instructions.sh OLD_BUILD_DIR NEW_BUILD_DIR [DATA_DIR]}
new=${2:?usage: instructions.sh OLD_BUILD_DIR NEW_BUILD_DIR [DATA_DIR]}
data=${3:-$root/../shared/bench/extraction}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$new/bench/dedup_gen" "$data" "$root/fixtures/seeds" 3000 "$work/docs.jsonl" "$work/truth.jsonl" 2>/dev/null

count() {  # count COMMAND...: instructions executed
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'
}
printf '%-34s %16s %16s %9s\n' program old new new/old
row() {
  local name=$1; shift
  local a b
  a=$(count "${@//@BUILD@/$old}")
  b=$(count "${@//@BUILD@/$new}")
  printf '%-34s %16s %16s %9s\n' "$name" "$a" "$b" "$(python3 -c "print(f'{$b / $a:.4f}')")"
}
row "extract_bench (extraction/run.sh)" @BUILD@/bench/extract_bench "$data" --dump "$work/dump"
row "winnow extract -j 1 DATA" @BUILD@/winnow extract -j 1 -q "$data"
row "dedup_bench 3k (dedup/run.sh)" @BUILD@/bench/dedup_bench "$work/docs.jsonl" "$work/truth.jsonl" 2 3000
row "winnow dedup -j 2 3k corpus" @BUILD@/winnow dedup -j 2 -q "$work/docs.jsonl"
row "winnow dedup --emit unique -f json" @BUILD@/winnow dedup -j 2 -q --emit unique -f json "$work/docs.jsonl"
