#!/usr/bin/env bash
# The README's cron recipe, its first crontab line's command exactly as
# written (cron's \% unescaped, /srv/crawl a temporary directory, winnow and
# a stub mail(1) on PATH), run on two days' fixtures: day one keeps the
# seeds 000 and 001; day two brings 002 (a blog repost of 000), a re-crawl
# of 000 and 003, and keeps 003 only; no mail is sent.
source "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
line=$(grep -m1 '^15 2 \* \* \* ' "$root/README.md")
check "the README has the recipe" test -n "$line"
check "the man page has the same line" grep -qF "$(printf '%s' "$line" | sed 's/-/\\-/g; s/\\%/\\e%/g')" "$root/man/winnow.1"
command=$(printf '%s' "$line" | cut -d' ' -f6- | sed 's/\\%/%/g; s|/srv/crawl|'"$WORK"'/crawl|')
mkdir -p "$WORK/crawl" "$WORK/bin"
ln -s "$(cd "$(dirname "$WINNOW")" && pwd)/$(basename "$WINNOW")" "$WORK/bin/winnow"
printf '#!/bin/sh\ncat >>"%s/mail.txt"\n' "$WORK" >"$WORK/bin/mail" && chmod +x "$WORK/bin/mail"
seeds=$root/fixtures/seeds
today() { rm -rf "$WORK/crawl/today"; mkdir "$WORK/crawl/today"; for s in "$@"; do cp "$seeds/$s"_*.txt "$WORK/crawl/today/"; done; }
kept() { sed 's|.*/||; s|_.*||' "$WORK/crawl/kept/$(date +%F).txt" | tr '\n' ' '; }

today 000 001
PATH="$WORK/bin:$PATH" /bin/sh -c "$command"
check "day one: exit 0" test $? = 0
check "day one keeps 000 and 001" test "$(kept)" = "000 001 "
today 000 002 003
PATH="$WORK/bin:$PATH" /bin/sh -c "$command"
check "day two: exit 0" test $? = 0
check "day two keeps 003 only (002 copies 000, 000 is a re-crawl)" test "$(kept)" = "003 "
check "no mail on good nights" test ! -e "$WORK/mail.txt"
check "the index holds four documents" test "$("$WINNOW" index stats "$WORK/crawl/seen.db" | grep -o '"documents":[0-9]*')" = '"documents":4'
# A broken night mails: the index is another program's file.
mv "$WORK/crawl/seen.db" "$WORK/crawl/seen.kept"
printf 'not an index\n' >"$WORK/crawl/seen.db"
PATH="$WORK/bin:$PATH" /bin/sh -c "$command"
check "a broken night mails its exit code" grep -q 'winnow nightly: exit 3' "$WORK/mail.txt"
check "... and logs the reason" grep -q 'not a winnow index' "$WORK/crawl/winnow.log"
finish
