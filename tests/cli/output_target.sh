#!/usr/bin/env bash
# -o never clobbers: devices, FIFOs and descriptors are written directly; a
# symlink's target is replaced, not the link; mode and owner are kept; an
# unusable target is refused before any work (exit 3); the temporary file is
# a fresh mkstemp name, so a link planted at a guessable name is never followed.
# Device nodes and links are made in a temporary directory only.
source "$(dirname "$0")/lib.sh"
SEEDS=fixtures/seeds

# A character device with /dev/null's numbers, in $WORK (needs root; skipped otherwise).
if mknod "$WORK/null" c 1 3 2>/dev/null; then
  run extract -o "$WORK/null" "$SEEDS"
  check "-o DEVICE: exit 0" test "$rc" = 0
  check "-o DEVICE: still a character device" test -c "$WORK/null"
  check "-o DEVICE: no temporary file left" test -z "$(ls -A "$WORK" | grep '^\.null\.' || true)"
else
  echo "skipped: mknod not permitted: -o onto a device not tested"
fi

mkfifo "$WORK/fifo"
timeout 20 cat "$WORK/fifo" >"$WORK/from_fifo" &
reader=$!
timeout 20 "$WINNOW" extract -o "$WORK/fifo" "$SEEDS" >"$WORK/out" 2>"$WORK/err"
rc=$?
wait "$reader"
check "-o FIFO: exit 0" test "$rc" = 0
check "-o FIFO: still a FIFO" test -p "$WORK/fifo"
check "-o FIFO: the records went through it" test "$(wc -l <"$WORK/from_fifo")" = 5

"$WINNOW" extract -o /dev/stdout "$SEEDS" >"$WORK/via_stdout" 2>"$WORK/err"
check "-o /dev/stdout: written to standard output" test "$(wc -l <"$WORK/via_stdout")" = 5

echo old >"$WORK/real.jsonl"
ln -s real.jsonl "$WORK/link.jsonl"
run extract -o "$WORK/link.jsonl" "$SEEDS"
check "-o SYMLINK: exit 0" test "$rc" = 0
check "-o SYMLINK: still a symlink" test -L "$WORK/link.jsonl"
check "-o SYMLINK: its target holds the output" test "$(wc -l <"$WORK/real.jsonl")" = 5
ln -s new.jsonl "$WORK/dangling.jsonl"
run extract -o "$WORK/dangling.jsonl" "$SEEDS"
check "-o dangling SYMLINK: the file it names is made" test "$(wc -l <"$WORK/new.jsonl")" = 5
check "-o dangling SYMLINK: still a symlink" test -L "$WORK/dangling.jsonl"

echo old >"$WORK/private.jsonl"
chmod 600 "$WORK/private.jsonl"
chown 12345:12345 "$WORK/private.jsonl" 2>/dev/null && owned=1 || owned=0
run extract -o "$WORK/private.jsonl" "$SEEDS"
check "-o 600 FILE: replaced" test "$(wc -l <"$WORK/private.jsonl")" = 5
check "-o 600 FILE: mode kept" test "$(stat -c %a "$WORK/private.jsonl")" = 600
((owned)) && check "-o FILE: owner and group kept" test "$(stat -c %u:%g "$WORK/private.jsonl")" = 12345:12345

umask 022
run extract -o "$WORK/fresh.jsonl" "$SEEDS"
check "-o new FILE: mode 0666 less the umask" test "$(stat -c %a "$WORK/fresh.jsonl")" = 644

mkdir "$WORK/adir"
run extract -o "$WORK/adir" /no/such/input "$SEEDS"
check "-o DIRECTORY: exit 3" test "$rc" = 3
check "-o DIRECTORY: refused before any work (only the up-front checks speak)" grep -qx "winnow: cannot write $WORK/adir: it is a directory" "$WORK/err"
check "-o DIRECTORY: no record read" test "$(grep -c -v 'fatal: nothing read\|cannot write' "$WORK/err")" = 0
check "-o DIRECTORY: still an empty directory" test -z "$(ls -A "$WORK/adir")"

run extract -o "$WORK/missing/out.jsonl" "$SEEDS"
check "-o in a missing directory: exit 3" test "$rc" = 3
check "-o in a missing directory: says so" grep -q "directory $WORK/missing does not exist" "$WORK/err"

# An unprivileged user: no permission on the file, nor in the directory.
if command -v setpriv >/dev/null && setpriv --reuid 65534 --regid 65534 --clear-groups true 2>/dev/null; then
  mkdir "$WORK/locked"
  chmod 755 "$WORK/locked"
  echo old >"$WORK/locked/out.jsonl"
  chmod 644 "$WORK/locked/out.jsonl"
  setpriv --reuid 65534 --regid 65534 --clear-groups "$WINNOW" extract -o "$WORK/locked/out.jsonl" "$SEEDS" \
    >"$WORK/out" 2>"$WORK/err"
  rc=$?
  check "no permission: exit 3" test "$rc" = 3
  check "no permission: says so" grep -q "cannot write $WORK/locked/out.jsonl: Permission denied" "$WORK/err"
  check "no permission: file untouched" test "$(cat "$WORK/locked/out.jsonl")" = old
  chmod 666 "$WORK/locked/out.jsonl"
  setpriv --reuid 65534 --regid 65534 --clear-groups "$WINNOW" extract -o "$WORK/locked/out.jsonl" "$SEEDS" \
    >"$WORK/out" 2>"$WORK/err"
  rc=$?
  check "file writable, directory not: exit 3" test "$rc" = 3
  check "file writable, directory not: says why" grep -q "cannot create a file in $WORK/locked" "$WORK/err"
else
  echo "skipped: setpriv cannot drop privileges here: the no-permission cases not tested"
fi

# The old temporary name, FILE.tmp.PID, planted as a symlink for the very PID
# winnow runs as (the shell plants it, then execs winnow), and a link at the
# new name's pattern: nothing planted is followed, the victim is kept.
echo precious >"$WORK/victim"
ln -s victim "$WORK/.planted.jsonl.XXXXXX"
W=$WORK WINNOW=$WINNOW sh -c 'ln -s victim "$W/planted.jsonl.tmp.$$"; exec "$WINNOW" extract -o "$W/planted.jsonl" fixtures/seeds' \
  >"$WORK/out" 2>"$WORK/err"
rc=$?
check "planted links: exit 0" test "$rc" = 0
check "planted links: the victim is untouched" test "$(cat "$WORK/victim")" = precious
check "planted links: the output is a regular file" bash -c "test -f '$WORK/planted.jsonl' && test ! -L '$WORK/planted.jsonl'"
check "planted links: it holds the output" test "$(wc -l <"$WORK/planted.jsonl")" = 5
finish
