#!/usr/bin/env bash
# winnow dedup --index: ten generated nights, one at a time, give the groups
# and originals of one run over all of them (--basic-originals); statuses; --dry-run; --emit
# unique; refused files (foreign, damaged, read-only, full disk, other
# options); a bad record skipped while the others are indexed.
source "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
/usr/bin/python3 "$root/tests/index/make_nights.py" "$root/fixtures/gold" "$WORK/n" 10 30 1
db=$WORK/n.db
for i in 01 02 03 04 05 06 07 08 09 10; do
  "$WINNOW" dedup -q --index "$db" --night 2026-11-$i "$WORK/n/night-$i.jsonl" >"$WORK/n/out-$i.jsonl"
  check "night $i: exit 0" test $? = 0
done
"$WINNOW" index export "$db" >"$WORK/export.jsonl"
"$WINNOW" dedup -q --basic-originals --emit groups "$WORK/n/all.jsonl" >"$WORK/groups.jsonl"
/usr/bin/python3 "$root/tests/index/groups.py" export "$WORK/export.jsonl" >"$WORK/nightly.txt"
/usr/bin/python3 "$root/tests/index/groups.py" groups "$WORK/groups.jsonl" >"$WORK/big.txt"
check "the nights found groups" test "$(wc -l <"$WORK/nightly.txt")" -ge 50
# The index keeps each document's shingle set, not its outline (text order
# and words), so it chooses originals without issue 19's structure and
# spelling rules: the one run to compare with is --basic-originals.
check "same groups and originals as one run over all nights" diff "$WORK/big.txt" "$WORK/nightly.txt"
count() { cat "$WORK"/n/out-*.jsonl | grep -c "$1"; }
check "copies across nights reported" test "$(count '"status":"copy"')" -ge 50
check "re-crawls reported as repeats, never as copies of themselves" test "$(count '"status":"repeat"')" -ge 10
check "changed content reported" test "$(count '"status":"changed"')" -ge 5
check "a later better original is reported" test "$(count '"supersedes":{')" -ge 1
check "a copy names its original's first-seen date" grep -q '"of":{"id":"[^"]*","url":"https://[^"]*","first_seen":"2026-11-0' "$WORK/n/out-05.jsonl"
check "a repeat is not a copy of itself" bash -c "! grep '\"status\":\"repeat\"' $WORK/n/out-*.jsonl | grep -q '\"of\":{\"id\":\"\([^\"]*\)\".*\"id\":\"\1\"'"
run index check "$db"
check "index check: sound" test "$rc:$(cat "$WORK/out")" = '0:{"ok":true,"problems":0}'
check "changed documents leave no band keys of their old content (42 a document)" /usr/bin/python3 -c '
import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); b=c.execute("select count(*) from bands").fetchone()[0]; d=c.execute("select count(*) from docs").fetchone()[0]
assert b == 42 * d, (b, d)' "$db"
check "the index holds every distinct id" test "$(wc -l <"$WORK/export.jsonl")" = "$(wc -l <"$WORK/n/all.jsonl")"

# Everything seen, again: all repeats, nothing to pass on.
"$WINNOW" dedup -q --dry-run --index "$db" --emit unique "$WORK/n/all.jsonl" >"$WORK/u.txt"
check "--emit unique writes ids of new originals only" test ! -s "$WORK/u.txt"

# --dry-run: the same report, the index unchanged.
printf '{"id":"late/1","url":"https://late.example/1","text":"%s"}\n' "$(head -c 3000 "$WORK/n/all.jsonl" | tr -dc 'a-zA-Z ' )" >"$WORK/late.jsonl"
cat "$WORK/n/night-03.jsonl" >>"$WORK/late.jsonl"
before=$(sha256sum <"$WORK/export.jsonl")
run dedup -q --dry-run --index "$db" --night 2026-11-11 "$WORK/late.jsonl"
cp "$WORK/out" "$WORK/dry.jsonl"
"$WINNOW" index export "$db" >"$WORK/export2.jsonl"
check "--dry-run: exit 0" test "$rc" = 0
check "--dry-run: index unchanged" test "$(sha256sum <"$WORK/export2.jsonl")" = "$before"
check "--dry-run: the new document is reported new" grep -q '"id":"late/1","status":"new"' "$WORK/dry.jsonl"
run dedup -q --index "$db" --night 2026-11-11 "$WORK/late.jsonl"
check "the real run reports what the dry run did" diff "$WORK/dry.jsonl" "$WORK/out"
run dedup -q --index "$db" --emit unique --night 2026-11-12 "$WORK/late.jsonl"
check "--emit unique after the night: nothing new to pass on" test "$rc:$(wc -c <"$WORK/out")" = "0:0"

# --emit unique --format json: the kept documents' records themselves.
seeds=$root/fixtures/seeds
run dedup -q --index "$WORK/seeds.db" --emit unique --format json --fields id,title "$seeds/000_"*.txt "$seeds/001_"*.txt
check "--format json, night one: both records" test "$rc:$(grep -c '"title":' "$WORK/out")" = "0:2"
run dedup -q --index "$WORK/seeds.db" --emit unique --format json --fields id,title "$seeds/002_"*.txt "$seeds/003_"*.txt
check "--format json, night two: the repost of 000 is not passed on, 003 is" \
  test "$(grep -c '"id":"' "$WORK/out"):$(grep -c '003_' "$WORK/out")" = "1:1"

# Refused files, never written.
printf 'not a database, a list of names\n' >"$WORK/foreign.txt"
sum=$(sha256sum <"$WORK/foreign.txt")
run dedup -q --index "$WORK/foreign.txt" "$WORK/n/night-01.jsonl"
check "foreign file: exit 3, a clear line" test "$rc" = 3 -a "$(grep -c 'not a winnow index' "$WORK/err")" = 1
check "foreign file: untouched" test "$(sha256sum <"$WORK/foreign.txt")" = "$sum"
/usr/bin/python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()" "$WORK/other.db"
sum=$(sha256sum <"$WORK/other.db")
run dedup -q --index "$WORK/other.db" "$WORK/n/night-01.jsonl"
check "another program's SQLite file: exit 3, untouched" test "$rc" = 3 -a "$(sha256sum <"$WORK/other.db")" = "$sum"
check "another program's SQLite file: named as such" grep -q 'SQLite database but not a winnow index' "$WORK/err"
run dedup -q --index "$db" --shingle-size 7 "$WORK/n/night-01.jsonl"
check "other options than the index's: exit 2, named" test "$rc" = 2 -a "$(grep -c 'built with --shingle-size 5' "$WORK/err")" = 1
cp "$db" "$WORK/damaged.db"
"$WINNOW" index vacuum "$WORK/damaged.db"
size=$(stat -c %s "$WORK/damaged.db")
dd if=/dev/urandom of="$WORK/damaged.db" bs=4096 seek=$((size / 4096 / 2)) count=8 conv=notrunc 2>/dev/null
run index check "$WORK/damaged.db"
check "a damaged index: check says so, exit 3" test "$rc" = 3 -a -s "$WORK/err"
if [[ $(id -u) = 0 ]] && command -v setpriv >/dev/null; then
  cp "$db" "$WORK/ro.db" && chmod 644 "$WORK/ro.db"
  sum=$(sha256sum <"$WORK/ro.db")
  setpriv --reuid=65534 --regid=65534 --clear-groups "$WINNOW" dedup -q --index "$WORK/ro.db" "$WORK/late.jsonl" \
    >"$WORK/out" 2>"$WORK/err"
  rc=$?
else
  cp "$db" "$WORK/ro.db" && chmod 444 "$WORK/ro.db"
  sum=$(sha256sum <"$WORK/ro.db")
  run dedup -q --index "$WORK/ro.db" "$WORK/late.jsonl"
fi
check "read-only index: exit 3, a clear line" test "$rc" = 3 -a "$(grep -c 'read-only' "$WORK/err")" = 1
check "read-only index: unchanged" test "$(sha256sum <"$WORK/ro.db")" = "$sum"
# A full disk, as a file size limit: SIGXFSZ ignored, so writes fail with EFBIG.
cp "$db" "$WORK/full.db"
"$WINNOW" index export "$WORK/full.db" >"$WORK/full-before.jsonl"
/usr/bin/python3 "$root/tests/index/make_nights.py" "$root/fixtures/gold" "$WORK/fresh" 1 60 2
(trap '' XFSZ; ulimit -f 64; \
  exec "$WINNOW" dedup -q --index "$WORK/full.db" --night 2026-12-01 "$WORK/fresh/night-01.jsonl") >"$WORK/out" 2>"$WORK/err"
rc=$?
check "full disk: exit 3, a clear line" test "$rc" = 3 -a "$(wc -l <"$WORK/err")" = 1
"$WINNOW" index export "$WORK/full.db" >"$WORK/full-after.jsonl"
check "full disk: index unchanged and sound" cmp -s "$WORK/full-before.jsonl" "$WORK/full-after.jsonl"
check "full disk: index check passes" bash -c "\"$WINNOW\" index check \"$WORK/full.db\" >/dev/null"

# A record that cannot be read is named and skipped; the others are indexed.
{ echo '{"id":"ok/1","url":"u1","text":"A first article about a border course held in the capital for fifty officers this week"}'
  echo '{"id":"broken", "text": "unterminated'
  echo '{"id":"ok/2","url":"u2","text":"A second article about an election observation mission opening in the autumn of next year"}'; } >"$WORK/bad.jsonl"
run dedup --index "$WORK/bad.db" "$WORK/bad.jsonl"
check "bad record: exit 0, named on stderr" test "$rc" = 0 -a "$(grep -c 'bad.jsonl' "$WORK/err")" -ge 1
check "bad record: the others indexed" test "$("$WINNOW" index export "$WORK/bad.db" | wc -l)" = 2
finish
