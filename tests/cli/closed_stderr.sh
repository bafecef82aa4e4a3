#!/usr/bin/env bash
# Diagnostics never throw: with stderr closed or on /dev/full a run that
# reports problems ends normally; with stderr closed and -o FILE, no message
# lands in the output (descriptors 0-2 closed at start are opened on /dev/null).
source "$(dirname "$0")/lib.sh"
printf 'a\0b\0binary\0' >"$WORK/binary.bin"  # reported as skipped
printf 'Caf\xe9 cr\xe8me: une histoire fran\xe7aise tr\xe8s longue, avec des accents partout.\n' >"$WORK/latin1.txt"

"$WINNOW" extract "$WORK/binary.bin" "$WORK/latin1.txt" fixtures/seeds >"$WORK/out" 2>&-
rc=$?
check "2>&-: no abort (exit 0 with the skipped input counted, not 134)" test "$rc" = 0
check "2>&-: the records are written" test "$(wc -l <"$WORK/out")" = 6

"$WINNOW" extract -o "$WORK/result.jsonl" "$WORK/binary.bin" "$WORK/latin1.txt" fixtures/seeds 2>&-
rc=$?
check "2>&- with -o FILE: exit 0" test "$rc" = 0
check "2>&- with -o FILE: every line of the output is a JSON record" \
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$WORK/result.jsonl"
check "2>&- with -o FILE: no message in the output" bash -c "! grep -q '^winnow:' '$WORK/result.jsonl'"
check "2>&- with -o FILE: all records" test "$(wc -l <"$WORK/result.jsonl")" = 6

if [[ -w /dev/full ]]; then
  "$WINNOW" extract --stats "$WORK/binary.bin" "$WORK/latin1.txt" fixtures/seeds >"$WORK/out" 2>/dev/full
  rc=$?
  check "2>/dev/full: no abort" test "$rc" = 0
  check "2>/dev/full: the records are written" test "$(wc -l <"$WORK/out")" = 6
  "$WINNOW" extract --no-such-flag 2>/dev/full
  rc=$?
  check "2>/dev/full, usage error: exit 2" test "$rc" = 2
else
  echo "skipped: no /dev/full"
fi
finish
