#!/usr/bin/env bash
# Overlapping cron runs on one index: the second waits --wait seconds for
# the first, then gives up with exit 4 and one line (index unchanged by it),
# or, given time, runs after it; readers (index stats/show/export) answer
# while a run writes, with the last committed night; the index stays sound.
source "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
/usr/bin/python3 "$root/tests/index/make_nights.py" "$root/fixtures/gold" "$WORK/n" 4 40 3
db=$WORK/i.db
"$WINNOW" dedup -q --index "$db" --night 2026-11-01 "$WORK/n/night-01.jsonl" >/dev/null
before=$("$WINNOW" index stats "$db" | grep -o '"documents":[0-9]*')
first_id=$(head -1 "$WORK/n/night-01.jsonl" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# Run A holds the write lock while it waits for its input (a slow crawl on stdin).
(sleep 3; cat "$WORK/n/night-02.jsonl") | "$WINNOW" dedup -q --index "$db" --night 2026-11-02 - >"$WORK/a.jsonl" 2>"$WORK/a.err" &
a=$!
sleep 0.7
start=$(date +%s%N)
run dedup -q --index "$db" --wait 1 --night 2026-11-03 "$WORK/n/night-03.jsonl"
waited_ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "a second run gives up after --wait: exit 4" test "$rc" = 4
check "... with one line naming the index and the wait" test "$(wc -l <"$WORK/err")" = 1 -a "$(grep -c 'another run holds it (waited 1 s, --wait)' "$WORK/err")" = 1
check "... having waited about a second ($waited_ms ms)" test "$waited_ms" -ge 900
check "... writing no records" test ! -s "$WORK/out"
run index stats "$db"
check "stats while a run holds the index: exit 0, the last committed night" test "$rc" = 0 -a "$(grep -o '"documents":[0-9]*' "$WORK/out")" = "$before"
run index show "$db" "$first_id"
check "show while a run holds the index" test "$rc" = 0 -a "$(grep -c '"first_seen":"2026-11-01"' "$WORK/out")" = 1
# Run C, started while A holds the index, waits for it and then runs.
"$WINNOW" dedup -q --index "$db" --wait 60 --night 2026-11-03 "$WORK/n/night-03.jsonl" >"$WORK/c.jsonl" 2>"$WORK/c.err" &
c=$!
wait "$a"
check "run A: exit 0" test $? = 0
wait "$c"
check "run C, which waited: exit 0" test $? = 0
run index check "$db"
check "the index is sound after overlapping runs" test "$rc" = 0
# The same as the two nights one after the other.
"$WINNOW" dedup -q --index "$WORK/seq.db" --night 2026-11-01 "$WORK/n/night-01.jsonl" >/dev/null
"$WINNOW" dedup -q --index "$WORK/seq.db" --night 2026-11-02 "$WORK/n/night-02.jsonl" >/dev/null
"$WINNOW" dedup -q --index "$WORK/seq.db" --night 2026-11-03 "$WORK/n/night-03.jsonl" >"$WORK/c-seq.jsonl"
check "the waiting run's records are those of a run after A" cmp -s "$WORK/c.jsonl" "$WORK/c-seq.jsonl"
check "the index is that of the nights one after the other" \
  cmp -s <("$WINNOW" index export "$db") <("$WINNOW" index export "$WORK/seq.db")

# Readers while a run is writing: poll stats during a large night.
cat "$WORK"/n/night-0[1-4].jsonl >"$WORK/big.jsonl"
for k in 1 2 3; do cat "$WORK/big.jsonl"; done | sed 's/"id": "/"id": "again-/; s/"id":"/"id":"again-/' >"$WORK/bigger.jsonl"
"$WINNOW" dedup -q --index "$db" --night 2026-11-04 "$WORK/bigger.jsonl" >/dev/null 2>"$WORK/w.err" &
w=$!
polls=0 bad_polls=0
while kill -0 "$w" 2>/dev/null; do
  if out=$("$WINNOW" index stats "$db" 2>&1); then polls=$((polls + 1)); else bad_polls=$((bad_polls + 1)); echo "$out"; fi
done
wait "$w"
check "the large night: exit 0" test $? = 0
echo "stats answered $polls times during the write"
check "every read during the write answered" test "$bad_polls" = 0 -a "$polls" -ge 1
check "the index is sound after it" bash -c "\"$WINNOW\" index check \"$db\" >/dev/null"
finish
