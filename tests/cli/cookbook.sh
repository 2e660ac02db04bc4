#!/usr/bin/env bash
# docs/cookbook.md and the user guides stay true: every ```sh block is valid
# shell, and every omskplan command in it names commands that exist with
# options they take.
. "$(dirname "$0")/lib.sh"

# Each block into its own file; bash -n checks its syntax.
for doc in cookbook guide-ru guide-en; do
  awk -v dir="$TMP" -v doc="$doc" '/^```sh$/ { n++; f = dir "/block-" doc "-" n ".sh"; on = 1; next }
                                   /^```$/ { on = 0; next } on { print > f }' "$SRC/docs/$doc.md"
done
blocks=0
for f in "$TMP"/block*.sh; do
  blocks=$((blocks + 1))
  if bash -n "$f" 2>"$TMP/err"; then pass; else fail "$(basename "$f"): $(cat "$TMP/err")"; fi
done
expect_eq "$([ "$blocks" -ge 8 ] && echo yes)" yes "blocks: $blocks"

subcommands() {
  "$BIN" "$@" --help 2>/dev/null | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}'
}
global_help=$("$BIN" --help)
commands=0
# Every "omskplan …" up to a shell operator, from the blocks (crontab lines included).
# (Where a command starts: a line's start, after | ; & ( or xargs; not "man omskplan" or "mail -s omskplan".)
cat "$TMP"/block*.sh | grep -oE '(^|[|;&(]|xargs -n1) *omskplan [^|;&<>)$#]*' | sed -E 's/^.*omskplan /omskplan /' >"$TMP/commands"
while read -r line; do
  read -ra words <<<"$line"
  path=()
  i=1
  # Global options first (some take a value).
  while [ $i -lt ${#words[@]} ]; do
    case "${words[$i]}" in
      --format | -f | --db | --tz | --set | --lang | --config | --csv) i=$((i + 2)) ;;
      --quiet | -q | --json | --no-color) i=$((i + 1)) ;;
      *) break ;;
    esac
  done
  while [ $i -lt ${#words[@]} ]; do
    if subcommands "${path[@]}" | grep -qx -- "${words[$i]}"; then
      path+=("${words[$i]}")
      i=$((i + 1))
    elif [ $((i + 1)) -lt ${#words[@]} ] && [[ ${words[$i]} =~ ^[0-9]+$ ]] &&
      subcommands "${path[@]}" | grep -qx -- "${words[$((i + 1))]}"; then
      i=$((i + 1))  # an id before a subcommand: event guests 1 invite …
    else
      break
    fi
  done
  commands=$((commands + 1))
  if [ ${#path[@]} -eq 0 ]; then
    fail "no command in: $line"
    continue
  fi
  # A command with subcommands of its own that also runs alone takes a positional (event guests ID).
  if [ -n "$(subcommands "${path[@]}")" ] && ! "$BIN" "${path[@]}" --help | grep -q '^Positionals:'; then
    fail "'omskplan ${path[*]}' needs a subcommand: $line"
    continue
  fi
  help=$("$BIN" "${path[@]}" --help)
  for ((; i < ${#words[@]}; i++)); do
    w=${words[$i]}
    case "$w" in
      --*=*) w=${w%%=*} ;;
      --* | -[a-z]) ;;
      *) continue ;;
    esac
    if grep -qE -- "(^|[ ,])$w( |,|\$|=)" <<<"$help$global_help"; then pass; else
      fail "'omskplan ${path[*]}' takes no $w: $line"
    fi
  done
done <"$TMP/commands"
expect_eq "$([ "$commands" -ge 30 ] && echo yes)" yes "commands checked: $commands"

# The date expressions the recipes use are ones omskplan understands.
for expr in today +30d +365d next last; do
  case "$expr" in
    next | last) run --json inspection plan --week "$expr" ;;
    *) run --json event list --from "$expr" --to "$expr" ;;
  esac
  [ "$rc" -ne 1 ] && [ "$rc" -ne 2 ] && pass || fail "expression '$expr': $(cat "$TMP/err")"
done
