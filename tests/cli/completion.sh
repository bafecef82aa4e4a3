#!/usr/bin/env bash
# The bash completion (completions/winnow.bash, issue 22, point 2): what Tab
# offers, and that its tables agree with the binary. Every option that
# `winnow CMD --help` lists must be in the table and the other way round,
# and the values of --format, --emit, --keep, --input-format, --fail-on and
# --fields must be the ones winnow accepts; so a new option or value that is
# not added to the table fails here, naming it.
source "$(dirname "$0")/lib.sh"
script=completions/winnow.bash

# offers "WORDS ON THE LINE" [CURRENT]: what Tab offers for CURRENT after
# the words, one per line, sorted.
offers() {
  bash -c '
    source "$0"
    read -ra COMP_WORDS <<<"$1"
    COMP_WORDS+=("$2")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _winnow
    printf "%s\n" "${COMPREPLY[@]}" | sort' "$script" "$1" "${2-}"
}
words() { tr ' ' '\n' <<<"$*" | grep -v '^$' | sort; }

check "sourced alone: complete -p winnow" bash -c 'source "$0" && complete -p winnow | grep -q -- "-F _winnow winnow$"' "$script"
check "winnow <Tab>: the commands" test "$(offers winnow)" = "$(words extract dedup profile index help)"
check "winnow de<Tab>: dedup" test "$(offers winnow de)" = dedup
check "winnow profile <Tab>: learn" test "$(offers "winnow profile")" = learn
check "winnow help <Tab>: the commands" test "$(offers "winnow help")" = "$(words extract dedup profile index)"
check "winnow profile learn --min<Tab>: its options" test "$(offers "winnow profile learn" --min)" = "$(words --min-share --min-pages)"
check "winnow dedup --em<Tab>: --emit" test "$(offers "winnow dedup" --em)" = --emit
check "winnow extract --em<Tab>: nothing (extract has no --emit)" test -z "$(offers "winnow extract" --em)"
check "winnow dedup --emit <Tab>: the forms" test "$(offers "winnow dedup --emit")" = "$(words records unique pairs groups)"
check "winnow dedup --keep <Tab>: the policies" test "$(offers "winnow dedup --keep")" = "$(words original longest first newest)"
check "winnow extract --input-format <Tab>: the kinds" test "$(offers "winnow extract --input-format")" = "$(words auto doc warc jsonl)"
check "winnow extract --fields id,ti<Tab>: id,title" test "$(offers "winnow extract --fields" id,ti)" = id,title
check "winnow extract --format=t<Tab>: tsv text" test "$(offers "winnow extract" --format=t)" = "$(words tsv text)"
check "winnow extract -j <Tab>: nothing (a number)" test -z "$(offers "winnow extract -j")"
mkdir -p "$WORK/dir" && touch "$WORK/dir/page.html"
check "winnow extract <Tab> in a directory: its files" test "$(offers "winnow extract" "$WORK/dir/p")" = "$WORK/dir/page.html"

# The tables against the binary.
table() {  # table COMMAND: the options the completion offers for it
  bash -c 'source "$0"; printf "%s\n" ${_winnow_options[$1]}' "$script" "$1" | sort -u
}
help_options() {  # help_options CMD...: the options --help lists
  # shellcheck disable=SC2068
  "$WINNOW" $@ --help | grep -oE '^  (-[a-zA-Z0-9],)?--[a-z0-9-]+' | tr ',' '\n' | sed 's/^ *//' | sort -u
}
for cmd in winnow extract dedup "profile learn"; do
  # shellcheck disable=SC2086
  if [[ $cmd == winnow ]]; then listed=$(help_options); else listed=$(help_options $cmd); fi
  missing=$(comm -23 <(echo "$listed") <(table "$cmd") | tr '\n' ' ')
  extra=$(comm -13 <(echo "$listed") <(table "$cmd") | tr '\n' ' ')
  check "$cmd: every option of --help is in the completion table${missing:+ (missing: $missing)}" test -z "$missing"
  check "$cmd: every option of the completion table is in --help${extra:+ (not in --help: $extra)}" test -z "$extra"
done

values() {  # values KEY: the values the completion offers for KEY
  bash -c 'source "$0"; printf "%s\n" ${_winnow_values[$1]}' "$script" "$1" | sort -u
}
help_values() {  # help_values CMD OPTION: the a|b|c that --help shows for OPTION
  "$WINNOW" "$1" --help | grep -oE -- "$2 [a-z|]+" | head -1 | cut -d' ' -f2 | tr '|' '\n' | sort -u
}
check "extract --format: the values winnow accepts" test "$(values extract:--format)" = "$(help_values extract --format)"
check "dedup --format: the values winnow accepts" test "$(values dedup:--format)" = "$(help_values dedup --format)"
check "--emit: the values winnow accepts" test "$(values --emit)" = "$(help_values dedup --emit)"
check "--keep: the values winnow accepts" test "$(values --keep)" = "$(help_values dedup --keep)"
check "--input-format: the values winnow accepts" test "$(values --input-format)" = "$(help_values extract --input-format)"
"$WINNOW" extract --fail-on bogus "$WORK/dir" 2>"$WORK/err"
check "--fail-on: the classes winnow accepts" \
  test "$(values --fail-on)" = "$(grep -oE '\{[a-z,-]+\}' "$WORK/err" | tr -d '{}' | tr ',' '\n' | sort -u)"
"$WINNOW" extract --fields bogus "$WORK/dir" 2>"$WORK/err"
check "--fields: the fields winnow accepts" \
  test "$(values --fields)" = "$(sed -n 's/.*fields are: //p' "$WORK/err" | tr -d ' ' | tr ',' '\n' | sort -u)"
finish
