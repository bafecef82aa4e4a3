#!/bin/sh
# Score winnow on fixtures/unseen/ (issue 17, point 5): 32 reposts on 16
# templates winnow has no profile for, each as a text dump and as HTML.
# Usage: bench/unseen/run.sh [BINARY] [score.py options: --misses, --by-template]
# BINARY defaults to build/winnow. Prints, per format and per half (tune:
# even positions, measure: odd), type/title/date/dateline accuracy, the
# share of article lines kept, the template lines left and the pages with
# no article sentence, and the text lines outside the article (bench/unseen/score.py says how each is counted).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=build/winnow
case "${1:-}" in
  ""|-*) ;;
  *) bin=$1; shift ;;
esac
[ -x "$bin" ] || { echo "run.sh: $bin is not an executable winnow binary" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One worker so the run is quiet on a shared machine; exit 1 (a page skipped
# or repaired) is reported by the scorer as a missing record, not fatal here.
"$bin" extract -q -j1 "$root"/fixtures/unseen/[0-9][0-9][0-9].txt > "$tmp/text.jsonl" || [ $? -eq 1 ]
"$bin" extract -q -j1 "$root"/fixtures/unseen/[0-9][0-9][0-9].html > "$tmp/html.jsonl" || [ $? -eq 1 ]
echo "winnow: $bin"
/usr/bin/python3 "$here/score.py" --format text "$tmp/text.jsonl" --format html "$tmp/html.jsonl" "$@"
