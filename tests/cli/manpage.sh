#!/usr/bin/env bash
# omskplan(1): generated from the CLI definition, renders without a single
# groff or man warning, documents every command, and its examples are real.
. "$(dirname "$0")/lib.sh"
PAGE="$TMP/omskplan.1"
"$BIN" manpage --date 2026-11-27 >"$PAGE"
rc=$?
expect_rc 0
# The build's copy (installed as man1/omskplan.1.gz) is the same page but for the date.
if [ -n "${OMSKPLAN_MANPAGE:-}" ]; then
  if diff <(grep -v '^\.TH' "$OMSKPLAN_MANPAGE") <(grep -v '^\.TH' "$PAGE") >/dev/null; then pass; else
    fail "$OMSKPLAN_MANPAGE differs from what the binary generates"
  fi
fi

if command -v groff >/dev/null; then
  warnings=$(groff -k -man -Tutf8 -ww -z "$PAGE" 2>&1)
  expect_eq "$warnings" "" "groff warnings"
else
  echo "groff not installed: groff check skipped"
fi
if command -v man >/dev/null; then
  warnings=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$PAGE" 2>&1 >"$TMP/page.txt")
  expect_eq "$warnings" "" "man warnings"
  for section in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
    if grep -q "^$section\$" "$TMP/page.txt"; then pass; else fail "no section $section"; fi
  done
  if grep -aq "«Меценат года»" "$TMP/page.txt"; then pass; else fail "UTF-8 text lost"; fi
else
  echo "man not installed: man check skipped"
fi

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

# The Russian page: the same tree in Russian, as cleanly.
RU="$TMP/omskplan.ru.1"
"$BIN" --lang ru manpage --date 2026-11-27 >"$RU"
rc=$?
expect_rc 0
if [ -n "${OMSKPLAN_MANPAGE:-}" ]; then
  if diff <(grep -v '^\.TH' "${OMSKPLAN_MANPAGE%.1}.ru.1") <(grep -v '^\.TH' "$RU") >/dev/null; then pass; else
    fail "${OMSKPLAN_MANPAGE%.1}.ru.1 differs from what the binary generates"
  fi
fi
if command -v groff >/dev/null; then
  expect_eq "$(groff -k -man -Tutf8 -ww -z "$RU" 2>&1)" "" "groff warnings (Russian)"
fi
if command -v man >/dev/null; then
  warnings=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$RU" 2>&1 >"$TMP/page.ru.txt")
  expect_eq "$warnings" "" "man warnings (Russian)"
  for section in ИМЯ ОБЗОР ОПИСАНИЕ "ОБЩИЕ ПАРАМЕТРЫ" КОМАНДЫ "КОД ВЫХОДА" ОКРУЖЕНИЕ ФАЙЛЫ ПРИМЕРЫ "СМОТРИТЕ ТАКЖЕ"; do
    if grep -aq "^$section\$" "$TMP/page.ru.txt"; then pass; else fail "no section $section in the Russian page"; fi
  done
fi
# Every text line of the Russian page's source (not a macro, not a bold or italic tag) that has
# words has Russian in it: enum lists and paths aside, nothing was left in English.
english=$(LC_ALL=C grep -vE '^(\.|\\f[BI])' "$RU" | LC_ALL=C grep -E '[A-Za-z]{3}' | LC_ALL=C grep -vP '[^\x00-\x7F]' |
  LC_ALL=C grep -vE '^[a-z0-9|,./_ \\-]+$' | head -5)
expect_eq "$english" "" "English text in the Russian page"
english=$(LC_ALL=C grep -vE '^(\.|\\f[BI])' "$PAGE" | LC_ALL=C grep -E '[A-Za-z]{3}' | LC_ALL=C grep -vP '[^\x00-\x7F]' | wc -l)
expect_eq "$([ "$english" -gt 100 ] && echo yes)" yes "the check finds English in the English page ($english lines)"
