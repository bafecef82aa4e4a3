# original_reason (issue 19): in --emit groups, in the records, and on stderr
# with --explain; "policy" when --keep is not original.
source "$(dirname "$0")/lib.sh"
run dedup --emit groups --explain fixtures/seeds
check "groups: the group of 000 and 002 says why 000 is its original" \
  grep -q '"original":"fixtures/seeds/000_63f0391d745259ed.txt",.*"original_reason":"official"}' "$WORK/out"
check "--explain: one line per group with its original and reason" \
  grep -qx 'winnow: dedup: g1: original fixtures/seeds/000_63f0391d745259ed.txt (official), 2 members' "$WORK/err"
run dedup fixtures/seeds
check "records: members carry the group's reason" \
  grep -q '"id":"fixtures/seeds/002_6ba652603ef8cee0.txt",.*"original_reason":"official"' "$WORK/out"
check "records: a unique document's reason is null" \
  grep -q '"id":"fixtures/seeds/001_47bcd35a6f9d77e2.txt",.*"original_reason":null' "$WORK/out"
run dedup --keep longest --emit groups fixtures/seeds
check "--keep longest: the reason is policy" grep -q '"original_reason":"policy"' "$WORK/out"
finish
