#!/usr/bin/env bash
# Golden-file test of the CLI: run.sh WINNOW CASE [--update]
#
# A .case file holds three lines:
#   args: <arguments to winnow, relative to the repository root>
#   stdout: <expected stdout file, relative to the repository root>
#   exit: <expected exit code>
# With --update (or WINNOW_UPDATE_GOLDEN=1) the expected file is rewritten
# from the current output; review the diff before committing it.
set -euo pipefail
winnow=$1 case_file=$2 update=${3:-${WINNOW_UPDATE_GOLDEN:-}}
args=$(sed -n 's/^args: //p' "$case_file")
expected=$(sed -n 's/^stdout: //p' "$case_file")
want_exit=$(sed -n 's/^exit: //p' "$case_file")
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
set +e
# shellcheck disable=SC2086  # args are word-split on purpose
"$winnow" $args >"$actual" 2>/dev/null
got_exit=$?
set -e
if [[ -n "$update" ]]; then
  cp "$actual" "$expected"
  echo "updated $expected"
fi
if [[ "$got_exit" != "$want_exit" ]]; then
  echo "FAIL: winnow $args exited $got_exit, expected $want_exit"
  exit 1
fi
if ! diff -u "$expected" "$actual"; then
  echo "FAIL: winnow $args differs from $expected (run tests/golden/run.sh $winnow $case_file --update to accept)"
  exit 1
fi
echo "ok: winnow $args"
