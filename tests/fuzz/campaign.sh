#!/usr/bin/env bash
# A long fuzzing campaign: every libFuzzer target for MINUTES each, one
# after the other on one core, with the dictionaries and big seeds.
#
#   cmake --preset fuzz && cmake --build --preset fuzz
#   tests/fuzz/campaign.sh 10                    # 10 minutes per target, corpus in a temp dir
#   tests/fuzz/campaign.sh 10 ~/winnow-corpus    # keep (and grow) the corpus there
#   TARGETS="fuzz_html fuzz_jsonl" tests/fuzz/campaign.sh 1
#
# Why beside run.sh. run.sh is CI's smoke run (seconds per target). The
# hostile-input audit of issue 14 found stack overflows at 100k nested
# brackets, quadratic speaker resolution at thousands of names, unbounded
# WARC headers: none of it found by fuzzing, because libFuzzer's input length
# stayed at the largest seed (10-14 KB) and -len_control grew it too slowly.
# Here every target starts from big seeds (100-250 KB, made at run time
# from fixtures/ by make_big_seeds.py), mutates up to 256 KiB at once
# (-len_control=0), and uses tests/fuzz/dict/{html,json}.dict. One process
# a target, so the corpus is not re-read from disk (-reload=0).
#
# A crash does not end the target's turn: its input is saved in
# OUT/crashes/<target>/ and the target is restarted for the time left, so one
# finding does not hide the next. Each target prints one table row:
# executions, exec/s, coverage (cov and ft of libFuzzer's last status line),
# the largest input in the corpus it grew, and the crashes found. The full
# libFuzzer log of each target is in OUT/logs/<target>.log. OUT is
# CORPUS_DIR when given; without it the corpus lives in a temp dir, removed
# at the end, and logs and findings go to build-fuzz/campaign/.
#
# Cost: MINUTES x 7 on one core; memory up to -rss_limit_mb (2 GB) per run.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:?usage: tests/fuzz/campaign.sh MINUTES [CORPUS_DIR]}
out=${2:-}
bin=build-fuzz/tests/fuzz
[[ -x $bin/fuzz_html ]] || { echo "campaign.sh: no fuzz build in build-fuzz/ (cmake --preset fuzz && cmake --build --preset fuzz)" >&2; exit 2; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/winnow-campaign.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
if [[ -n $out ]]; then corpora=$out/corpus
else out=build-fuzz/campaign corpora=$scratch/corpus; fi
mkdir -p "$corpora" "$out/crashes" "$out/logs"
targets=(${TARGETS:-})
if ((${#targets[@]} == 0)); then
  for t in "$bin"/fuzz_*; do targets+=("$(basename "$t")"); done
fi

tests/fuzz/make_big_seeds.py "$scratch/big" "${targets[@]}"
# HTML carries JSON-LD, JSONL and WARC carry HTML: those targets get both.
cat tests/fuzz/dict/html.dict tests/fuzz/dict/json.dict >"$scratch/html+json.dict"
dict_for() {
  case $1 in
    fuzz_metadata | fuzz_text_dump | fuzz_decode) echo tests/fuzz/dict/html.dict ;;
    *) echo "$scratch/html+json.dict" ;;
  esac
}

# No allocation stacks recorded: ASan's unwinding at every malloc was a sixth
# of fuzz_html's time. A finding is replayed with full stacks by running the
# target on its file (the regression test does, under the default options).
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0}
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')  # MINUTES may be a fraction
printf '%-15s %12s %8s %7s %7s %9s %8s\n' target executions exec/s cov ft max_len crashes
for target in "${targets[@]}"; do
  corpus=$corpora/$target crashes=$out/crashes/$target log=$out/logs/$target.log
  mkdir -p "$corpus" "$crashes"
  : >"$log"
  seeds=(fixtures/seeds fixtures/html "$scratch/big/$target")
  [[ $target == fuzz_metadata ]] && seeds+=(fixtures/gold)
  [[ -d tests/fuzz/seeds/$target ]] && seeds+=("tests/fuzz/seeds/$target")
  [[ -d tests/fuzz/regressions/$target ]] && seeds+=("tests/fuzz/regressions/$target")
  runs=0 cov=0 ft=0 start=$SECONDS restarts=0
  touch "$scratch/started"  # findings of earlier campaigns in the same OUT are not counted
  # Restart after a finding for the time left (at most 50 findings a target).
  while left=$((seconds - (SECONDS - start))); ((left > 5 && restarts < 50)); do
    one=$scratch/one.log
    set +e
    "$bin/$target" -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 -max_len=262144 -len_control=0 -reload=0 \
      -dict="$(dict_for "$target")" -artifact_prefix="$crashes/" -print_final_stats=1 \
      "$corpus" "${seeds[@]}" >"$one" 2>&1
    set -e
    cat "$one" >>"$log"
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$one" | tail -n 1)
    # A crash prints no final stats: count the executions of its last status line.
    [[ -n $n ]] || n=$(grep -o '^#[0-9]*' "$one" | tail -n 1 | tr -d '#')
    runs=$((runs + ${n:-0}))
    last=$(grep -E '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$one" | tail -n 1 || true)
    if [[ -n $last ]]; then
      cov=$(sed -E 's/.*cov: ([0-9]+).*/\1/' <<<"$last")
      ft=$(sed -E 's/.*ft: ([0-9]+).*/\1/' <<<"$last")
    fi
    grep -q '^stat::number_of_executed_units' "$one" && break  # ran its time out: no finding
    restarts=$((restarts + 1))
  done
  elapsed=$((SECONDS - start))
  rate=$((runs / (elapsed > 0 ? elapsed : 1)))
  # The largest input libFuzzer kept in the corpus it grew (the big seeds are 120-230 KB).
  max_len=$(find "$corpus" -type f -printf '%s\n' | sort -n | tail -n 1)
  found=$(find "$crashes" -type f -newer "$scratch/started" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  printf '%-15s %12s %8s %7s %7s %9s %8s\n' "$target" "$runs" "$rate" "$cov" "$ft" "$max_len" "$found"
  total_found=$((${total_found:-0} + found))
done
echo "logs: $out/logs, corpus: $corpora$([[ $corpora == "$scratch"* ]] && echo ' (removed: pass CORPUS_DIR to keep it)'), findings: $out/crashes"
((${total_found:-0} == 0))
