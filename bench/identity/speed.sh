#!/usr/bin/env bash
# bench/identity/speed.sh OLD_BUILD_DIR NEW_BUILD_DIR [DATA_DIR] [ROUNDS]
#
# Same-run speed of two builds (e.g. main's build/ and a branch's build/,
# same preset): the programs of bench/extraction/run.sh (extract_bench, and
# `winnow extract -j 1` on the same pages) and of bench/dedup/run.sh
# (dedup_bench on a 10k dedup_gen corpus, 2 threads) plus `winnow dedup -j 2`
# on it, run alternately OLD, NEW, OLD, NEW... ROUNDS times (default 5), so
# load from other work on the machine falls on both alike. Prints each
# run's CPU and wall seconds, the medians and the ratio NEW/OLD (below 1:
# the new build is faster). Timing only: no assertion.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
old=${1:?usage: speed.sh OLD_BUILD_DIR NEW_BUILD_DIR [DATA_DIR] [ROUNDS]}
new=${2:?usage: speed.sh OLD_BUILD_DIR NEW_BUILD_DIR [DATA_DIR] [ROUNDS]}
data=${3:-$root/../shared/bench/extraction}
rounds=${4:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

"$new/bench/dedup_gen" "$data" "$root/fixtures/seeds" 10000 "$work/docs.jsonl" "$work/truth.jsonl" 2>/dev/null

# measure NAME SIDE COMMAND...: user+sys CPU seconds and wall seconds, appended to $work/NAME.SIDE
measure() {
  local name=$1 side=$2; shift 2
  /usr/bin/time -f "%U %S %e" -o "$work/t" "$@" >/dev/null 2>&1 || true
  read -r user sys wall <"$work/t"
  echo "$(python3 -c "print(round($user + $sys, 3))") $wall" >>"$work/$name.$side"
}
for ((r = 1; r <= rounds; ++r)); do
  for side in old new; do
    build=$old; [[ $side == new ]] && build=$new
    measure extract_bench $side "${pin[@]}" "$build/bench/extract_bench" "$data" --dump "$work/dump-$side"
    measure "extract-j1" $side "${pin[@]}" "$build/winnow" extract -j 1 -q "$data"
    measure dedup_bench $side "$build/bench/dedup_bench" "$work/docs.jsonl" "$work/truth.jsonl" 2 20000
    measure "dedup-j2" $side "$build/winnow" dedup -j 2 -q "$work/docs.jsonl"
  done
done
/usr/bin/python3 - "$work" <<'PY'
import statistics, sys, os
work = sys.argv[1]
print(f"{'program':<14} {'old cpu s (median)':>19} {'new cpu s (median)':>19} {'cpu new/old':>12} {'wall new/old':>13}")
for name in ["extract_bench", "extract-j1", "dedup_bench", "dedup-j2"]:
    rows = {s: [tuple(map(float, l.split())) for l in open(os.path.join(work, f"{name}.{s}"))] for s in ("old", "new")}
    med = {s: (statistics.median(r[0] for r in rows[s]), statistics.median(r[1] for r in rows[s])) for s in rows}
    print(f"{name:<14} {med['old'][0]:>19.3f} {med['new'][0]:>19.3f} {med['new'][0] / med['old'][0]:>12.3f} "
          f"{med['new'][1] / med['old'][1]:>13.3f}")
    for s in ("old", "new"):
        print(f"    {s} cpu: " + " ".join(f"{c:.2f}" for c, _ in rows[s]) + "   wall: " + " ".join(f"{w:.2f}" for _, w in rows[s]))
PY
