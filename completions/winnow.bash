# bash completion for winnow.
#
# The problem: winnow has three commands, a sub-command (profile learn) and
# some thirty options, five of which take one of a fixed set of values; a
# person should not have to open the man page to type them.
#
# The method: two tables, read by one small function. _winnow_options holds
# each command's options (the corpus options every command shares are
# $_winnow_corpus); _winnow_values holds the values of an option that takes a
# fixed set, as "COMMAND:OPTION" (or "OPTION" for every command). A new
# subcommand or option is one entry in a table; tests/cli/completion.sh
# checks that every option `winnow CMD --help` prints is in the table, and
# that the values are the ones winnow accepts. Options taking a file or a
# directory complete file names; the others complete nothing.
#
# Why by hand and not generated: the script must work sourced alone, without
# the bash-completion package's helpers (it only uses compgen and COMP_*),
# and without running winnow on every Tab.
#
# No zsh completion is shipped yet (zsh can load this one through
# bashcompinit; not tested here).
#
# The cost: none outside a Tab press; a Tab is a few word comparisons.

_winnow_corpus="-o --output -j --jobs --glob --files-from --input-format --jsonl-id-field --jsonl-url-field
  --jsonl-text-field --keep-fields --profile --max-doc-bytes --time-budget-ms -q --quiet --stats --strict --fail-on
  --progress --no-progress -h --help -V --version"

declare -gA _winnow_options=(
  [winnow]="-h --help -V --version"
  [extract]="$_winnow_corpus -f --format --fields"
  [dedup]="$_winnow_corpus --emit -f --format --fields -0 --null --jaccard --containment --shingle-size
    --num-perm --keep --basic-originals --explain --no-strip --index --dry-run --wait --night
    --stages --shards"
  [profile]="-h --help -V --version"
  [profile learn]="$_winnow_corpus --name --min-share --min-pages"
  [index]="-h --help -V --version"
  [index stats]="--wait -h --help -V --version"
  [index show]="--wait -h --help -V --version"
  [index export]="--wait -o --output -h --help -V --version"
  [index forget]="--wait --before -h --help -V --version"
  [index vacuum]="--wait -h --help -V --version"
  [index check]="--wait -h --help -V --version"
  [help]=""
)

# Subcommands of a command (the top level is "winnow").
declare -gA _winnow_subcommands=(
  [winnow]="extract dedup profile index help"
  [profile]="learn"
  [index]="stats show export forget vacuum check"
  [help]="extract dedup profile index"
)

declare -gA _winnow_values=(
  [extract:--format]="json tsv csv markdown text"
  [extract:-f]="json tsv csv markdown text"
  [dedup:--format]="ids json tsv csv markdown text"
  [dedup:-f]="ids json tsv csv markdown text"
  [--emit]="records unique pairs groups"
  [--keep]="original longest first newest"
  [--input-format]="auto doc warc jsonl"
  [--fail-on]="repaired skipped empty no-article binary undecodable too-large time-budget corrupt unreadable
    not-a-file not-a-document out-of-memory"
  [--fields]="id url canonical_url source fetch_date format charset profile extractor type title date date_source
    dateline place sources fields_of_work teaser language speakers figures abbreviations text warnings removed
    kept_fields snippet"
)

# Options whose value is a file name (complete files) or free text (nothing).
_winnow_file_options="-o --output --files-from --profile"
_winnow_text_options="-j --jobs --glob --jsonl-id-field --jsonl-url-field --jsonl-text-field --max-doc-bytes
  --time-budget-ms --jaccard --containment --shingle-size --num-perm --name --min-share --min-pages"

_winnow_has() {  # _winnow_has WORD LIST: is WORD one of LIST's words?
  local w
  for w in $2; do [[ $w == "$1" ]] && return 0; done
  return 1
}

_winnow() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  # Which command the line is in: walk the words before the cursor.
  local command=winnow i word
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if _winnow_has "$word" "${_winnow_subcommands[$command]-}"; then
      if [[ $command == winnow ]]; then command=$word; else command="$command $word"; fi
    fi
  done
  local values=${_winnow_values["$command:$prev"]-${_winnow_values[$prev]-}}
  # --opt=value
  if [[ $cur == --*=* ]]; then
    local option=${cur%%=*}
    values=${_winnow_values["$command:$option"]-${_winnow_values[$option]-}}
    cur=${cur#*=}
    if [[ $option == --fields || $option == --fail-on ]]; then
      local done_part=${cur%"${cur##*,}"}
      mapfile -t COMPREPLY < <(compgen -P "$done_part" -W "$values" -- "${cur##*,}")
    else
      mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
    fi
    return 0
  fi
  if [[ -n $values ]]; then
    # --fields and --fail-on take comma lists: complete the last item.
    local done_part=${cur%"${cur##*,}"}
    mapfile -t COMPREPLY < <(compgen -P "$done_part" -W "$values" -- "${cur##*,}")
    return 0
  fi
  if _winnow_has "$prev" "$_winnow_file_options"; then
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    return 0
  fi
  _winnow_has "$prev" "$_winnow_text_options" && return 0
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${_winnow_options[$command]-}" -- "$cur")
    return 0
  fi
  local subcommands=${_winnow_subcommands[$command]-}
  if [[ -n $subcommands ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$subcommands" -- "$cur")
    return 0
  fi
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")  # inputs: files and directories
}

complete -o filenames -o bashdefault -F _winnow winnow
