#!/usr/bin/env bash
# The papercuts of a newcomer's first ten minutes (issue 22, point 3), one
# check each; every one failed on the build before it:
#   `winnow help`, `winnow help CMD`; `winnow frob` names the unknown command
#   and lists the commands; usage errors start with "winnow:"; `winnow
#   extract --version`; `--fields "id, title"`; stdin on a terminal says
#   what it waits for; a URL as input hints that winnow does not fetch;
#   `dedup --fields` without `--emit unique` refused; `--null`/-0 for id
#   lists; --help names values plainly (no "UINT:INT in [1 - 1024]").
source "$(dirname "$0")/lib.sh"
seeds=fixtures/seeds

run help
check "winnow help: exit 0, the commands listed" \
  bash -c '[[ $0 == 0 ]] && grep -q "^  extract " "$1" && grep -q "^  dedup " "$1" && grep -q "^  help " "$1"' "$rc" "$WORK/out"
run help extract
check "winnow help extract: exit 0, extract's options" \
  bash -c '[[ $0 == 0 ]] && grep -q "^Usage: winnow extract" "$1" && grep -q -- "--fields" "$1"' "$rc" "$WORK/out"
run help profile learn
check "winnow help profile learn: learn's options" \
  bash -c '[[ $0 == 0 ]] && grep -q "^Usage: winnow profile learn" "$1" && grep -q -- "--min-pages" "$1"' "$rc" "$WORK/out"

run frob
check "winnow frob: exit 2, unknown command frob, and the commands" \
  bash -c '[[ $0 == 2 ]] && grep -qx "winnow: unknown command frob; the commands are: extract, dedup, profile, index, help (winnow help COMMAND shows its options)" "$1"' \
  "$rc" "$WORK/err"
run help frob
check "winnow help frob: unknown command frob" bash -c '[[ $0 == 2 ]] && grep -q "^winnow: unknown command frob;" "$1"' "$rc" "$WORK/err"
run profile frob
check "winnow profile frob: the commands of profile" \
  bash -c '[[ $0 == 2 ]] && grep -q "^winnow: unknown command profile frob; the commands of winnow profile are: learn" "$1"' "$rc" "$WORK/err"
run
check "winnow alone: a command is needed, and which" \
  bash -c '[[ $0 == 2 ]] && grep -q "^winnow: winnow needs a command: extract, dedup, profile, index, help" "$1"' "$rc" "$WORK/err"

run extract --jobs 0 "$seeds"
check "usage errors start with winnow: (a bad value)" \
  bash -c '[[ $0 == 2 ]] && head -1 "$1" | grep -q "^winnow: --jobs: " && grep -q "^winnow: see winnow extract --help" "$1"' "$rc" "$WORK/err"
run dedup --frobnicate "$seeds"
check "usage errors start with winnow: (an unknown option)" \
  bash -c '[[ $0 == 2 ]] && ! grep -qv "^winnow: " "$1" && grep -q -- "--frobnicate" "$1"' "$rc" "$WORK/err"

for cmd in extract dedup "profile learn"; do
  # shellcheck disable=SC2086
  run $cmd --version
  check "winnow $cmd --version: exit 0, the version" bash -c '[[ $0 == 0 ]] && grep -qx "winnow [0-9.]*" "$1"' "$rc" "$WORK/out"
done

run extract --fields "id, title" "$seeds/000_63f0391d745259ed.txt"
check '--fields "id, title": the fields id and title' \
  bash -c '[[ $0 == 0 ]] && grep -q "^{\"id\":\"fixtures/seeds/000_63f0391d745259ed.txt\",\"title\":\"OSCE Project" "$1"' "$rc" "$WORK/out"
run extract --format tsv --fields=" id ,title " "$seeds/000_63f0391d745259ed.txt"
check '--fields=" id ,title ": the TSV header id<TAB>title' bash -c '[[ $0 == 0 ]] && [[ $(head -1 "$1") == $(printf "id\ttitle") ]]' "$rc" "$WORK/out"
run extract --fail-on "skipped, repaired" "$seeds"
check '--fail-on "skipped, repaired" accepted' test "$rc" = 0

if command -v script >/dev/null && command -v timeout >/dev/null; then
  # script gives winnow a terminal for stdin; nothing is typed, timeout ends it.
  timeout 2 script -qfec "$WINNOW extract" "$WORK/typescript" </dev/null >/dev/null 2>&1
  check "stdin on a terminal: says it waits for a document and Ctrl-D" \
    grep -q "winnow: reading one document from standard input, a terminal: paste it and end it with Ctrl-D" "$WORK/typescript"
  timeout 2 script -qfec "$WINNOW extract -q" "$WORK/typescript" </dev/null >/dev/null 2>&1
  check "stdin on a terminal with --quiet: nothing said" bash -c '! grep -q "standard input" "$0"' "$WORK/typescript"
else
  echo "skip: no script(1) or timeout(1) to give winnow a terminal"
fi
printf 'A document from a pipe, long enough to be an article body for the extractor to keep whole.\n' >"$WORK/doc.txt"
"$WINNOW" extract --format text <"$WORK/doc.txt" >"$WORK/out" 2>"$WORK/err"
check "stdin from a pipe: no terminal message" bash -c '! grep -q "standard input" "$0"' "$WORK/err"

run extract https://example.org/page.html
check "a URL as input: exit 3 and a hint that winnow does not fetch" \
  bash -c '[[ $0 == 3 ]] && grep -q "^winnow: https://example.org/page.html: winnow reads files, it does not fetch URLs; fetch the page first (wget" "$1"' \
  "$rc" "$WORK/err"
run extract "$WORK/missing.html"
check "a missing file: no URL hint" bash -c '[[ $0 == 3 ]] && ! grep -q "fetch" "$1"' "$rc" "$WORK/err"

run dedup --fields id,title "$seeds"
check "dedup --fields without --emit unique: refused (exit 2), nothing written" \
  bash -c '[[ $0 == 2 ]] && [[ ! -s $2 ]] && grep -q "^winnow: --fields picks the fields of the kept records: it needs --emit unique" "$1"' \
  "$rc" "$WORK/err" "$WORK/out"
run dedup --emit unique --fields id "$seeds"
check "dedup --emit unique --fields without --format json|tsv: refused" test "$rc" = 2
run dedup --emit unique --format tsv --fields id,title "$seeds"
check "dedup --emit unique --format tsv --fields id,title: honoured" \
  bash -c '[[ $0 == 0 ]] && [[ $(head -1 "$1") == $(printf "id\ttitle") ]] && [[ $(wc -l <"$1") == 5 ]]' "$rc" "$WORK/out"

mkdir -p "$WORK/dumps" "$WORK/clean"
cp "$seeds/000_63f0391d745259ed.txt" "$WORK/dumps/press release.txt"
cp "$seeds/002_"*.txt "$WORK/dumps/blog repost.txt"
cp "$seeds/001_"*.txt "$WORK/dumps/patrol police.txt"
run dedup --emit unique -0 "$WORK/dumps"
check "dedup --emit unique -0: ids end with NUL, none with a newline" \
  bash -c '[[ $0 == 0 ]] && [[ $(tr -cd "\0" <"$1" | wc -c) == 2 ]] && [[ $(tr -cd "\n" <"$1" | wc -c) == 0 ]]' "$rc" "$WORK/out"
"$WINNOW" dedup --emit unique --null "$WORK/dumps" | xargs -0 cp -t "$WORK/clean/"
check "the man page's example: names with spaces reach cp whole" \
  bash -c '[[ -f "$0/press release.txt" && -f "$0/patrol police.txt" && ! -e "$0/blog repost.txt" ]]' "$WORK/clean"
check "the man page shows the -0 example" grep -q 'xargs \\-0 cp' man/winnow.1
run dedup --emit groups -0 "$seeds"
check "--null with --emit groups: refused" test "$rc" = 2

for cmd in "" extract dedup "profile learn"; do
  # shellcheck disable=SC2086
  "$WINNOW" $cmd --help >"$WORK/help" 2>&1
  check "winnow $cmd --help: plain value names, no CLI11 type names" \
    bash -c '! grep -Eq "UINT|INT in|FLOAT|TEXT|:\{|VALUE" "$0"' "$WORK/help"
done
"$WINNOW" extract --help >"$WORK/help"
check "extract --help: -j N, --input-format auto|doc|warc|jsonl, --format's values" \
  bash -c 'grep -q -- "-j,--jobs N " "$0" && grep -q -- "--input-format auto|doc|warc|jsonl" "$0" && grep -q -- "-f,--format json|" "$0"' "$WORK/help"
finish
