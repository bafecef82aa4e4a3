#!/usr/bin/env bash
# Issue 15, point 6: the fetched URL is kept as `url`, the page's own
# canonical link beside it as `canonical_url` (resolved against the fetched
# URL), `source` says where the record can be found again, `dedup` records
# carry both URLs, and --keep-fields passes a JSONL record's fields through.
# On main before this, a WARC record's url was its page's canonical link
# ("/en/node/123", unresolved) and a JSONL record's own url was replaced the
# same way.
source "$(dirname "$0")/lib.sh"

# The same article four ways: a WARC (after a warcinfo record, so the response
# does not start at byte 0) and a .warc.gz with a gzip member per record, both
# with a relative canonical; a JSONL export with its own url and an absolute
# canonical in the html; a plain HTML file with a relative canonical.
/usr/bin/python3 - "$WORK" <<'PY'
import gzip, json, sys
work = sys.argv[1]
prose = "".join(
    f"<p>The mission trained {n} police officers in the region this week, the organisers said, and the "
    f"course will continue in the spring with a second group of trainees from the border districts.</p>"
    for n in (120, 80, 45, 60))
def page(canonical):
    return (f'<html><head><title>Police training in the region</title>{canonical}</head><body>'
            f'<article><h1>Police training in the region</h1>{prose}</article></body></html>')
def record(headers, block):
    head = "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(block)}\r\n"
    return b"WARC/1.1\r\n" + head.encode() + b"\r\n" + block + b"\r\n\r\n"
info = record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:uuid:info>")], b"software: test\r\n")
html = page('<link rel="canonical" href="/en/node/123">').encode()
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
response = record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:resp>"),
                   ("WARC-Target-URI", "https://www.osce.org/ukraine/item_1?print=1"),
                   ("WARC-Date", "2024-05-01T10:20:30Z")], http)
open(f"{work}/crawl.warc", "wb").write(info + response)
open(f"{work}/info_length", "w").write(str(len(info)))
with open(f"{work}/crawl.warc.gz", "wb") as f:
    f.write(gzip.compress(info) + gzip.compress(response))
open(f"{work}/info_member_length", "w").write(str(len(gzip.compress(info))))
rows = [
    {"id": "first", "url": "https://example.org/other", "text": "A short other page of prose about something else "
     "entirely, written for the test, with enough words to be an article of its own."},
    {"id": "mine", "url": "https://mirror.example/osce/123", "lang": "en", "crawl": {"n": [1, 2.5], "ok": True},
     "bad": "caf\udce9", "html": page('<link rel="canonical" href="https://www.osce.org/en/node/123">')},
]
with open(f"{work}/export.jsonl", "wb") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogateescape") + b"\n")
open(f"{work}/saved.html", "w").write(page('<link rel="canonical" href="/en/node/123">'))
open(f"{work}/saved_absolute.html", "w").write(page('<link rel="canonical" href="https://www.osce.org/en/node/7">'))
PY

# field FILE ID EXPR: the Python value of EXPR on the record with that id.
field() {
  /usr/bin/python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r.get("id") == sys.argv[2] or r.get("a") == sys.argv[2]:
        print(json.dumps(eval(sys.argv[3]), sort_keys=True)); break
else:
    print("no record " + sys.argv[2])' "$@"
}

run extract "$WORK/crawl.warc"
cp "$WORK/out" "$WORK/crawl.json"
check "WARC: exit 0" test "$rc" = 0
check "WARC: url is WARC-Target-URI" test "$(field "$WORK/out" urn:uuid:resp 'r["url"]')" = '"https://www.osce.org/ukraine/item_1?print=1"'
check "WARC: canonical_url is the relative canonical resolved against it" \
  test "$(field "$WORK/out" urn:uuid:resp 'r["canonical_url"]')" = '"https://www.osce.org/en/node/123"'
check "WARC: source is the file and the record's byte offset" \
  test "$(field "$WORK/out" urn:uuid:resp 'r["source"]')" = "{\"file\": \"$WORK/crawl.warc\", \"offset\": $(cat "$WORK/info_length")}"
offset=$(field "$WORK/out" urn:uuid:resp 'r["source"]["offset"]')
check "WARC: the record is found again at that offset" \
  test "$(tail -c +$((offset + 1)) "$WORK/crawl.warc" | head -n 3 | tr -d '\r' | tail -n 1)" = "WARC-Record-ID: <urn:uuid:resp>"

run extract "$WORK/crawl.warc.gz"
check "WARC.gz: the same url and canonical_url" \
  test "$(field "$WORK/out" urn:uuid:resp '[r["url"], r["canonical_url"]]')" = '["https://www.osce.org/ukraine/item_1?print=1", "https://www.osce.org/en/node/123"]'
check "WARC.gz: the offset is in the decompressed stream, as in messages" \
  test "$(field "$WORK/out" urn:uuid:resp 'r["source"]["offset"]')" = "$(cat "$WORK/info_length")"
check "WARC.gz: found again there with zcat" \
  test "$offset" -gt 0 && test "$(zcat "$WORK/crawl.warc.gz" | tail -c +$((offset + 1)) | head -c 8)" = "WARC/1.1"
gzip_offset=$(field "$WORK/out" urn:uuid:resp 'r["source"]["gzip_offset"]')
check "WARC.gz: gzip_offset is where the record's member starts (the warcinfo member before it)" \
  test "$gzip_offset" = "$(cat "$WORK/info_member_length")"
check "WARC.gz: found again from gzip_offset, as with a CDX index" \
  test "$(tail -c +$((gzip_offset + 1)) "$WORK/crawl.warc.gz" | zcat | head -n 3 | tr -d '\r' | tail -n 1)" = "WARC-Record-ID: <urn:uuid:resp>"
check "WARC (plain): no gzip_offset" test "$(field "$WORK/crawl.json" urn:uuid:resp '"gzip_offset" in r["source"]')" = false

run extract "$WORK/export.jsonl"
check "JSONL: exit 0" test "$rc" = 0
check "JSONL: url is the record's own url field" test "$(field "$WORK/out" mine 'r["url"]')" = '"https://mirror.example/osce/123"'
check "JSONL: canonical_url is the page's canonical, beside it" \
  test "$(field "$WORK/out" mine 'r["canonical_url"]')" = '"https://www.osce.org/en/node/123"'
check "JSONL: source is the file and the line" \
  test "$(field "$WORK/out" mine 'r["source"]')" = "{\"file\": \"$WORK/export.jsonl\", \"line\": 2}"
check "JSONL: no --keep-fields, kept_fields is null" test "$(field "$WORK/out" mine 'r["kept_fields"]')" = null
check "JSONL: a page with no canonical has canonical_url null" test "$(field "$WORK/out" first 'r["canonical_url"]')" = null
# --jsonl-url-field names the fetched URL's field; the canonical still does not replace it.
run extract --jsonl-url-field lang "$WORK/export.jsonl"
check "JSONL: --jsonl-url-field is what url holds" test "$(field "$WORK/out" mine 'r["url"]')" = '"en"'

run extract --keep-fields lang,crawl,missing "$WORK/export.jsonl"
check "--keep-fields: the chosen fields, untouched, in the order asked; a missing one null" \
  test "$(field "$WORK/out" mine 'list(r["kept_fields"].items())')" = '[["lang", "en"], ["crawl", {"n": [1, 2.5], "ok": true}], ["missing", null]]'
check "--keep-fields: a record without them has each as null" \
  test "$(field "$WORK/out" first 'r["kept_fields"]')" = '{"crawl": null, "lang": null, "missing": null}'
check "--keep-fields: the raw JSON is written as compact JSON" \
  grep -qF '"kept_fields":{"lang":"en","crawl":{"n":[1,2.5],"ok":true},"missing":null}' "$WORK/out"
run extract --keep-fields '*' "$WORK/export.jsonl"
check "--keep-fields '*': every field but the page, invalid bytes repaired" \
  test "$(field "$WORK/out" mine 'r["kept_fields"]')" = '{"bad": "caf\ufffd", "crawl": {"n": [1, 2.5], "ok": true}, "id": "mine", "lang": "en", "url": "https://mirror.example/osce/123"}'
check "--keep-fields '*': the output is strict UTF-8" /usr/bin/python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' <"$WORK/out"
run extract --format tsv --fields id,kept_fields --keep-fields lang "$WORK/export.jsonl"
check "--keep-fields: a TSV cell holds the object as compact JSON" grep -qF "$(printf 'mine\t{"lang":"en"}')" "$WORK/out"
run extract --keep-fields lang "$WORK/crawl.warc"
check "--keep-fields: a WARC record has none (null)" test "$(field "$WORK/out" urn:uuid:resp 'r["kept_fields"]')" = null
run extract --keep-fields '' "$WORK/export.jsonl"
check "--keep-fields with an empty name: usage error" test "$rc" = 2
check "--keep-fields with an empty name: says so" grep -q 'field name is empty' "$WORK/err"

# A plain file was not fetched: url is null, the page's link is canonical_url
# (a relative one kept as written: there is nothing to resolve it against).
run extract "$WORK/saved_absolute.html" "$WORK/saved.html"
check "plain file: url null, canonical_url its link" \
  test "$(field "$WORK/out" "$WORK/saved_absolute.html" '[r["url"], r["canonical_url"], r["source"]]')" = "[null, \"https://www.osce.org/en/node/7\", {\"file\": \"$WORK/saved_absolute.html\"}]"
check "plain file: a relative canonical kept as written" \
  test "$(field "$WORK/out" "$WORK/saved.html" 'r["canonical_url"]')" = '"/en/node/123"'

# dedup: the WARC record and the JSONL record are the same article.
run dedup "$WORK/crawl.warc" "$WORK/export.jsonl"
check "dedup records: exit 0" test "$rc" = 0
check "dedup records: url and canonical_url of the WARC record" \
  test "$(field "$WORK/out" urn:uuid:resp '[r["url"], r["canonical_url"], r["group"]]')" = '["https://www.osce.org/ukraine/item_1?print=1", "https://www.osce.org/en/node/123", "g1"]'
check "dedup records: url and canonical_url of the JSONL record" \
  test "$(field "$WORK/out" mine '[r["url"], r["canonical_url"], r["group"], r["original"]]')" = '["https://mirror.example/osce/123", "https://www.osce.org/en/node/123", "g1", "urn:uuid:resp"]'
run dedup --emit pairs "$WORK/crawl.warc" "$WORK/export.jsonl"
check "dedup pairs: both urls" \
  test "$(field "$WORK/out" urn:uuid:resp '[r["b"], r["a_url"], r["b_url"], r["duplicate"]]')" = '["mine", "https://www.osce.org/ukraine/item_1?print=1", "https://mirror.example/osce/123", true]'
run dedup --emit groups "$WORK/crawl.warc" "$WORK/export.jsonl"
check "dedup groups: the original's and the members' urls" \
  grep -qF '"original":"urn:uuid:resp","original_url":"https://www.osce.org/ukraine/item_1?print=1","members":["urn:uuid:resp","mine"],"member_urls":["https://www.osce.org/ukraine/item_1?print=1","https://mirror.example/osce/123"]' "$WORK/out"
run dedup --emit unique --format json --fields id,url,canonical_url,kept_fields --keep-fields lang "$WORK/export.jsonl" "$WORK/crawl.warc"
check "dedup --emit unique --format json: the kept record carries its urls and kept fields" \
  grep -qxF '{"id":"mine","url":"https://mirror.example/osce/123","canonical_url":"https://www.osce.org/en/node/123","kept_fields":{"lang":"en"}}' "$WORK/out"
finish
