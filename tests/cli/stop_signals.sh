#!/usr/bin/env bash
# SIGTERM and SIGHUP stop a run as SIGINT does: the records in flight are
# finished, the -o temporary file is removed (the target left as it was),
# exit 128 + the signal; a second signal removes it and dies at once.
source "$(dirname "$0")/lib.sh"

jsonl_record() {  # jsonl_record ID
  printf '{"id":"%s","text":"Record %s. A paragraph of plain text that stands in for an article."}\n' "$1" "$1"
}

# Three records, then the producer stays open (a crawl still being written);
# then SIGNALS are sent, one after the other, to winnow.
stop_after_three() {  # stop_after_three "SIGNALS" ARGS... ; sets rc
  local signals=$1
  shift
  rm -f "$WORK/feed"
  mkfifo "$WORK/feed"
  timeout 60 "$WINNOW" "$@" "$WORK/feed" >"$WORK/out" 2>"$WORK/err" &
  local pid=$!
  exec 3>"$WORK/feed"
  for id in r1 r2 r3; do jsonl_record "$id" >&3; done
  sleep 2
  local winnow_pid
  winnow_pid=$(pgrep -P "$pid" -x winnow || echo "$pid")
  for sig in $signals; do kill -"$sig" "$winnow_pid"; done
  wait "$pid"
  rc=$?
  exec 3>&-
}

temp_files() { ls -A "$WORK" | grep -E '^\.result\.jsonl\.|\.tmp\.' || true; }

for sig in TERM HUP; do
  want=$((128 + $(kill -l "$sig")))
  echo old >"$WORK/result.jsonl"
  stop_after_three "$sig" extract -o "$WORK/result.jsonl"
  check "SIG$sig with -o: exit $want" test "$rc" = "$want"
  check "SIG$sig with -o: no temporary file left" test -z "$(temp_files)"
  check "SIG$sig with -o: the old file is left as it was" test "$(cat "$WORK/result.jsonl")" = old
  check "SIG$sig: says so" grep -q "^winnow: interrupted" "$WORK/err"

  stop_after_three "$sig" extract --fields id
  check "SIG$sig on stdout: the three records are written whole" \
    test "$(cat "$WORK/out")" = "$(printf '{"id":"r1"}\n{"id":"r2"}\n{"id":"r3"}')"
done

# Two at once: the second removes the temporary file and kills.
stop_after_three "TERM TERM" extract -o "$WORK/result.jsonl"
check "two SIGTERMs: exit 143" test "$rc" = 143
check "two SIGTERMs: no temporary file left" test -z "$(temp_files)"
finish
