#!/usr/bin/env bash
# omskplan(1): generated from the CLI definition, renders without a single
# groff or man warning, documents every command, and its examples are real.
. "$(dirname "$0")/lib.sh"
PAGE="$TMP/omskplan.1"
RU="$TMP/omskplan.ru.1"

# check_page LANG PAGE BUILD_COPY SECTION…: generated as the build has it (but for the date),
# no groff or man warning, every section there; the rendering in $PAGE.txt.
check_page() {
  local lang=$1 page=$2 copy=$3
  shift 3
  "$BIN" --lang "$lang" manpage --date 2026-11-27 >"$page"
  expect_eq "$?" 0 "manpage --lang $lang"
  if [ -n "${OMSKPLAN_MANPAGE:-}" ]; then
    if diff <(grep -v '^\.TH' "$copy") <(grep -v '^\.TH' "$page") >/dev/null; then pass; else
      fail "$copy differs from what the binary generates"
    fi
  fi
  if need groff; then
    expect_eq "$(groff -k -man -Tutf8 -ww -z "$page" 2>&1)" "" "groff warnings ($lang)"
  else
    echo "groff not installed: groff check skipped"
  fi
  if need man; then
    warnings=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$page" 2>&1 >"$page.txt")
    expect_eq "$warnings" "" "man warnings ($lang)"
    for section in "$@"; do
      if grep -aq "^$section\$" "$page.txt"; then pass; else fail "no section $section ($lang)"; fi
    done
    if grep -aq "«Меценат года»" "$page.txt"; then pass; else fail "UTF-8 text lost ($lang)"; fi
  else
    echo "man not installed: man check skipped"
  fi
}
check_page en "$PAGE" "${OMSKPLAN_MANPAGE:-}" NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS "EXIT STATUS" \
  ENVIRONMENT FILES EXAMPLES "SEE ALSO"
check_page ru "$RU" "${OMSKPLAN_MANPAGE%.1}.ru.1" ИМЯ ОБЗОР ОПИСАНИЕ "ОБЩИЕ ПАРАМЕТРЫ" КОМАНДЫ "КОД ВЫХОДА" \
  ОКРУЖЕНИЕ ФАЙЛЫ ПРИМЕРЫ "СМОТРИТЕ ТАКЖЕ"

# Every command and subcommand the help lists has its section.
subcommands() {  # the names under "Subcommands:" in `omskplan ARGS --help`
  "$BIN" "$@" --help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}'
}
walk() {
  local sub
  for sub in $(subcommands "$@"); do
    local path="$* $sub"
    path=${path# }
    if grep -qF ".SS \"omskplan ${path//-/\\-}" "$PAGE"; then
      pass
    else
      fail "no section for: omskplan $* $sub"
    fi
    walk "$@" "$sub"
  done
}
walk
# Every option of `event add` is there (the page is the CLI, not a copy of it).
for opt in $("$BIN" event add --help | grep -oE -- '^ +(-[a-z],)?--[a-z][a-z-]*[a-z]' | sed 's/.*,//; s/^ *//' | sort -u); do
  [ "$opt" = --help ] && continue
  if awk '/^\.SS "omskplan event add/{on=1; next} /^\.SS/{on=0} on' "$PAGE" | grep -qF -- "\\fB${opt//-/\\-}\\fR"; then
    pass
  else
    fail "event add $opt missing"
  fi
done
# The environment lists every setting's variable.
for var in OMSKPLAN_DB OMSKPLAN_TZ OMSKPLAN_LANG OMSKPLAN_INSPECTION_DAY_START OMSKPLAN_EVENT_TRAVEL_BUFFER OMSKPLAN_CONFIG; do
  if grep -qxF ".B $var" "$PAGE"; then pass; else fail "ENVIRONMENT lacks $var"; fi
done

# The examples are real: each command exists and takes the options it shows.
sed -n '/^\.SH EXAMPLES/,/^\.SH/p' "$PAGE" | grep '^\.B omskplan' | sed 's/^\.B //; s/\\-/-/g; s/\\&//g' >"$TMP/examples"
n=0
while read -r line; do
  n=$((n + 1))
  read -ra words <<<"$line"
  path=()
  for w in "${words[@]:1}"; do
    case "$w" in -*) [ ${#path[@]} -eq 0 ] && continue; break ;; esac  # global flags before the command
    if "$BIN" "${path[@]}" "$w" --help >/dev/null 2>&1 && [ -n "$(subcommands "${path[@]}" | grep -x -- "$w")" ]; then
      path+=("$w")
    else
      break
    fi
  done
  help=$("$BIN" "${path[@]}" --help; "$BIN" --help)
  for opt in $(grep -oE -- '(^| )--?[a-z][a-z-]*' <<<"${line%%|*}"); do
    if grep -qE -- "(^|[ ,])$opt( |,|\$|=)" <<<"$help"; then pass; else fail "example '$line': ${path[*]} has no $opt"; fi
  done
  [ ${#path[@]} -ge 2 ] && pass || fail "example '$line' names no command"
done <"$TMP/examples"
expect_eq "$([ "$n" -ge 5 ] && echo ok)" ok "examples found: $n"

# The page is reproducible: the date is the only input besides the binary.
expect_eq "$("$BIN" manpage --date 2026-11-27 | sha256sum)" "$(sha256sum <"$PAGE")" "same page twice"
run manpage
expect_rc 2

# Every text line of the Russian page's source (not a macro, not a bold or italic tag) that has
# words has Russian in it: enum lists and paths aside, nothing was left in English.
english=$(LC_ALL=C grep -vE '^(\.|\\f[BI])' "$RU" | LC_ALL=C grep -E '[A-Za-z]{3}' | LC_ALL=C grep -vP '[^\x00-\x7F]' |
  LC_ALL=C grep -vE '^[a-z0-9|,./_ \\-]+$' | head -5)
expect_eq "$english" "" "English text in the Russian page"
english=$(LC_ALL=C grep -vE '^(\.|\\f[BI])' "$PAGE" | LC_ALL=C grep -E '[A-Za-z]{3}' | LC_ALL=C grep -vP '[^\x00-\x7F]' | wc -l)
expect_eq "$([ "$english" -gt 100 ] && echo yes)" yes "the check finds English in the English page ($english lines)"
