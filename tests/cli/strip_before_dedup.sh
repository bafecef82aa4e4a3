#!/usr/bin/env bash
# Why stripping comes first: on the raw dumps, the shared osce.org menu makes
# unrelated articles look like copies; on the cleaned text only 000/002 match.
source "$(dirname "$0")/lib.sh"
run dedup --emit groups fixtures/seeds
check "cleaned: exactly one group" test "$(wc -l <"$WORK/out")" = 1
check "cleaned: the group is 000 (original) + 002" \
  grep -q '"original":"fixtures/seeds/000_63f0391d745259ed.txt","members":\["fixtures/seeds/000_63f0391d745259ed.txt","fixtures/seeds/002_6ba652603ef8cee0.txt"\]' "$WORK/out"

run dedup --no-strip --emit pairs fixtures/seeds
# 001, 003 and 004 are different articles; raw, the menu makes half of each
# one look shared with every other.
for pair in "001_47bcd35a6f9d77e2 003_40b93695f5b12e5d" "001_47bcd35a6f9d77e2 004_fb904a025db9dcc0" \
            "003_40b93695f5b12e5d 004_fb904a025db9dcc0"; do
  set -- $pair
  line=$(grep "\"a\":\"fixtures/seeds/$1.txt\",\"b\":\"fixtures/seeds/$2.txt\"" "$WORK/out")
  c=$(sed -E 's/.*"containment":([0-9.]+).*/\1/' <<<"$line")
  check "raw: unrelated $1 and $2 share containment $c >= 0.45" awk -v c="$c" 'BEGIN{exit !(c >= 0.45)}'
done
run dedup --emit pairs fixtures/seeds
check "cleaned: no pair among unrelated seeds reaches containment 0.2" \
  bash -c "! grep -v '002_6ba652603ef8cee0' '$WORK/out' | grep -qE '\"containment\":0\.[2-9]'"
# At a looser threshold, the raw text merges unrelated articles; the cleaned text does not.
run dedup --no-strip --containment 0.45 --emit groups fixtures/seeds
check "raw at containment 0.45: 001, 003, 004 merged into a group" grep -q '001_47bcd35a6f9d77e2.*003_40b93695f5b12e5d' "$WORK/out"
run dedup --containment 0.45 --emit groups fixtures/seeds
check "cleaned at containment 0.45: still only {000, 002}" test "$(wc -l <"$WORK/out")" = 1
finish
