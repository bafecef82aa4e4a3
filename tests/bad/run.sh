#!/usr/bin/env bash
# The bad-input corpus: run.sh WINNOW CASE
#
# tests/bad/cases.txt holds one case per line, fields separated by " ¦ ":
#   name | shell snippet that makes the input at $IN (in a fresh $DIR) | arguments | exit | stderr ERE
#        [| stdout ERE [| ceiling]]
# The arguments may use $IN and $DIR; "GOOD" in them stands for a good seed,
# which must still come out whole (the rest of the run goes on). The stderr
# pattern is matched against winnow's stderr (grep -E); "-" means empty.
# The stdout pattern "-" checks nothing (a placeholder before a ceiling).
# A ceiling such as "10s 200MB" bounds the wall-clock time and the peak
# resident memory of the run (measured by /usr/bin/time): generous bounds
# for hostile inputs that once took minutes or gigabytes, not timings.
# Inputs are made at run time, so no large or hostile file lives in the repo.
set -uo pipefail
winnow=$1 want=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
line=$(grep -E "^$want ¦ " "$root/tests/bad/cases.txt")
if [[ -z "$line" ]]; then
  echo "no case named $want"
  exit 1
fi
IFS=$'\t' read -r name make args want_exit want_err want_out ceiling <<<"$(sed 's/ ¦ /\t/g' <<<"$line")"
want_exit=${want_exit// /}
[[ "${want_out:-}" == "-" ]] && want_out=
max_seconds= max_mb=
if [[ -n "${ceiling:-}" ]]; then
  [[ "$ceiling" =~ ^([0-9]+)s\ ([0-9]+)MB$ ]] || { echo "FAIL: $name: bad ceiling \"$ceiling\" (want e.g. \"10s 200MB\")"; exit 1; }
  max_seconds=${BASH_REMATCH[1]} max_mb=${BASH_REMATCH[2]}
fi
DIR=$(mktemp -d)
trap 'chmod -R u+rwx "$DIR" 2>/dev/null; rm -rf "$DIR"' EXIT
IN=$DIR/input
GOOD=$root/fixtures/seeds/004_fb904a025db9dcc0.txt
export DIR IN GOOD
(cd "$DIR" && set +o pipefail && eval "$make") || { echo "FAIL: $name: could not make the input"; exit 1; }
uses_good=0
[[ "$args" == *GOOD* ]] && uses_good=1
args=${args//GOOD/$GOOD}
eval "set -- $args"
/usr/bin/time -f '%e %M' -o "$DIR/time" timeout 120 "$winnow" "$@" >"$DIR/out" 2>"$DIR/err"
got=$?
status=0
if [[ -n "$max_seconds" ]]; then
  read -r seconds kilobytes < <(tail -n 1 "$DIR/time")
  if ! awk -v s="$seconds" -v m="$max_seconds" 'BEGIN { exit !(s <= m) }'; then
    echo "FAIL: $name: took ${seconds} s, ceiling ${max_seconds} s"
    status=1
  fi
  if ((kilobytes > max_mb * 1024)); then
    echo "FAIL: $name: peak memory $((kilobytes / 1024)) MB, ceiling ${max_mb} MB"
    status=1
  fi
  echo "measured: ${seconds} s, $((kilobytes / 1024)) MB (ceiling ${max_seconds} s, ${max_mb} MB)"
fi
if [[ "$got" != "$want_exit" ]]; then
  echo "FAIL: $name: exit $got, expected $want_exit"
  status=1
fi
if [[ "$want_err" == "-" ]]; then
  if [[ -s "$DIR/err" ]]; then echo "FAIL: $name: expected no message, got:"; status=1; fi
elif ! grep -qE -- "$want_err" "$DIR/err"; then
  echo "FAIL: $name: stderr does not match /$want_err/:"
  status=1
fi
if [[ -n "${want_out:-}" ]] && ! grep -qE -- "$want_out" "$DIR/out"; then
  echo "FAIL: $name: stdout does not match /$want_out/"
  status=1
fi
if ((uses_good)) && ! grep -q 'OSCE launches innovative project' "$DIR/out"; then
  echo "FAIL: $name: the good input beside it was not extracted"
  status=1
fi
head -c 600 "$DIR/err" | cut -c1-300
((status == 0)) && echo "ok: $name (exit $got)"
exit $status
