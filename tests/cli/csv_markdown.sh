#!/usr/bin/env bash
# --format csv and --format markdown (issue 22, point 5), beyond the golden
# files (tests/golden/*csv*.case, *markdown*.case): CSV is RFC 4180 (read
# back by Python's csv module to the same values as the JSON record, CRLF
# line ends, commas, quotes and line breaks quoted, control characters
# shown as in TSV) with TSV's header and fields; markdown is the title as a
# heading and the paragraphs, with prose that looks like markup escaped.
source "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
seeds=fixtures/seeds

run extract --format csv "$seeds"
check "csv: exit 0" test "$rc" = 0
check "csv: every line ends in CRLF" bash -c '[[ $(grep -c $'"'"'\r$'"'"' "$0") == $(wc -l <"$0") ]]' "$WORK/out"
"$WINNOW" extract --format tsv "$seeds" >"$WORK/tsv"
check "csv: the header of TSV" test "$(head -1 "$WORK/out" | tr -d '\r')" = "$(head -1 "$WORK/tsv" | tr '\t' ',')"

"$WINNOW" extract --format csv --fields id,title,date,sources,text "$seeds" >"$WORK/csv"
"$WINNOW" extract "$seeds" >"$WORK/json"
check "csv: read back by a CSV parser, the JSON record's values (strings as they are, lists as JSON)" "$py" - "$WORK/csv" "$WORK/json" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
records = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert rows[0] == ["id", "title", "date", "sources", "text"], rows[0]
assert len(rows) == len(records) + 1, (len(rows), len(records))
for row, rec in zip(rows[1:], records):
    assert row[0] == rec["id"] and row[1] == (rec["title"] or "") and row[2] == (rec["date"] or ""), row[:3]
    assert json.loads(row[3]) == rec["sources"], row[3]
    assert row[4] == rec["text"], row[0]
PY

printf '%s\n' '{"id":"a,\"b\"\u001b","text":"Prices, \"quotes\" and lines\n\n1995. The year the market opened, and prices rose steadily across the region for a decade afterwards.\n# Not a heading but a line of the article that starts with a hash sign in the scraped text.\n*Stars* and _underscores_ and <b>tags</b> and [links](x) are text here, written by the article author."}' >"$WORK/tricky.jsonl"
run extract --format csv --fields id,title "$WORK/tricky.jsonl"
check "csv: quotes doubled, commas quoted, ESC shown as \\x1b" \
  test "$(sed -n 2p "$WORK/out")" = "$(printf '"a,""b""\\x1b","Prices, ""quotes"" and lines"\r')"

run extract --format markdown "$WORK/tricky.jsonl"
check "markdown: the title as a heading" test "$(head -1 "$WORK/out")" = '# Prices, "quotes" and lines'
check "markdown: paragraphs separated by a blank line" test "$(sed -n 2p "$WORK/out")" = ""
check "markdown: '1995.' at a line's start is not a numbered list" grep -qx '1995\\. The year the market opened.*' "$WORK/out"
check "markdown: '#' at a line's start is not a heading" grep -q '^\\# Not a heading' "$WORK/out"
check "markdown: * _ < [ ] escaped" grep -qF '\*Stars\* and \_underscores\_ and \<b>tags\</b> and \[links\](x)' "$WORK/out"

run extract --format markdown "$seeds"
check "markdown: a heading per titled document (4; the blog repost has no title), a blank line before each" \
  bash -c '[[ $(grep -c "^# " "$0") == 4 ]] && awk '"'"'prev != "" && /^# / { bad = 1 } { prev = $0 } END { exit bad }'"'"' "$0"' "$WORK/out"
run dedup --emit unique --format csv --fields id,title "$seeds"
check "dedup --emit unique --format csv: the kept records (4 of 5) and a header" test "$(wc -l <"$WORK/out")" = 5
run dedup --emit unique --format markdown --fields id "$seeds"
check "dedup --format markdown --fields: refused (markdown has no fields)" test "$rc" = 2
finish
