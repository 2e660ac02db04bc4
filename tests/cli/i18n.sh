#!/usr/bin/env bash
# The Russian interface: every message has a translation (the catalog against
# what the sources and the command line can print), the language comes from
# --lang, the settings or the locale, help and tables are Russian and aligned,
# and JSON and exit codes do not change with the language.
. "$(dirname "$0")/lib.sh"

# 1. The catalog: every message xgettext finds in lib/ and cmd/, and every text
# of the command-line definition, is translated in po/ru.po; none fuzzy; and a
# short message said in two places means one thing (catalog_check.py).
if need xgettext msgcmp; then
  "$SRC/po/extract.sh" "$BIN" "$TMP/now.pot" >"$TMP/extract.log" 2>&1
  expect_eq "$?" 0 "po/extract.sh: $(head -c 300 "$TMP/extract.log")"
  if msgcmp "$SRC/po/ru.po" "$TMP/now.pot" >"$TMP/msgcmp.log" 2>&1; then pass; else
    fail "messages without a Russian translation (run po/update.sh, translate, rebuild): $(grep -a 'msgid' "$TMP/msgcmp.log" | head -5)"
  fi
  stats=$(msgfmt --check --statistics -o /dev/null "$SRC/po/ru.po" 2>&1)
  case "$stats" in *fuzzy* | *untranslated*) fail "po/ru.po: $stats" ;; *) pass ;; esac
  # One message, one meaning: a one-word message said in two files has a msgctxt or a reviewed single sense.
  if python3 "$SRC/tests/cli/catalog_check.py" "$TMP/now.pot" >"$TMP/catalog.log" 2>&1; then pass; else
    fail "$(cat "$TMP/catalog.log")"
  fi
  count=$(grep -c '^msgid "[^"]' "$TMP/now.pot")
  expect_eq "$([ "$count" -gt 800 ] && echo many)" many "messages found: $count"
else
  echo "xgettext/msgcmp missing (package gettext): the catalog check is skipped"
fi

# 2. Where the language comes from.
run db init
run event show 99
expect_err_is "omskplan: error: no event with id 99"          # LC_ALL=C (lib.sh)
run --lang ru event show 99
expect_err_is "omskplan: ошибка: нет мероприятия с ид. 99"
env -u LC_ALL LANG=ru_RU.UTF-8 "$BIN" event show 99 >"$TMP/out" 2>"$TMP/err"
expect_err "ошибка: нет мероприятия"
env -u LC_ALL LANG=ru_RU.UTF-8 LC_MESSAGES=C "$BIN" event show 99 >"$TMP/out" 2>"$TMP/err"
expect_err "error: no event"
env -u LC_ALL LANG=ru_RU.UTF-8 "$BIN" --lang en event show 99 >"$TMP/out" 2>"$TMP/err"
expect_err "error: no event"
OMSKPLAN_LANG=ru run event show 99
expect_err "ошибка:"
mkdir -p "$XDG_CONFIG_HOME/omskplan"
echo 'lang = "ru"' >"$XDG_CONFIG_HOME/omskplan/config.toml"
run event show 99
expect_err "ошибка:"
run --lang en event show 99
expect_err "error:"
run --lang ru config get lang
expect_out_is "ru"
rm "$XDG_CONFIG_HOME/omskplan/config.toml"
# A broken config file is still reported, in the language of the locale.
printf 'lang = "ru"\ncolour = 1\n' >"$XDG_CONFIG_HOME/omskplan/config.toml"
run --lang ru event show 99
expect_rc 1
expect_err "неизвестный ключ «colour»; может быть, 'color'?"
rm "$XDG_CONFIG_HOME/omskplan/config.toml"
run --lang de event show 1
expect_rc 2
# Usage errors from the parser, translated.
run --lang ru event new --date 2024-08-03
expect_rc 2
expect_err "omskplan: ошибка: не указан обязательный параметр --template"
expect_err "Подробнее: --help."
run --lang ru event list --limit abc
expect_err "--limit: неверное значение «abc»"
run --lang ru event list extra
expect_err "лишний аргумент: extra"
run --lang ru event lst
expect_err "неизвестная команда 'lst' для 'omskplan event'; может быть, 'list'?"

# 3. Help: every command's description and every option's, in Russian.
help_paths() {  # every command path, from the help's "Subcommands" lists
  local sub
  for sub in $("$BIN" "$@" --help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}'); do
    echo "$* $sub"
    help_paths "$@" "$sub"
  done
}
paths=0
while read -r path; do
  paths=$((paths + 1))
  # shellcheck disable=SC2086
  "$BIN" --lang ru $path --help >"$TMP/help" 2>&1
  # The description (first line) and every option/subcommand line's text after the name column.
  bad=$(awk 'NR == 1 { if ($0 !~ /[а-яА-Я]/) print "description: " $0; next }
             /^  [-a-z]/ { line = $0; sub(/^  [^ ]+( [^ ]+)*   +/, "", line);
                           if (line == $0) next;  # a name with no description column
                           if (line !~ /[а-яА-ЯёЁ]/) print $0 }' "$TMP/help")
  if [ -z "$bad" ] && grep -q '^Использование: ' "$TMP/help"; then pass; else fail "help of '$path' not Russian: $bad"; fi
done < <(help_paths)
expect_eq "$([ "$paths" -ge 60 ] && echo all)" all "command paths checked: $paths"

# 4. Output: tables in Russian and aligned; plural forms; JSON and exit codes unchanged.
run --lang ru event new --template city-day --date 2023-08-05
expect_out "создано мероприятие 1: День города Омска — 307-летие со дня основания (2023-08-05 10:00–23:00), 11 задач"
expect_out "  часть 5: Праздничный фейерверк (2023-08-05 22:30–22:45, Набережная Тухачевского)"
run --lang ru event show 1
expect_out "Программа по площадкам: 4 части"
run --lang ru event add --title "Совещание" --start "2023-08-01 10:00" --duration 1h
expect_out "создано мероприятие 6: Совещание"
run --lang ru event task add 6 "Разослать повестку" --due -1d --owner "Орготдел"
expect_out "к мероприятию 6 добавлена задача 1: Разослать повестку (срок 2023-07-31"
run --lang ru event show 6
expect_out "Задачи (выполнено 0 из 1)"
run --lang ru event list --year 2023
expect_rc 0
header=$(head -1 "$TMP/out")
first=$(sed -n 2p "$TMP/out")
# The title column starts at the same display column in the header and the rows.
col() { LC_ALL=C.UTF-8 bash -c 'p=${1%%"$2"*}; echo ${#p}' _ "$1" "$2"; }
expect_eq "$(col "$header" "НАЗВАНИЕ")" "$(col "$first" "Совещание")" "title column aligned"
expect_eq "$(col "$header" "СТАТУС")" "$(col "$first" "планируется")" "status column aligned"
expect_out "НАЧАЛО"
run --lang ru event agenda --days 30
expect_err "открытых задач со сроком до"
run --json event list --year 2023
cp "$TMP/out" "$TMP/en.json"
run --lang ru --json event list --year 2023
if cmp -s "$TMP/out" "$TMP/en.json"; then pass; else fail "JSON differs between English and Russian"; fi
run --lang ru --format csv event list --year 2023
expect_out "id,start,end,title"  # CSV headers are machine names, in every language
run --lang ru event show 1
expect_out "  когда            2023-08-05 10:00–23:00"
expect_out "  шаблон           city-day (юбилей: 307-й, отсчёт от 1716)"
# The help's option column is aligned by display width, also where Russian is in it (ОБЯЗ.).
run --lang ru agreement add --help
org=$(grep -a -- '--org' "$TMP/out")
helpline=$(grep -a -- '-h,--help' "$TMP/out")
expect_eq "$(col "$org" "организация")" "$(col "$helpline" "Показать")" "help columns aligned"
