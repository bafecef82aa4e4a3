#!/usr/bin/env bash
# The exit-code table of README/man page/--help, row by row: repairs and
# per-record skips are 0 (counted in --stats' skipped_by_reason), 1 only
# with --strict or --fail-on, 2 usage, 3 fatal (a named input missing: the
# old -o file keeps its bytes), 128+signal interrupted (stop_signals.sh
# covers TERM and HUP at length; one row here).
source "$(dirname "$0")/lib.sh"
good=fixtures/seeds/000_63f0391d745259ed.txt
: >"$WORK/empty.txt"
printf -- '- Home\n- About\n- Contact\n- News\n- Jobs\n- Press\n' >"$WORK/menu.txt"
printf 'Caf\xe9 cr\xe8me: une histoire fran\xe7aise tr\xe8s longue, avec des accents partout.\n' >"$WORK/latin1.txt"
{ printf '{"id":"a","text":"An ordinary paragraph of prose, long enough to be kept as the article of a record."}\n'
  printf '{"id":"b", broken\n'; } >"$WORK/corpus.jsonl"

# 0: every kind of expected pass or repair, counted by reason.
run extract --stats "$good" "$WORK/empty.txt" "$WORK/menu.txt" "$WORK/latin1.txt" "$WORK/corpus.jsonl"
check "0: repairs, empty page, no article, corrupt JSONL line" test "$rc" = 0
check "0: skipped_by_reason counts each" \
  grep -q '"skipped":3,"skipped_by_reason":{"empty":1,"no-article":1,"corrupt":1},"repaired":1,"fatal":0' "$WORK/err"
check "0: the good records written" test "$(wc -l <"$WORK/out")" = 3
run extract -q "$WORK/latin1.txt"
check "0: one repaired byte with -q (a set -e script survives)" test "$rc" = 0
"$WINNOW" extract fixtures/seeds | head -c 10 >/dev/null
check "0: stdout closed early" test "${PIPESTATUS[0]}" = 0

# 1: only when asked.
run extract --strict "$WORK/latin1.txt"
check "1: --strict and a repair" test "$rc" = 1
run extract --strict "$good" "$WORK/empty.txt"
check "1: --strict and a skip" test "$rc" = 1
check "1: --strict: the output is complete" grep -q '"id":"fixtures/seeds/000' "$WORK/out"
run extract --strict "$good"
check "0: --strict on a clean run" test "$rc" = 0
run extract --fail-on=no-article "$good" "$WORK/empty.txt"
check "0: --fail-on=no-article, only an empty page" test "$rc" = 0
run extract --fail-on=no-article,empty "$good" "$WORK/empty.txt"
check "1: --fail-on=no-article,empty and an empty page" test "$rc" = 1
run extract --fail-on=repaired "$WORK/latin1.txt"
check "1: --fail-on=repaired" test "$rc" = 1
run extract --fail-on=corrupt "$WORK/corpus.jsonl"
check "1: --fail-on=corrupt, a broken JSONL line" test "$rc" = 1
run dedup --fail-on=skipped "$good" "$WORK/menu.txt"
check "1: dedup --fail-on=skipped" test "$rc" = 1

# 2: usage.
run extract --no-such-flag "$good"
check "2: unknown flag" test "$rc" = 2
run extract --fail-on=nonsense "$good"
check "2: unknown --fail-on class" test "$rc" = 2

# 3: fatal; -o keeps the old file.
printf 'previous run\n' >"$WORK/prev.jsonl"
run extract -o "$WORK/prev.jsonl" /no/such/dir
check "3: a named input that does not exist" test "$rc" = 3
check "3: says so" grep -q "^winnow: /no/such/dir: No such file or directory (fatal" "$WORK/err"
check "3: -o left untouched" test "$(cat "$WORK/prev.jsonl")" = "previous run"
run extract -o "$WORK/prev.jsonl" "$good" /no/such/file
check "3: one missing among good inputs: nothing read" test "$rc" = 3
# 4: the --index is held by another run past --wait (here a reader-writer holding its lock).
"$WINNOW" dedup -q --index "$WORK/seen.db" fixtures/seeds >/dev/null
/usr/bin/python3 -c 'import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("BEGIN IMMEDIATE"); print(flush=True); time.sleep(3)' "$WORK/seen.db" | { read -r; run dedup -q --index "$WORK/seen.db" --wait 0.5 fixtures/seeds; echo "$rc" >"$WORK/rc4"; }
check "4: --index busy past --wait" test "$(cat "$WORK/rc4")" = 4
check "3: -o still untouched" test "$(cat "$WORK/prev.jsonl")" = "previous run"
run dedup -o "$WORK/prev.jsonl" /no/such/dir
check "3: dedup, missing input, -o untouched" test "$rc:$(cat "$WORK/prev.jsonl")" = "3:previous run"
run extract --files-from "$WORK/no-list" -o "$WORK/prev.jsonl"
check "3: missing --files-from list" test "$rc:$(cat "$WORK/prev.jsonl")" = "3:previous run"
run extract -o "$WORK/no-dir/out.jsonl" "$good"
check "3: unwritable output" test "$rc" = 3
if [[ -e /dev/full ]]; then
  "$WINNOW" extract fixtures/seeds >/dev/full 2>/dev/null
  check "3: I/O error on the output (/dev/full)" test "$?" = 3
fi

# 128+signal.
mkfifo "$WORK/fifo"
"$WINNOW" extract "$WORK/fifo" >/dev/null 2>&1 &
pid=$!
exec 3>"$WORK/fifo"
sleep 0.3
kill -INT $pid
wait $pid
check "130: SIGINT" test "$?" = 130
exec 3>&-
finish
