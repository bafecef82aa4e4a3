#!/usr/bin/env bash
# The library examples (examples/, built beside the binary) print what the
# CLI prints: the header examples quote them, so they must stay true.
source "$(dirname "$0")/lib.sh"
examples=$(dirname "$WINNOW")/examples
page=fixtures/seeds/000_63f0391d745259ed.txt
check "clean_page is built" test -x "$examples/clean_page"
"$examples/clean_page" "$page" >"$WORK/example" 2>/dev/null
"$WINNOW" extract "$page" >"$WORK/cli" 2>/dev/null
check "clean_page PAGE prints the record winnow extract PAGE prints" cmp -s "$WORK/example" "$WORK/cli"
check "... and it is a record" grep -q '"profile":"osce.org"' "$WORK/example"
"$examples/dedup_directory" fixtures >"$WORK/example" 2>/dev/null
"$WINNOW" dedup -q --emit groups fixtures >"$WORK/cli"
check "dedup_directory DIR prints the groups winnow dedup --emit groups DIR prints" cmp -s "$WORK/example" "$WORK/cli"
check "... and there are groups" test -s "$WORK/example"
finish
