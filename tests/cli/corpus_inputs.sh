#!/usr/bin/env bash
# Corpus inputs: --glob, --files-from, compressed stdin, JSONL fed back in,
# WARC written by wget, and the output options --fields, --format tsv, -o.
source "$(dirname "$0")/lib.sh"
seeds=fixtures/seeds
s000=$seeds/000_63f0391d745259ed.txt
s004=$seeds/004_fb904a025db9dcc0.txt

# --glob selects files found in directories, at any depth.
mkdir -p "$WORK/tree/sub/deeper"
cp "$s000" "$WORK/tree/a.txt"
cp "$s004" "$WORK/tree/sub/deeper/b.txt"
cp "$s004" "$WORK/tree/sub/skip.dat"
run extract --glob '*.txt' --fields id "$WORK/tree"
check "--glob: files matching at every depth, in sorted order" \
  test "$(cat "$WORK/out")" = "$(printf '{"id":"%s"}\n{"id":"%s"}' "$WORK/tree/a.txt" "$WORK/tree/sub/deeper/b.txt")"
check "--glob: exit 0" test "$rc" = 0

# An unreadable file met in a directory walk: named, skipped, the walk goes on.
mkdir -p "$WORK/walk"
cp "$s000" "$WORK/walk/1.txt"
printf 'secret\n' >"$WORK/walk/2.txt"
chmod 000 "$WORK/walk/2.txt"
cp "$s004" "$WORK/walk/3.txt"
chmod -R a+rX "$WORK/walk" && chmod 000 "$WORK/walk/2.txt"
if [[ $(id -u) = 0 ]] && command -v setpriv >/dev/null; then
  setpriv --reuid=65534 --regid=65534 --clear-groups "$WINNOW" extract --fields id "$WORK/walk" >"$WORK/out" 2>"$WORK/err"
  rc=$?
else
  run extract --fields id "$WORK/walk"
fi
check "walk, unreadable file: exit 0" test "$rc" = 0
check "walk, unreadable file: named with the reason" grep -q "^winnow: $WORK/walk/2.txt: Permission denied (skipped)" "$WORK/err"
check "walk, unreadable file: the files around it read" test "$(grep -c '"id"' "$WORK/out")" = 2

# --files-from: one path per line, blank lines ignored, read after the arguments.
printf '%s\n\n%s\n' "$s004" "$s000" >"$WORK/list"
run extract --fields id --files-from "$WORK/list"
check "--files-from: listed order" \
  test "$(cat "$WORK/out")" = "$(printf '{"id":"%s"}\n{"id":"%s"}' "$s004" "$s000")"
run extract --fields id --files-from - <"$WORK/list"
check "--files-from -: the list on stdin" test "$(grep -c . "$WORK/out")" = 2

# Compressed input by content, on stdin too.
"$WINNOW" extract --format text "$s004" >"$WORK/plain" 2>/dev/null
gzip -c "$s004" | "$WINNOW" extract --format text - >"$WORK/fromgz" 2>"$WORK/err"
check "stdin gzip: same text as the plain file" cmp -s "$WORK/plain" "$WORK/fromgz"
zstd -q -c "$s004" >"$WORK/page.bin"
run extract --format text "$WORK/page.bin"
check "zstd file without a telling name: same text" cmp -s "$WORK/plain" "$WORK/out"
gzip -c "$s004" | head -c 300 >"$WORK/cut.gz"
run extract "$s000" "$WORK/cut.gz"
check "truncated gzip: exit 0" test "$rc" = 0
check "truncated gzip: the file and the offset named" grep -q "cut.gz: truncated gzip data: the member starting at compressed byte 0 ends early (skipped)" "$WORK/err"
check "truncated gzip: the other input kept" grep -q "000_63f0391d745259ed" "$WORK/out"

# JSONL: winnow's own output reads back in, ids kept; a broken line is named.
run extract -o "$WORK/first.jsonl" "$seeds"
{ head -n 2 "$WORK/first.jsonl"; echo '{"id": "broken",'; tail -n 3 "$WORK/first.jsonl"; } >"$WORK/mixed.jsonl"
run extract --fields id "$WORK/mixed.jsonl"
check "JSONL in: five records with their ids" test "$(grep -c '"id":"fixtures/seeds/' "$WORK/out")" = 5
check "JSONL in: the broken line reported by number" grep -q "mixed.jsonl: line 3: invalid JSON" "$WORK/err"
check "JSONL in: exit 0" test "$rc" = 0
cp "$WORK/out" "$WORK/from_jsonl"
# The same file under a name that does not say JSONL, among other files in a
# directory: still cut into records by content, in order, at any -j.
mkdir -p "$WORK/misnamed"
cp "$WORK/mixed.jsonl" "$WORK/misnamed/b_export.txt"
cp "$s000" "$WORK/misnamed/a.txt"
cp "$s004" "$WORK/misnamed/c.txt"
run extract -j 2 --fields id "$WORK/misnamed"
check "JSONL named .txt in a directory: its records between the files around it" \
  test "$(cat "$WORK/out")" = "$( (echo "{\"id\":\"$WORK/misnamed/a.txt\"}"; cat "$WORK/from_jsonl"; echo "{\"id\":\"$WORK/misnamed/c.txt\"}") )"
check "JSONL named .txt: the broken line reported" grep -q "b_export.txt: line 3: invalid JSON" "$WORK/err"

# Order is input order whatever -j: many records of one JSONL file.
for i in $(seq 1 500); do
  printf '{"id":"r%d","text":"Record %d. %s"}\n' "$i" "$i" "$(head -c $((i * 7 % 900 + 50)) /dev/zero | tr '\0' 'w' | sed 's/wwwww/word /g')"
done >"$WORK/order.jsonl"
"$WINNOW" extract -j 1 --fields id "$WORK/order.jsonl" >"$WORK/j1" 2>/dev/null
"$WINNOW" extract -j 2 --fields id "$WORK/order.jsonl" >"$WORK/j2" 2>/dev/null
check "JSONL, -j 1 and -j 2: same records, in input order" \
  bash -c "cmp -s '$WORK/j1' '$WORK/j2' && test \$(wc -l <'$WORK/j1') = 500 && head -n 1 '$WORK/j1' | grep -q r1"

# --format tsv: a header, then one line per record, tabs and newlines escaped.
run extract --format tsv "$seeds"
check "tsv: header line" test "$(head -n 1 "$WORK/out")" = "$(printf 'id\turl\tfetch_date\ttype\ttitle\tdate\tplace\tsnippet')"
check "tsv: 1 + 5 lines" test "$(wc -l <"$WORK/out")" = 6
check "tsv: 8 columns on every line" awk -F'\t' 'NF != 8 { exit 1 }' "$WORK/out"
run extract --format tsv --fields id,text "$s000"
check "tsv --fields: multi-line text on one line, newlines as \\n" \
  bash -c "test \$(wc -l <'$WORK/out') = 2 && grep -q 'measures\\\\nKHMELNYTSKY' '$WORK/out'"
run extract --fields title,id "$s000"
check "--fields: chosen fields in chosen order" grep -qE '^\{"title":"OSCE Project[^"]*","id":"fixtures/seeds/000_63f0391d745259ed.txt"\}$' "$WORK/out"
run extract --fields id,nonsense "$s000"
check "--fields with an unknown name: exit 2" test "$rc" = 2
check "--fields with an unknown name: lists the valid ones" grep -q 'fields are: id, url, canonical_url, source, fetch_date' "$WORK/err"

# -o with TSV: atomic, complete.
run extract --format tsv -o "$WORK/out.tsv" "$seeds"
check "-o tsv: written" test "$(wc -l <"$WORK/out.tsv")" = 6

# dedup --emit unique --format json: the kept documents' cleaned records.
run dedup --emit unique --format json "$seeds"
check "dedup --format json: 4 records kept (002 is a copy of 000)" test "$(wc -l <"$WORK/out")" = 4
check "dedup --format json: the records are extract's" \
  cmp -s <(grep -v 002_6ba652603ef8cee0 "$WORK/first.jsonl") "$WORK/out"
"$WINNOW" dedup --emit unique --format text - <"$WORK/first.jsonl" >"$WORK/out" 2>/dev/null
check "dedup --format text from stdin (spill, no second read)" grep -q 'OSCE launches innovative project' "$WORK/out"
run dedup --emit groups --format json "$seeds"
check "dedup --format without --emit unique: exit 2" test "$rc" = 2

# WARC as wget writes it, from a crawl of a local server (loopback only).
if command -v wget >/dev/null && command -v python3 >/dev/null; then
  mkdir -p "$WORK/site"
  cp "$s000" "$WORK/site/press.txt"
  printf -- '- Home\n- About\n- Contact\n- News\n- Jobs\n- Press\n' >"$WORK/site/menu.txt"
  printf '<html><body><a href="press.txt">press</a> <a href="menu.txt">menu</a> <a href="gone.html">gone</a></body></html>' \
    >"$WORK/site/index.html"
  python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$WORK/site" >"$WORK/server.log" 2>&1 &
  server=$!
  # A loaded machine may take seconds to start Python: wait up to 30 s, and
  # let wget retry a refused connection.
  for _ in $(seq 300); do grep -q 'port' "$WORK/server.log" && break; sleep 0.1; done
  port=$(grep -oE 'port [0-9]+' "$WORK/server.log" | grep -oE '[0-9]+')
  check "the local server started" test -n "$port"
  (cd "$WORK" && wget -q -r -l 1 -e robots=off --no-proxy --retry-connrefused --tries=5 --waitretry=1 \
    --warc-file=crawl --no-warc-keep-log -P dl "http://127.0.0.1:$port/")
  kill "$server"
  wait "$server" 2>/dev/null
  check "wget wrote a .warc.gz" test -s "$WORK/crawl.warc.gz"
  run extract --stats -q --fields id,url,fetch_date,title "$WORK/crawl.warc.gz"
  check "wget WARC: the text response is a record with its full URL" \
    grep -qE "^\{\"id\":\"urn:uuid:[0-9a-f-]+\",\"url\":\"http://127.0.0.1:$port/press.txt\",\"fetch_date\":\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z\",\"title\":\"OSCE Project" "$WORK/out"
  # wget retries a refused connection (--retry-connrefused), so the number of
  # request records varies with the load: any count is right.
  check "wget WARC: requests, warcinfo, metadata and the 404 passed over and counted" \
    grep -qE '"filtered_by_reason":\{"http:non-2xx":1,"warc:metadata":1,"warc:request":[0-9]+,"warc:resource":1,"warc:warcinfo":1\}' "$WORK/err"
  run extract --fields id "$WORK/crawl.warc.gz"
  check "wget WARC: a record with no article is named by file, record number and offset" \
    grep -qE "^winnow: $WORK/crawl.warc.gz: WARC record [0-9]+ at byte [0-9]+ \(urn:uuid:[0-9a-f-]+\): no article text found \(skipped\)$" "$WORK/err"
  mkdir -p "$WORK/crawldir"
  cp "$WORK/crawl.warc.gz" "$WORK/crawldir/crawl.data"
  run extract -q --stats --glob "*" --fields id,url "$WORK/crawldir"  # .data is not a page name by default: --glob reads it
  check "wget WARC named .data in a directory: same records, same counts" \
    bash -c "grep -q 'press.txt' '$WORK/out' && grep -qE '\"warc:request\":[0-9]+' '$WORK/err'"
  gzip -dc "$WORK/crawl.warc.gz" >"$WORK/crawl.warc"
  run extract -q --fields url "$WORK/crawl.warc"
  check "wget WARC, decompressed: same record" grep -q "press.txt" "$WORK/out"
else
  check "wget and python3 are installed (.ci/packages.txt)" false
fi
finish
