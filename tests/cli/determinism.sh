#!/usr/bin/env bash
# The same input gives byte-identical output across runs and -j values.
source "$(dirname "$0")/lib.sh"
mkdir "$WORK/corpus"
cp fixtures/seeds/*.txt fixtures/html/*.html "$WORK/corpus/"
for i in $(seq 1 30); do
  sed "s/Ukraine/Ukraine ($i)/" fixtures/seeds/001_47bcd35a6f9d77e2.txt >"$WORK/corpus/variant$i.txt"
done
for command in "extract" "extract --format text" "dedup" "dedup --emit pairs" "dedup --emit groups" "dedup --emit unique"; do
  # shellcheck disable=SC2086
  "$WINNOW" $command -j 1 "$WORK/corpus" >"$WORK/a" 2>/dev/null
  # shellcheck disable=SC2086
  "$WINNOW" $command -j 2 "$WORK/corpus" >"$WORK/b" 2>/dev/null
  # shellcheck disable=SC2086
  "$WINNOW" $command -j 8 "$WORK/corpus" >"$WORK/c" 2>/dev/null
  check "$command: -j 1, -j 2 and -j 8 give identical bytes" bash -c "cmp -s '$WORK/a' '$WORK/b' && cmp -s '$WORK/a' '$WORK/c'"
  check "$command: output is not empty" test -s "$WORK/a"
done
"$WINNOW" dedup --emit groups "$WORK/corpus" >"$WORK/groups" 2>/dev/null
check "the 30 variants of 001 and 001 itself form one group" \
  test "$(grep -c 'variant' "$WORK/groups")" = 1
finish
