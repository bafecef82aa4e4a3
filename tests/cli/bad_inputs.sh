#!/usr/bin/env bash
# Bad inputs: each gets one line on stderr naming it and the reason, the
# other inputs are still processed, and the exit code is 0 (the skip is
# counted); an input named on the command line that is missing or unreadable
# is fatal: nothing is read, exit 3.
source "$(dirname "$0")/lib.sh"
good=fixtures/seeds/000_63f0391d745259ed.txt

printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00binary' >"$WORK/program.bin"
: >"$WORK/empty.txt"
printf 'Caf\xe9 cr\xe8me: une histoire fran\xe7aise tr\xe8s longue, avec des accents partout.\n' >"$WORK/latin1.txt"
mkdir "$WORK/emptydir"
printf 'secret\n' >"$WORK/unreadable.txt"
chmod 000 "$WORK/unreadable.txt"

expect_skip() {  # expect_skip FILE REASON-REGEX
  run extract "$good" "$1"
  check "$1: exit code 0" test "$rc" = 0
  check "$1: one message naming it" test "$(grep -c . "$WORK/err")" = 1
  check "$1: message says why" grep -qiE "^winnow: $1: $2" "$WORK/err"
  check "$1: the good input is still extracted" test "$(grep -c '"id":"fixtures/seeds/000' "$WORK/out")" = 1
}

run extract "$good" "$WORK/missing.txt"
check "named missing input: exit 3" test "$rc" = 3
check "named missing input: says so" grep -qE "^winnow: $WORK/missing.txt: No such file or directory \(fatal" "$WORK/err"
check "named missing input: nothing read" test ! -s "$WORK/out"
expect_skip "$WORK/program.bin" "binary data"
expect_skip "$WORK/empty.txt" "empty input"
expect_skip "$WORK/emptydir" "directory has no usable files"

# Invalid UTF-8 is not dropped: decoded with a guessed charset, reported, kept.
run extract "$good" "$WORK/latin1.txt"
check "invalid UTF-8: exit code 0" test "$rc" = 0
check "invalid UTF-8: message names the byte" grep -qE "^winnow: $WORK/latin1.txt: invalid UTF-8 at byte 3" "$WORK/err"
check "invalid UTF-8: text kept, decoded" grep -q 'Café crème' "$WORK/out"

# Unreadable file: root reads anything, so run as an unprivileged user when root.
if [[ $(id -u) = 0 ]] && command -v setpriv >/dev/null; then
  setpriv --reuid=65534 --regid=65534 --clear-groups "$WINNOW" extract "$good" "$WORK/unreadable.txt" \
    >"$WORK/out" 2>"$WORK/err"
  rc=$?
else
  run extract "$good" "$WORK/unreadable.txt"
fi
if [[ $(id -u) != 0 ]] || command -v setpriv >/dev/null; then
  check "unreadable named input: exit 3" test "$rc" = 3
  check "unreadable: message says permission denied" grep -qE "unreadable.txt: Permission denied \(fatal" "$WORK/err"
  check "unreadable named input: nothing read" test ! -s "$WORK/out"
fi

# A record that is all navigation has no article.
printf -- '- Home\n- About\n- Contact\n- News\n- Jobs\n- Press\n' >"$WORK/menu.txt"
run extract "$WORK/menu.txt" "$good"
check "only navigation: reported as no article text" grep -q "menu.txt: no article text found (skipped)" "$WORK/err"
check "only navigation: exit code 0" test "$rc" = 0

# --max-doc-bytes
run extract --max-doc-bytes 100 "$good"
check "oversized: reported" grep -q "larger than --max-doc-bytes (100 bytes)" "$WORK/err"
check "oversized: exit code 0" test "$rc" = 0

# --quiet silences the messages of skips, not the reason a run failed.
run extract -q "$WORK/program.bin" "$good"
check "--quiet: no message" test ! -s "$WORK/err"
check "--quiet: exit 0" test "$rc" = 0
run extract -q "$WORK/missing.txt" "$good"
check "--quiet, missing input: still says why" grep -q "missing.txt: No such file" "$WORK/err"
check "--quiet, missing input: exit 3" test "$rc" = 3
finish
