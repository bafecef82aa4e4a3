#!/usr/bin/env bash
# bench/io/run.sh [DATA_DIR]: does winnow use both cores, and does its memory
# stay flat as the corpus grows?
#
# DATA_DIR (default ../shared/bench/extraction, next to the repository) holds
# real pages (*.html and *.txt). Nothing from it is copied into the
# repository: the corpora are generated in a temporary directory and removed
# at the end.
#
#   speed-up   `winnow extract` at -j 1 and -j 2 over the same corpora: a
#              directory of files (the *.txt pages, copied COPIES times) and a
#              .warc.gz (every page as a gzip-per-record response, repeated);
#              best of RUNS wall times each.
#   memory     peak RSS (GNU time's %M) for the .warc.gz corpus at 1x and 10x
#              the records; flat means the reader streams and the pipeline's
#              window bounds what is in flight.
#
# Environment: WINNOW (binary, default build/winnow), COPIES (default 60),
# WARC_REPEAT (1x corpus repeats of every page, default 3), RUNS (default 5).
# Figures from a loaded machine are pessimistic: run it alone if you can. The
# script also times -j 1 pinned to each core, since unequal virtual cores
# bound the speed-up below 2 whatever the program does (see below). The
# script prints what two busy processes get from the machine, and, from
# --stats, the share of the CPU time spent in the serial reader, which bounds
# the speed-up whatever the load. (Inflating a .warc.gz is serial: while the
# HTML stage is a stub, extraction of the HTML records costs less than
# inflating them, so the .warc.gz bound stays under 2.)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/bench/extraction}
winnow=${WINNOW:-$root/build/winnow}
copies=${COPIES:-60}
repeat=${WARC_REPEAT:-3}
runs=${RUNS:-5}
[[ -x $winnow ]] || { echo "no winnow binary at $winnow (build first, or set WINNOW)" >&2; exit 2; }
[[ -d $data ]] || { echo "no data directory $data" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A directory of files: COPIES copies of every text page, in subdirectories.
for ((c = 0; c < copies; c++)); do
  mkdir -p "$work/dir/c$c"
  cp "$data"/*.txt "$work/dir/c$c/"
done

# A .warc.gz of every page as an HTTP response, one gzip member per record,
# as crawlers write them. Each member is compressed once and written
# REPEAT times (1x) or 10 x REPEAT times (10x).
python3 - "$data" "$work" "$repeat" <<'PY'
import gzip, os, sys, uuid
data, work, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
members = []
for name in sorted(os.listdir(data)):
    if not name.endswith((".html", ".txt")):
        continue
    body = open(os.path.join(data, name), "rb").read()
    ctype = b"text/html; charset=utf-8" if name.endswith(".html") else b"text/plain; charset=utf-8"
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + str(uuid.uuid4()).encode()
            + b">\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: http://bench.invalid/" + name.encode()
            + b"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(len(http)).encode() + b"\r\n\r\n")
    members.append(gzip.compress(head + http + b"\r\n\r\n", 6))
for label, times in (("1x", repeat), ("10x", 10 * repeat)):
    with open(os.path.join(work, label + ".warc.gz"), "wb") as out:
        for _ in range(times):
            for m in members:
                out.write(m)
PY

# best_of CMD...: prints "SECONDS PEAK_KB" of the fastest of RUNS runs.
best_of() {
  local best="" line
  for ((r = 0; r < runs; r++)); do
    # winnow exits 1 when it skips records (pages with no article): not a failure here.
    line=$( (/usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null || true) | tail -n 1)
    if [[ -z $best ]] || awk -v a="${line% *}" -v b="${best% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
  done
  echo "$best"
}

files=$(find "$work/dir" -type f | wc -l)
mb_dir=$(du -sm "$work/dir" | cut -f1)
mb_1x=$(du -m "$work/1x.warc.gz" | cut -f1)
mb_10x=$(du -m "$work/10x.warc.gz" | cut -f1)
records_1x=$( ("$winnow" extract -q --stats --fields id "$work/1x.warc.gz" 2>&1 >/dev/null || true) |
  sed -E 's/.*"records_read":([0-9]+).*/\1/')
# What two busy processes get from this machine right now: on a shared
# machine the -j 2 figures cannot beat it.
free_cpus() {
  /usr/bin/time -f '%P' sh -c 'timeout 1 yes >/dev/null & timeout 1 yes >/dev/null & wait' 2>&1 | tail -n 1 |
    awk '{ printf "%.2f", $1 / 100 }'
}
echo "winnow: $winnow"
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg); two busy processes get $(free_cpus) CPUs"
echo "corpora: dir $files files ($mb_dir MB); 1x.warc.gz $records_1x records ($mb_1x MB gz); 10x.warc.gz ($mb_10x MB gz)"
echo

# -j 1 and -j 2 runs alternate, so a change in the machine's load during the
# bench hits both; the best of RUNS each is kept.
for corpus in "$work/dir" "$work/1x.warc.gz"; do
  one="" two=""
  for ((r = 0; r < runs; r++)); do
    one=$(runs=1 best_of "$winnow" extract -q -j 1 "$corpus" | awk -v b="$one" '{ print (b == "" || $1 < b) ? $1 : b }')
    two=$(runs=1 best_of "$winnow" extract -q -j 2 "$corpus" | awk -v b="$two" '{ print (b == "" || $1 < b) ? $1 : b }')
  done
  speedup=$(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  echo "speed-up $(basename "$corpus"): -j 1 $one s, -j 2 $two s: ${speedup}x (target >= 1.8x)"
  # What these two cores can give at best: the same -j 1 run pinned to each
  # core in turn. On a virtual machine the cores need not be equal (on the
  # machine this was written on, CPU 0 also served the host's interrupts and
  # ran a third slower); two threads then finish at best in
  # 1 / (1/t0 + 1/t1), and the speed-up over the faster core is bounded by
  # that, whatever the program does.
  if command -v taskset >/dev/null; then
    per_core=() ceiling_rate=0
    for ((c = 0; c < 2 && c < $(nproc); c++)); do
      t=$(runs=$runs best_of taskset -c "$c" "$winnow" extract -q -j 1 "$corpus")
      per_core+=("cpu$c ${t% *} s")
      ceiling_rate=$(awk -v r="$ceiling_rate" -v t="${t% *}" 'BEGIN { printf "%.6f", r + 1 / t }')
    done
    awk -v one="$one" -v two="$two" -v rate="$ceiling_rate" -v cores="${per_core[*]}" 'BEGIN {
      best = 1 / rate; bound = one / best
      printf "  -j 1 pinned per core: %s; two such cores give at most %.2fx over the -j 1 time,\n", cores, bound
      printf "  -j 2 reaches %.0f%% of that bound\n", 100 * best / two }'
  fi
  # The load-independent view: how much of the CPU time is the serial
  # reading, and how many CPUs the -j 2 run actually got.
  stats=$( ("$winnow" extract -q -j 2 --stats "$corpus" 2>&1 >/dev/null || true) | tail -n 1)
  field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/" <<<"$stats"; }
  awk -v cpu="$(field cpu_seconds)" -v rd="$(field read_cpu_seconds)" -v wall="$(field seconds)" 'BEGIN {
    bound = rd > 0 ? cpu / rd : 0
    printf "  -j 2: %.2f CPU s in %.2f s wall (%.2f CPUs used); serial reading %.2f CPU s = %.0f%% of the work,\n",
           cpu, wall, (wall > 0 ? cpu / wall : 0), rd, (cpu > 0 ? 100 * rd / cpu : 0)
    printf "  so 2 threads can give at most %.2fx on 2 free cores\n", (bound < 2 ? bound : 2) }'
done
echo

m1=$(best_of "$winnow" extract -q -j 2 "$work/1x.warc.gz")
m10=$(best_of "$winnow" extract -q -j 2 "$work/10x.warc.gz")
echo "peak memory 1x.warc.gz: ${m1#* } KB (${m1% *} s)"
echo "peak memory 10x.warc.gz: ${m10#* } KB (${m10% *} s)"
awk -v a="${m1#* }" -v b="${m10#* }" 'BEGIN { printf "peak memory ratio 10x/1x: %.2f (flat if close to 1)\n", b / a }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); two busy processes get $(free_cpus) CPUs"
