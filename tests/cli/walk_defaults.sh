#!/usr/bin/env bash
# A directory walk reads pages and corpora, not what sits beside them: a
# README, a LICENSE, a .tsv, a manifest, hidden and temporary files are
# passed over (counted in --stats' walk_skipped_by_reason); a file named on
# the command line is always read; --glob replaces the default.
source "$(dirname "$0")/lib.sh"
d="$WORK/crawl"
mkdir "$d"
cp fixtures/seeds/000_63f0391d745259ed.txt "$d/page1.txt"
printf '<html><body><p>A second page with a paragraph of text long enough to count as the article here.</p></body></html>' >"$d/page2"
echo "MIT License" >"$d/LICENSE"
echo "# About this crawl" >"$d/README.md"
printf 'url\tfile\nhttp://x/\tpage1.txt\n' >"$d/index.tsv"
echo '{"path":"page1.txt","sha1":"abc"}' >"$d/manifest.jsonl"
echo '{"gold":"x"}' >"$d/expected.json"
echo x >"$d/.hidden"
echo x >"$d/.out.jsonl.Ab12Cd"
echo x >"$d/page1.txt~"
echo x >"$d/notes.tmp"

run extract --stats "$d"
check "walk: exit 0" test "$rc" = 0
check "walk: only the 2 pages become records" test "$(grep -o '"id":"[^"]*"' "$WORK/out" | sort | tr '\n' ' ')" = "\"id\":\"$d/page1.txt\" \"id\":\"$d/page2\" "
check "walk: --stats says what was passed over" \
  grep -q '"walk_skipped_by_reason":{"extension":2,"not-a-page":3,"temporary":2}' "$WORK/err"
check "walk: no MIT License article" bash -c "! grep -q 'MIT License' '$WORK/out'"

run extract -q "$d/LICENSE"
check "named on the command line: always read" grep -q 'MIT License' "$WORK/out"

run extract -q --glob 'LICENSE' "$d"
check "--glob replaces the default" test "$(grep -c '"id"' "$WORK/out")" = 1

run extract -q fixtures
check "fixtures/gold/*.json are not read as documents" bash -c "! grep -q 'fixtures/gold/[0-9]*[.]json' '$WORK/out'"
finish
