#!/usr/bin/env bash
# winnow index stats|show|export|forget|vacuum|check on four generated
# nights: figures that agree with the export, a document's group and
# original, forget dropping what was last seen before a date (and the groups
# left are those of one run over the documents kept), vacuum, and check
# finding a damaged shingle set and a wrong frequency table.
source "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
py=/usr/bin/python3
$py "$root/tests/index/make_nights.py" "$root/fixtures/gold" "$WORK/n" 4 30 5
db=$WORK/i.db
for i in 01 02 03 04; do "$WINNOW" dedup -q --index "$db" --night 2026-11-$i "$WORK/n/night-$i.jsonl" >/dev/null; done
"$WINNOW" index export "$db" >"$WORK/export.jsonl"
check "export: one valid JSON line per document" $py -c '
import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; assert rows and all("original" in r and "first_seen" in r for r in rows)' "$WORK/export.jsonl"
run index stats "$db"
check "stats: documents and nights agree with the export" $py -c '
import json,sys; s=json.load(open(sys.argv[1])); n=sum(1 for _ in open(sys.argv[2]))
assert s["documents"]==n and s["nights"]==4 and s["first_night"]=="2026-11-01" and s["last_night"]=="2026-11-04", s
assert s["groups"]>0 and s["bytes"]>0' "$WORK/out" "$WORK/export.jsonl"
copy=$($py -c '
import json,sys
for l in open(sys.argv[1]):
    r=json.loads(l)
    if r["original"]!=r["id"]: print(r["id"], r["original"]); break' "$WORK/export.jsonl")
run index show "$db" "${copy% *}"
check "show: a copy names its original and group" $py -c '
import json,sys; r=json.load(open(sys.argv[1])); assert r["role"]=="copy" and r["original"]["id"]==sys.argv[2] and r["group_size"]>=2, r' "$WORK/out" "${copy#* }"
run index show "$db" no/such/id
check "show: an unknown id, exit 3 and one line" test "$rc" = 3 -a "$(grep -c 'no document no/such/id' "$WORK/err")" = 1
run index stats "$WORK/missing.db"
check "a missing index: exit 3, not created" test "$rc" = 3 -a ! -e "$WORK/missing.db"

run index forget "$db" --before garbage
check "forget: a mistyped date is a usage error (it would sort after every date)" test "$rc" = 2
check "... and forgets nothing" cmp -s "$WORK/export.jsonl" <("$WINNOW" index export "$db")
# forget --before: the documents last seen before the date go.
expected=$($py -c '
import json,sys; print(sum(json.loads(l)["last_seen"]<"2026-11-03" for l in open(sys.argv[1])))' "$WORK/export.jsonl")
run index forget "$db" --before 2026-11-03
check "forget: says how many it dropped ($expected)" test "$rc:$(cat "$WORK/out")" = "0:{\"forgotten\":$expected}"
"$WINNOW" index export "$db" >"$WORK/kept.jsonl"
check "forget: nothing last seen before the date is left" $py -c '
import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; assert rows and all(r["last_seen"]>="2026-11-03" for r in rows)' "$WORK/kept.jsonl"
run index check "$db"
check "forget: the frequencies went with them (check passes)" test "$rc" = 0
# The groups left: those of one run over the kept documents (last content, first-seen order).
$py -c '
import json,sys
kept={json.loads(l)["id"] for l in open(sys.argv[1])}
with open(sys.argv[3],"w") as out:
    for l in open(sys.argv[2]):
        if json.loads(l)["id"] in kept: out.write(l)' "$WORK/kept.jsonl" "$WORK/n/all.jsonl" "$WORK/kept-docs.jsonl"
"$WINNOW" dedup -q --basic-originals --emit groups "$WORK/kept-docs.jsonl" >"$WORK/kept-groups.jsonl"
check "forget: the groups left are one run's over the documents kept" \
  diff <($py "$root/tests/index/groups.py" groups "$WORK/kept-groups.jsonl") <($py "$root/tests/index/groups.py" export "$WORK/kept.jsonl")

size_before=$(stat -c %s "$db")
run index vacuum "$db"
check "vacuum: exit 0, the file no larger" test "$rc" = 0 -a "$(stat -c %s "$db")" -le "$size_before"
check "vacuum: the same documents" cmp -s "$WORK/kept.jsonl" <("$WINNOW" index export "$db")

# check finds what integrity_check cannot: a shingle set that does not decode, a wrong count.
cp "$db" "$WORK/bad.db"
$py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE docs SET shingles = x'"'"'0a0000ffff00'"'"' WHERE seq = (SELECT min(seq) FROM docs)"); c.commit()' "$WORK/bad.db"
run index check "$WORK/bad.db"
check "check: a damaged shingle set, exit 3" test "$rc" = 3 -a "$(grep -c 'does not decode' "$WORK/err")" = 1
check "check: ... and the counts it no longer matches" grep -q 'frequency table' "$WORK/err"
finish
