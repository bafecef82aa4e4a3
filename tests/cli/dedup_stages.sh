#!/usr/bin/env bash
# The staged dedup gives the local run's answer, byte for byte: a generated
# corpus of 3,000 documents (bench/dedup/gen.cpp: planted reposts, truncated
# copies, site chrome, hard negatives) cut into 15 JSONL files, run as 8
# shards, both by `winnow dedup --stages DIR` and stage by stage (in an
# order a job scheduler could pick); every --emit form compared with
# `winnow dedup`. Also: a stage run with other parameters is refused with a
# line naming the parameter, as is a corpus changed between two shingle
# tasks; a stage whose inputs are not done says which
# stage to run; finished work is skipped and removed work redone.
source "$(dirname "$0")/lib.sh"
GEN=${WINNOW_DEDUP_GEN:-$(dirname "$WINNOW")/bench/dedup_gen}
if [[ ! -x $GEN ]]; then echo "skip: no corpus generator ($GEN)"; exit 77; fi
"$GEN" fixtures/seeds fixtures/seeds 3000 "$WORK/docs.jsonl" "$WORK/truth.jsonl" >/dev/null
mkdir "$WORK/corpus"
(cd "$WORK/corpus" && split -d -l 200 --additional-suffix=.jsonl ../docs.jsonl part-)
C=$WORK/corpus

for emit in records unique pairs groups; do
  "$WINNOW" dedup -q --basic-originals --emit $emit "$C" >"$WORK/local.$emit"
  "$WINNOW" dedup -q --emit $emit --stages "$WORK/all" --shards 8 "$C" >"$WORK/staged.$emit"
  check "--stages --emit $emit equals winnow dedup" cmp "$WORK/local.$emit" "$WORK/staged.$emit"
done
check "the corpus has groups" test "$(grep -c '"group":"g' "$WORK/local.records")" -gt 500
check "every record has a verdict" test "$(wc -l <"$WORK/local.records")" -gt 2900

# Stage by stage, shards in reverse order and bands from the environment.
S=$WORK/steps
ok=1
for i in 7 6 5 4 3 2 1 0; do "$WINNOW" dedup shingle -q --dir "$S" --shard $i/8 "$C" || ok=0; done
run dedup signature --dir "$S" --shard 0/8
check "signature before templates: exit 3" test $rc -eq 3
check "... naming the stage to run" grep -q "winnow dedup templates" "$WORK/err"
"$WINNOW" dedup templates --dir "$S" || ok=0
for i in 3 1 0 2 4 6 5 7; do SLURM_ARRAY_TASK_ID=$i "$WINNOW" dedup signature --dir "$S" --shard 8 || ok=0; done
bands=$(ls -d "$S"/signature/band-* | wc -l)
check "42 bands for the defaults" test "$bands" -eq 42
for ((b = bands - 1; b >= 0; b--)); do SLURM_ARRAY_TASK_ID=$b "$WINNOW" dedup buckets --dir "$S" || ok=0; done
"$WINNOW" dedup cluster --dir "$S" --batch-shingles 5000 || ok=0  # a few components at a time
for i in 0 1 2 3 4 5 6 7; do "$WINNOW" dedup filter --dir "$S" --shard $i/8 || ok=0; done
check "every stage exited 0" test $ok -eq 1
cat "$S"/filter-records/*.out >"$WORK/steps.records"
check "stage by stage equals winnow dedup" cmp "$WORK/local.records" "$WORK/steps.records"

run dedup cluster --dir "$S" --jaccard 0.7
check "other parameters: exit 3" test $rc -eq 3
check "... naming the parameter" grep -q "jaccard=0.7.*jaccard=0.8" "$WORK/err"
run dedup filter --dir "$S" --shard 0/9
check "another shard count: exit 3" test $rc -eq 3
run dedup filter --dir "$S" --shard 8/8
check "a shard index out of range: exit 3" test $rc -eq 3
run dedup shingle --dir "$WORK/stdin" --shard 0/2 -
check "standard input cannot be sharded: exit 3" test $rc -eq 3

# A corpus that changes between two shingle tasks is refused.
mkdir "$WORK/growing"
cp "$C"/part-0[0-3].jsonl "$WORK/growing/"
"$WINNOW" dedup shingle -q --dir "$WORK/grown" --shard 0/2 "$WORK/growing"
cp "$C"/part-04.jsonl "$WORK/growing/"
run dedup shingle -q --dir "$WORK/grown" --shard 1/2 "$WORK/growing"
check "files added mid-run: exit 3" test $rc -eq 3
check "... naming the file listing" grep -q "this run has files=5 files" "$WORK/err"

# Finished work is skipped (the marker is what counts); removed work is redone.
before=$(stat -c %Y.%s "$S"/cluster/00000.verdicts)
"$WINNOW" dedup cluster --dir "$S"
check "a finished cluster stage is skipped" test "$before" = "$(stat -c %Y.%s "$S"/cluster/00000.verdicts)"
rm "$S"/cluster/00000.done "$S"/filter-records/00003.done "$S"/buckets/00011.done "$S"/signature/00005.done
rm -r "$S"/cluster/00000.verdicts "$S"/filter-records/00003.out
"$WINNOW" dedup -q --stages "$S" --shards 8 "$C" >"$WORK/resumed.records"
check "a resumed run equals winnow dedup" cmp "$WORK/local.records" "$WORK/resumed.records"
finish
