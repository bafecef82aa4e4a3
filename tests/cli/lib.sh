# Helpers for the CLI tests. Each test script sources this, then calls
# `check` for every assertion; the script fails on the first false one.
set -uo pipefail
WINNOW=${1:?usage: test.sh WINNOW}
WORK=$(mktemp -d)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
failures=0

check() {  # check "description" command...
  local what=$1
  shift
  if "$@"; then
    echo "ok: $what"
  else
    echo "FAIL: $what"
    failures=$((failures + 1))
  fi
}

# run ARGS...: runs winnow, leaving stdout in $WORK/out, stderr in $WORK/err, exit code in $rc.
run() {
  "$WINNOW" "$@" >"$WORK/out" 2>"$WORK/err"
  rc=$?
}

finish() {
  if ((failures > 0)); then
    echo "$failures check(s) failed"
    exit 1
  fi
}
