#!/usr/bin/env bash
# A bad "html" section in a --profile file is a usage error at load (exit 2,
# nothing processed), one line naming the file, the key and the selector;
# before, the selector was dropped in silence and every page of the site fell
# back to the generic classifier.
source "$(dirname "$0")/lib.sh"
page=fixtures/html/002.html
cat >"$WORK/bad.json" <<'JSON'
{"name": "blogger", "html": {"content": ["div.post-body", "div.post[data-id]"], "title": "h3.post-title"}}
JSON
for command in extract dedup; do
  run "$command" --profile "$WORK/bad.json" "$page"
  check "$command: a bad selector in a --profile file exits 2" test "$rc" = 2
  check "$command: ... naming the file" grep -qF "$WORK/bad.json" "$WORK/err"
  check "$command: ... and the selector" grep -qF 'in selector "div.post[data-id]"' "$WORK/err"
  check "$command: ... and the key" grep -qF 'html.content:' "$WORK/err"
  check "$command: ... in one line" test "$(wc -l <"$WORK/err")" = 1
  check "$command: ... and writes nothing" test ! -s "$WORK/out"
done
echo '{"name": "blogger", "html": {"drop": [".sidebar", 7]}}' >"$WORK/nonstring.json"
run extract --profile "$WORK/nonstring.json" "$page"
check "a selector that is not a string: exit 2" test "$rc" = 2
check "... naming the file and the key" grep -qF "$WORK/nonstring.json: html.drop: must be a selector or a list of selectors" "$WORK/err"
echo '{"name": "blogger", "html": ["div.post-body"]}' >"$WORK/notobject.json"
run extract --profile "$WORK/notobject.json" "$page"
check "an html section that is not an object: exit 2" test "$rc" = 2
check "... named" grep -qF "$WORK/notobject.json: html: must be an object of selectors" "$WORK/err"
# The shipped profile, given as a --profile file, loads and is used.
run extract --profile profiles/blogger.json "$page"
check "a valid --profile html section loads (exit 0)" test "$rc" = 0
check "... and classifies the page by it" grep -q '"profile":"blogger"' "$WORK/out"
finish
