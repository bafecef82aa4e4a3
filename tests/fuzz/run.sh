#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60), seeded from
# fixtures/ and the big seeds make_big_seeds.py builds from them (120-230
# KB, so even a short run tries big inputs), with the dictionaries in
# tests/fuzz/dict/, and prints how many executions each survived. CI's smoke
# run; tests/fuzz/campaign.sh MINUTES is the long one.
#
#   cmake --preset fuzz && cmake --build --preset fuzz
#   tests/fuzz/run.sh 600            # ten minutes per target
#   tests/fuzz/run.sh 20 fuzz_warc   # one target
#
# A crash leaves its input in build-fuzz/crashes/<target>/; copy it to
# tests/fuzz/regressions/<target>/ so the regression test replays it forever.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
bin=build-fuzz/tests/fuzz
targets=("$@")
if ((${#targets[@]} == 0)); then
  for t in "$bin"/fuzz_*; do targets+=("$(basename "$t")"); done
fi
big=$(mktemp -d "${TMPDIR:-/tmp}/winnow-fuzz-seeds.XXXXXX")
trap 'rm -rf "$big"' EXIT
tests/fuzz/make_big_seeds.py "$big" "${targets[@]}"
cat tests/fuzz/dict/html.dict tests/fuzz/dict/json.dict >"$big/html+json.dict"
status=0
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target crashes=build-fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  # Seed corpora: the fixtures themselves, plus per-target seeds (WARC, JSONL).
  seeds=(fixtures/seeds fixtures/html "$big/$target")
  # HTML carries JSON-LD, JSONL and WARC carry HTML: those targets get both dictionaries.
  dict=$big/html+json.dict
  case $target in fuzz_metadata | fuzz_text_dump | fuzz_decode) dict=tests/fuzz/dict/html.dict ;; esac
  [[ $target == fuzz_metadata ]] && seeds+=(fixtures/gold)
  [[ -d tests/fuzz/seeds/$target ]] && seeds+=("tests/fuzz/seeds/$target")
  [[ -d tests/fuzz/regressions/$target ]] && seeds+=("tests/fuzz/regressions/$target")
  log=build-fuzz/$target.log
  if "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 -dict="$dict" \
      -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "$target: survived $runs executions in ${seconds}s"
  else
    echo "$target: FAILED, see $log and $crashes/"
    tail -n 30 "$log"
    status=1
  fi
done
exit $status
