#!/usr/bin/env bash
# Usage errors, help, version, stdin, closed pipes and atomic output files.
source "$(dirname "$0")/lib.sh"

run --version
check "--version prints the version" grep -qE '^winnow [0-9]+\.[0-9]+\.[0-9]+$' "$WORK/out"
check "--version exits 0" test "$rc" = 0
run --help
check "--help lists the subcommands" grep -q 'extract' "$WORK/out"
check "--help documents exit codes" grep -q 'Exit codes' "$WORK/out"
check "--help exits 0" test "$rc" = 0
run extract --no-such-flag
check "unknown flag: exit 2" test "$rc" = 2
run
check "no subcommand: exit 2" test "$rc" = 2
run dedup --jaccard 3
check "out-of-range threshold: exit 2" test "$rc" = 2

"$WINNOW" extract --format text - <fixtures/seeds/004_fb904a025db9dcc0.txt >"$WORK/out" 2>"$WORK/err"
check "stdin is read with -" grep -q 'OSCE launches innovative project' "$WORK/out"
"$WINNOW" extract --format text <fixtures/seeds/004_fb904a025db9dcc0.txt >"$WORK/out2" 2>/dev/null
check "no input means stdin" cmp -s "$WORK/out" "$WORK/out2"

# A closed stdout ends the run quietly with status 0.
mkdir "$WORK/copies"
for i in $(seq 1 200); do cp fixtures/seeds/000_63f0391d745259ed.txt "$WORK/copies/copy$i.txt"; done
"$WINNOW" extract "$WORK/copies" 2>"$WORK/err" | head -n 1 >/dev/null
statuses=("${PIPESTATUS[@]}")
check "| head: winnow exits 0" test "${statuses[0]}" = 0
check "| head: nothing on stderr" test ! -s "$WORK/err"

# -o writes atomically: the file appears whole at the end, no temporary left.
run extract -o "$WORK/result.jsonl" fixtures/seeds
check "-o: exit 0" test "$rc" = 0
check "-o: five records" test "$(wc -l <"$WORK/result.jsonl")" = 5
check "-o: no temporary file left" test -z "$(ls "$WORK" | grep '\.tmp\.' || true)"
run extract -o /nonexistent-dir/x.jsonl fixtures/seeds
check "-o into a missing directory: fatal, exit 3" test "$rc" = 3
check "-o into a missing directory: says why" grep -q "cannot write /nonexistent-dir" "$WORK/err"

# Output order is input order whatever the number of threads.
"$WINNOW" extract -j 1 "$WORK/copies" fixtures/seeds >"$WORK/j1" 2>/dev/null
"$WINNOW" extract -j 2 "$WORK/copies" fixtures/seeds >"$WORK/j2" 2>/dev/null
check "-j 1 and -j 2 give byte-identical output" cmp -s "$WORK/j1" "$WORK/j2"
finish
