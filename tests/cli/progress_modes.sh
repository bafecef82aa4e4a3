#!/usr/bin/env bash
# The progress line where a person meets it (issue 22, point 4):
#   a directory input gets a percentage and an ETA (its files are counted
#   first); TERM=dumb gets no escape sequence; records written to the same
#   terminal are not printed onto the line (no line at all by default);
#   --progress forces it (lines, into a log), --no-progress silences it.
# script(1) gives winnow a pseudo-terminal; without it the terminal checks
# are skipped and say so.
source "$(dirname "$0")/lib.sh"

# 600 pages of 240 KB (hard links to one file): about 3 s at -j 1, so the
# line (drawn after 250 ms, with an ETA after 1 s; as lines, after 1 s) is
# drawn several times.
for _ in 1 2 3 4 5 6 7 8 9 10; do cat fixtures/seeds/*.txt; done >"$WORK/page.txt"
mkdir -p "$WORK/corpus/a" "$WORK/corpus/b"
for i in $(seq 1 300); do
  ln "$WORK/page.txt" "$WORK/corpus/a/$i.txt"
  ln "$WORK/page.txt" "$WORK/corpus/b/$i.txt"
done
printf 'not a page\n' >"$WORK/corpus/a/README"  # passed over by the walk: not counted

run extract --no-progress --progress "$WORK/corpus"
check "--progress with --no-progress: a usage error" test "$rc" = 2

run extract -j 1 --progress --fields id "$WORK/corpus"
check "--progress into a file: lines with the percentage" grep -qE '^winnow: [0-9]+ documents, .*, [0-9]+%' "$WORK/err"
check "--progress into a file: no \\r, no escape sequence" bash -c '! grep -q $'"'"'[\r\033]'"'"' "$0"' "$WORK/err"
check "--progress into a file: the records are all there" test "$(wc -l <"$WORK/out")" = 600

if command -v script >/dev/null && script -qc true /dev/null </dev/null >/dev/null 2>&1; then
  on_terminal() {  # on_terminal COMMAND: runs it on a pseudo-terminal, its terminal output in $WORK/tty
    script -qc "$1" /dev/null </dev/null >"$WORK/tty" 2>&1
  }
  on_terminal "'$WINNOW' extract -j 1 '$WORK/corpus' >/dev/null"
  check "a directory on a terminal: a percentage" grep -qE 'winnow: [0-9]+ documents, [0-9.]+ MB/s, 0 skipped, 0 passed over, [0-9]+%' "$WORK/tty"
  check "a directory on a terminal: an ETA" grep -qE '[0-9]+%, ETA [0-9]+s' "$WORK/tty"
  check "a directory on a terminal: redrawn with \\033[K" grep -q $'\033\\[K' "$WORK/tty"

  on_terminal "TERM=dumb '$WINNOW' extract -j 1 '$WORK/corpus' >/dev/null"
  check "TERM=dumb: the line is drawn" grep -qE 'winnow: [0-9]+ documents' "$WORK/tty"
  check "TERM=dumb: with \\r only, no escape sequence" bash -c '! grep -q $'"'"'\033'"'"' "$0" && grep -q $'"'"'\r'"'"' "$0"' "$WORK/tty"

  on_terminal "'$WINNOW' extract -j 1 --fields id '$WORK/corpus'"
  check "stdout on the same terminal: the records, and no progress line over them" \
    bash -c '[[ $(grep -c "^{\"id\":" "$0") == 600 ]] && ! grep -q "documents," "$0"' "$WORK/tty"
  on_terminal "'$WINNOW' extract -j 1 --progress --fields id '$WORK/corpus'"
  check "stdout on the same terminal with --progress: progress as whole lines between the records" \
    bash -c '[[ $(grep -c "^{\"id\":" "$0") == 600 ]] && grep -qE "^winnow: [0-9]+ documents" "$0" && ! grep -q $'"'"'\033'"'"' "$0"' "$WORK/tty"

  on_terminal "'$WINNOW' extract -j 1 --no-progress '$WORK/corpus' >/dev/null"
  check "--no-progress on a terminal: no line" bash -c '! grep -q documents "$0"' "$WORK/tty"
else
  echo "skip: no working script(1) (bsdutils) or no pseudo-terminal: the terminal checks"
fi
finish
