#!/usr/bin/env bash
# Kill any stage task mid-way (SIGKILL: no handler runs, temporary files stay
# behind), run it again: the run finishes with the same result as
# `winnow dedup`. Each stage's task is killed after 0.01-0.2 s, before its
# done-marker was written (checked: the kill must have landed mid-way at
# least for the shingle stage, which takes longest), then the run is resumed.
source "$(dirname "$0")/lib.sh"
GEN=${WINNOW_DEDUP_GEN:-$(dirname "$WINNOW")/bench/dedup_gen}
if [[ ! -x $GEN ]]; then echo "skip: no corpus generator ($GEN)"; exit 77; fi
"$GEN" fixtures/seeds fixtures/seeds 3000 "$WORK/docs.jsonl" "$WORK/truth.jsonl" >/dev/null 2>&1
mkdir "$WORK/corpus"
(cd "$WORK/corpus" && split -d -l 200 --additional-suffix=.jsonl ../docs.jsonl part-)
C=$WORK/corpus
"$WINNOW" dedup -q --basic-originals "$C" >"$WORK/local.records"
S=$WORK/stages
midway=0 shingle_midway=0

# kill_midway STAGE MARKER-UNIT DELAY ARGS...: start the stage, SIGKILL it after DELAY.
kill_midway() {
  local stage=$1 unit=$2 delay=$3
  shift 3
  "$WINNOW" dedup "$stage" --dir "$S" "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$delay"
  kill -9 $pid 2>/dev/null
  { wait $pid; } 2>/dev/null
  local status=$?
  if ((status == 137)) && [[ ! -e $(printf '%s/%s/%05d.done' "$S" "$stage" "$unit") ]]; then
    midway=$((midway + 1))
    [[ $stage == shingle ]] && shingle_midway=$((shingle_midway + 1))
  fi
  "$WINNOW" dedup "$stage" --dir "$S" "$@" >/dev/null 2>&1 || { echo "FAIL: $stage $* after the kill"; failures=$((failures + 1)); }
}
for i in 0 1 2 3; do kill_midway shingle $i "$(printf '0.%02d' $((i * 5 + 5)))" --shard $i/4 -q "$C"; done
kill_midway templates 0 0.05
for i in 0 1 2 3; do kill_midway signature $i 0.0$((i * 2 + 1)) --shard $i/4; done
for b in 0 17 41; do kill_midway buckets $b 0.02 --band $b; done
for ((b = 0; b < 42; b++)); do "$WINNOW" dedup buckets --dir "$S" --band $b; done
kill_midway cluster 0 0.1
for i in 0 3; do kill_midway filter $i 0.02 --shard $i/4; done
echo "killed mid-way: $midway tasks ($shingle_midway shingle)"
check "a shingle task was killed before its done-marker" test $shingle_midway -ge 1
check "several tasks were killed before their done-marker" test $midway -ge 3
"$WINNOW" dedup -q --stages "$S" --shards 4 "$C" >"$WORK/staged.records"
check "the resumed run equals winnow dedup" cmp "$WORK/local.records" "$WORK/staged.records"
finish
