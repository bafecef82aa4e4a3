#!/usr/bin/env bash
# The nightly index at scale: an index built night by night, then one night
# of new documents against it.
#
#   bench/index/run.sh [DATA_DIR] [WORK_DIR] [INDEXED] [NIGHT] [PER_NIGHT]
#
# DATA_DIR: real article texts (*.txt) for bench/dedup/gen.cpp, default
# ../shared/bench/extraction. WORK_DIR (default /tmp/winnow-index-bench)
# receives the generated corpus and the index, never inside the repository.
# INDEXED documents (default 100000; the target is 1000000) are indexed in
# nights of PER_NIGHT (default 10000), then a night of NIGHT (default 10000)
# new documents, copies of indexed ones among them, is run against the
# index with --stats under /usr/bin/time. Prints, for the last night: wall
# time, peak RSS, index bytes per document, band lookups per second, and
# the statuses; and the wall time and peak RSS of every night, so that any
# growth with the index shows. WINNOW (default build/winnow) and DEDUP_GEN
# (default build/bench/dedup_gen) name the programs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/bench/extraction}
work=${2:-/tmp/winnow-index-bench}
indexed=${3:-100000}
night=${4:-10000}
per_night=${5:-10000}
winnow=${WINNOW:-$root/build/winnow}
gen=${DEDUP_GEN:-$root/build/bench/dedup_gen}
mkdir -p "$work"
total=$((indexed + night))
corpus=$work/docs-$total.jsonl
if [[ ! -s $corpus ]]; then
  "$gen" "$data" "$root/fixtures/seeds" "$total" "$corpus" "$work/truth-$total.jsonl"
fi
# The generator shuffles, so copies of a document fall on any night; the
# last NIGHT lines are the measured night.
rm -rf "$work/nights" && mkdir "$work/nights"
/usr/bin/python3 - "$corpus" "$work/nights" "$indexed" "$per_night" <<'PY'
import sys
corpus, out, indexed, per = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
f = None
with open(corpus, 'rb') as src:
    for i, line in enumerate(src):
        n = i // per + 1 if i < indexed else 'last'
        name = f'{out}/night-{n:05d}.jsonl' if n != 'last' else f'{out}/night-last.jsonl'
        if f is None or f.name != name:
            if f: f.close()
            f = open(name, 'ab')
        f.write(line)
if f: f.close()
PY
db=$work/index.db
rm -f "$db" "$db-wal" "$db-shm"
day=0
for file in "$work"/nights/night-0*.jsonl "$work/nights/night-last.jsonl"; do
  day=$((day + 1))
  date=$(date -u -d "2026-01-01 + $day days" +%F)
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$winnow" dedup -q -j 2 --stats --index "$db" --night "$date" \
    --emit unique "$file" >"$work/kept.txt" 2>"$work/stats.txt"
  read -r wall rss user sys <"$work/time.txt"
  docs=$(wc -l <"$file")
  printf 'night %3d: %6d documents, %6.2f s wall, %6.2f s CPU, peak RSS %4d MB\n' "$day" "$docs" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" $((rss / 1024))
done
"$winnow" index stats "$db" >"$work/index-stats.json"
/usr/bin/python3 - "$work/stats.txt" "$work/index-stats.json" "$wall" "$rss" "$work/kept.txt" "$user" "$sys" <<'PY'
import json, re, sys
stats = json.loads(re.search(r'winnow: index: (\{.*\})', open(sys.argv[1]).read()).group(1))
index = json.load(open(sys.argv[2]))
wall, rss = float(sys.argv[3]), int(sys.argv[4])
kept = sum(1 for _ in open(sys.argv[5]))
size = index['bytes'] - index['free_bytes']
print(f"last night: {stats['documents']} documents against {index['documents'] - stats['new'] - stats['copies']} indexed")
print(f"  wall {wall:.2f} s (lookup {stats['seconds_lookup']:.2f} s, engine {stats['seconds_engine']:.2f} s, "
      f"write {stats['seconds_write']:.2f} s; the rest is extraction, shingling and the commit)")
print(f"  CPU {float(sys.argv[6]) + float(sys.argv[7]):.2f} s (user {sys.argv[6]}, system {sys.argv[7]}; load average "
      f"{open('/proc/loadavg').read().split()[0]} on {__import__('os').cpu_count()} cores)")
print(f"  peak RSS {rss / 1024:.0f} MB")
print(f"  index {size / 1e6:.1f} MB for {index['documents']} documents: {size / index['documents']:.0f} bytes/document")
print(f"  band lookups {stats['band_lookups']} in {stats['seconds_lookup']:.2f} s (with exact verification of "
      f"{stats['indexed_candidates']} indexed candidates): {stats['band_lookups'] / max(stats['seconds_lookup'], 1e-9):,.0f} lookups/s")
print(f"  statuses: new {stats['new']}, copy {stats['copies']}, repeat {stats['repeats']}, changed {stats['changed']}, "
      f"better originals {stats['better_originals']}; kept {kept}")
PY
