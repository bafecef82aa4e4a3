#!/usr/bin/env bash
# Crash safety of winnow dedup --index: a night killed with SIGKILL at 50
# random moments leaves an index that passes PRAGMA integrity_check and
# `winnow index check`, holds either all of the night's documents or none,
# and running the night again then gives the uninterrupted run's index (and,
# when the kill came before the commit, its records).
source "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
/usr/bin/python3 "$root/tests/index/make_nights.py" "$root/fixtures/gold" "$WORK/n" 4 30 7
base=$WORK/base.db
for i in 01 02 03; do "$WINNOW" dedup -q --index "$base" --night 2026-11-$i "$WORK/n/night-$i.jsonl" >/dev/null; done
"$WINNOW" index export "$base" >"$WORK/none.jsonl"
night=$WORK/n/night-04.jsonl
cp "$base" "$WORK/ref.db"
start=$(date +%s%N)
"$WINNOW" dedup -q --index "$WORK/ref.db" --night 2026-11-04 "$night" >"$WORK/ref-records.jsonl"
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$WINNOW" index export "$WORK/ref.db" >"$WORK/all.jsonl"
check "the night adds documents" test "$(wc -l <"$WORK/all.jsonl")" -gt "$(wc -l <"$WORK/none.jsonl")"
echo "uninterrupted night: $took_ms ms"

integrity() { /usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$1"; }
RANDOM=20
killed_before=0 killed_after=0 bad=0
for round in $(seq 1 50); do
  db=$WORK/crash.db
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$base" "$db"
  delay_ms=$(( RANDOM % (took_ms + took_ms / 5 + 1) ))
  "$WINNOW" dedup -q --index "$db" --night 2026-11-04 "$night" >"$WORK/killed.jsonl" 2>/dev/null &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")"
  [[ $delay_ms -ge 1000 ]] && sleep $((delay_ms / 1000))
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  state=$(integrity "$db")
  "$WINNOW" index check "$db" >/dev/null 2>"$WORK/check.err"
  check_rc=$?
  "$WINNOW" index export "$db" >"$WORK/after.jsonl"
  if cmp -s "$WORK/after.jsonl" "$WORK/none.jsonl"; then held=none; killed_before=$((killed_before + 1))
  elif cmp -s "$WORK/after.jsonl" "$WORK/all.jsonl"; then held=all; killed_after=$((killed_after + 1))
  else held=part; fi
  "$WINNOW" dedup -q --index "$db" --night 2026-11-04 "$night" >"$WORK/rerun.jsonl"
  rerun_rc=$?
  "$WINNOW" index export "$db" >"$WORK/rerun-export.jsonl"
  same_records=yes
  [[ $held = none ]] && ! cmp -s "$WORK/rerun.jsonl" "$WORK/ref-records.jsonl" && same_records=no
  if [[ $state != ok || $check_rc != 0 || $held = part || $rerun_rc != 0 || $same_records = no ]] ||
     ! cmp -s "$WORK/rerun-export.jsonl" "$WORK/all.jsonl"; then
    echo "round $round (kill after $delay_ms ms): integrity $state, check $check_rc, held $held, rerun $rerun_rc, records $same_records"
    cat "$WORK/check.err"
    bad=$((bad + 1))
  fi
done
echo "killed before the commit: $killed_before, after it: $killed_after"
check "50 kills: every index sound, all or none, the re-run equal to an uninterrupted one" test "$bad" = 0
check "some kills landed before the commit" test "$killed_before" -ge 10
finish
