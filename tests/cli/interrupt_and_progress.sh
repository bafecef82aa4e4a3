#!/usr/bin/env bash
# Ctrl-C: whole records kept on stdout, no -o file put in place, exit 130.
# Progress: on a terminal only; --stats: one JSON line on stderr.
source "$(dirname "$0")/lib.sh"

jsonl_record() {  # jsonl_record ID
  printf '{"id":"%s","text":"Record %s. A paragraph of plain text that stands in for an article."}\n' "$1" "$1"
}

# A producer that sends three records and then stays open, as a crawl still
# being written would: winnow has read all it can and waits for more.
interrupt_after_three() {  # interrupt_after_three COMMAND ARGS... ; sets rc
  rm -f "$WORK/feed"
  mkfifo "$WORK/feed"
  "$WINNOW" "$@" "$WORK/feed" >"$WORK/out" 2>"$WORK/err" &
  local pid=$!
  exec 3>"$WORK/feed"
  for id in r1 r2 r3; do jsonl_record "$id" >&3; done
  sleep 2
  kill -INT "$pid"
  wait "$pid"
  rc=$?
  exec 3>&-
}

interrupt_after_three extract --fields id
check "SIGINT: exit 130" test "$rc" = 130
check "SIGINT: says so on stderr" grep -q "^winnow: interrupted after 3 records" "$WORK/err"
check "SIGINT: the three records read before it are written, whole" \
  test "$(cat "$WORK/out")" = "$(printf '{"id":"r1"}\n{"id":"r2"}\n{"id":"r3"}')"

interrupt_after_three extract -o "$WORK/result.jsonl"
check "SIGINT with -o: exit 130" test "$rc" = 130
check "SIGINT with -o: the file is not put in place" test ! -e "$WORK/result.jsonl"
check "SIGINT with -o: no temporary file left" test -z "$(ls -A "$WORK" | grep -E '^\.result\.jsonl\.|\.tmp\.' || true)"

interrupt_after_three dedup --emit unique --format json
check "SIGINT in dedup: exit 130" test "$rc" = 130
check "SIGINT in dedup: no verdicts on part of a corpus" test ! -s "$WORK/out"
check "SIGINT in dedup: does not claim records were written" grep -q "^winnow: interrupted after reading 3 records; nothing written" "$WORK/err"

# Not a terminal: no progress line, whatever the run's length.
for i in $(seq 1 40); do jsonl_record "n$i"; done >"$WORK/many.jsonl"
run extract "$WORK/many.jsonl"
check "stderr not a terminal: no progress" test ! -s "$WORK/err"

# --stats: one JSON object on stderr, with the counts.
run extract --stats "$WORK/many.jsonl"
check "--stats: one line" test "$(wc -l <"$WORK/err")" = 1
check "--stats: documents and bytes" grep -qE '^\{"documents":40,"skipped":0,"skipped_by_reason":\{\},"repaired":0,"fatal":0,"filtered":0,"filtered_by_reason":\{\},"walk_skipped_by_reason":\{\},"files":1,"records_read":40,"bytes_read":[0-9]+,"seconds":[0-9.]+,"docs_per_s":[0-9.]+,"mb_per_s":[0-9.]+,"cpu_seconds":[0-9.]+,"read_seconds":[0-9.]+,"interrupted":false\}$' "$WORK/err"
check "--stats: valid JSON" python3 -c 'import json,sys; json.loads(open(sys.argv[1]).read())' "$WORK/err"

# On a terminal (script(1) gives winnow a pseudo-terminal): a progress line
# redrawn in place with \r, erased at the end; --quiet silences it.
if command -v script >/dev/null && script -qc true /dev/null </dev/null >/dev/null 2>&1; then
  cat >"$WORK/slow.sh" <<'SLOW'
for i in $(seq 1 8); do
  printf '{"id":"s%s","text":"Slow record %s, with text enough to be an article."}\n' "$i" "$i"
  sleep 0.2
done
SLOW
  script -qc "bash '$WORK/slow.sh' | '$WINNOW' extract --input-format jsonl - >/dev/null" /dev/null >"$WORK/tty" </dev/null
  check "terminal: progress shows documents and MB/s" grep -qE 'winnow: [0-9]+ documents, [0-9.]+ MB/s, 0 skipped, 0 passed over' "$WORK/tty"
  check "terminal: drawn in place with \\r" grep -q $'\r' "$WORK/tty"
  script -qc "bash '$WORK/slow.sh' | '$WINNOW' extract -q --input-format jsonl - >/dev/null" /dev/null >"$WORK/tty" </dev/null
  check "terminal with --quiet: no progress" bash -c "! grep -q documents '$WORK/tty'"
  printf '%s\n' fixtures/seeds/000_63f0391d745259ed.txt >"$WORK/list"
  for _ in $(seq 1 1500); do printf '%s\n' fixtures/seeds/00{1,3,4}_*.txt; done >>"$WORK/list"
  script -qc "'$WINNOW' extract -j 1 --files-from '$WORK/list' >/dev/null" /dev/null >"$WORK/tty" </dev/null
  if grep -q documents "$WORK/tty"; then  # only drawn when the run outlasts 250 ms
    check "terminal, known file list: percent shown" grep -qE 'passed over, [0-9]+%' "$WORK/tty"
  fi
else
  echo "skipped: no working script(1) (bsdutils) or no pseudo-terminal: progress on a terminal not tested"
fi
finish
