#!/usr/bin/env bash
# Runs the bad-input corpus (corpus.txt) against a database with data in it:
# each case exits non-zero with one error line naming the bad input, and the
# database is byte-identical afterwards. UPDATE_DOCS=1 rewrites docs/bad-input.md.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2024-05-03 09:00"

run event new --template city-day --date 2023-08-05
run event status 1 held
run agreement org add --name "ООО «Сибирский строитель»" --inn 5504945804
run agreement add --org 1 --title "О спорте" --number 12-С/2023 --sphere sport --signed 2023-06-01
run inspection site add --code OB-017 --name "Школа" --work construction --risk high --lat 55.03 --lon 73.26
run unit add --code ДК --name "Департамент культуры Администрации города Омска"
run plan new --kind quarterly --period 2024-Q2
run plan item add 1 --text "О ходе подготовки к празднованию Дня Победы" --unit ДК --due 2024-04-25
expect_rc 0
printf 'section;text;unit;due\nevents;Концерт;ДК;2024-13-01\n' >"$TMP/plan-due.csv"
printf 'section;text;unit;due\nevents;Концерт;ДЖ;май\n' >"$TMP/plan-unit.csv"
printf '[{"text": "x", "when": "май"}]' >"$TMP/plan-key.json"
printf '[{"title": "x",' >"$TMP/broken.json"
echo '{"events": [{"title": 1}]}' >"$TMP/shape.json"
echo '[{"title": "x", "kind": "'"'"'); DROP TABLE event;--", "start": "2024-01-01T10:00:00+06:00", "end": "2024-01-01T11:00:00+06:00"}]' >"$TMP/sql.json"
printf 'id = "bad"\nname = "Плохой"\nkind = "concert"\ntitle = "Концерт"\nvenu = "Зал"\n' >"$TMP/bad.toml"
head -c 2000 /dev/urandom | tr -d '\0' | tr '\200-\377' 'a-z' | head -c 1500 >"$TMP/hostile.toml"
printf '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n' >>"$TMP/hostile.toml"
echo '[{"number": "1", "title": "x", "org": {"inn": "5504945804"}, "sphere": "sport", "obligations": [{"text": "y", "due": "2024-13-01"}]}]' >"$TMP/agreements-bad.json"
printf 'code;name;work;risk;colour\nS;X;construction;low;red\n' >"$TMP/sites-cols.csv"
printf 'code;name;work;risk\nS;"X;construction;low\n' >"$TMP/sites-quote.csv"
printf 'code;name;work;risk\nS;\xff\xfe;construction;low\n' >"$TMP/sites-utf.csv"
printf 'name = "x"\n' >"$TMP/report-bad.toml"
head -c 4096 /dev/urandom >"$TMP/junk.db"
HUGE=$(printf 'я%.0s' $(seq 1 2000))
printf 'code;name;lat;lon;work;risk\nS-9;Y;nan;nan;construction;low\n' >"$TMP/sites-nan.csv"
{ printf 'id = "deep"\nname = "x"\ntitle = "x"\n[[section]]\ntext = """'
  for i in $(seq 1 3000); do printf '{{#year}}'; done
  for i in $(seq 1 3000); do printf '{{/year}}'; done
  printf '"""\n'; } >"$TMP/deep.toml"
BIGID=$(printf '9%.0s' $(seq 1 3000))

cases=0
mkdir -p "$TMP/ru"
NL=$'\n'
doc="| # | command | error |${NL}|---:|---|---|${NL}"
while IFS=$'\t' read -r args expected; do
  [ -z "$args" ] || [ "${args:0:1}" = "#" ] && continue
  args=${args//@TMP@/$TMP}
  shown_args=${args//@HUGE@/"<4000 bytes>"}
  shown_args=${shown_args//@BIGID@/"<3000 digits>"}
  args=${args//@HUGE@/"$HUGE"}
  args=${args//@BIGID@/"$BIGID"}
  expected=${expected//@TMP@/$TMP}
  eval "set -- $args"
  cases=$((cases + 1))
  short=${args:0:100}
  before=$(db_hash)
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  after=$(db_hash)
  # The same case in Russian: the same exit code, one line, in Russian (besides what the user typed).
  "$BIN" --lang ru "$@" >"$TMP/out.ru" 2>"$TMP/err.ru" </dev/null
  rc_ru=$?
  # Kept for russian_check.py: no English word, «№1» or ASCII-quoted Russian value in it.
  { echo "# corpus case $cases: $shown_args"; sed "s|$TMP|/tmp|g" "$TMP/err.ru"; } >"$TMP/ru/$cases.txt"
  ru_msg=$(grep -a '^omskplan: ошибка: ' "$TMP/err.ru" | head -1 | sed 's/^omskplan: ошибка: //')
  if [ "$rc_ru" -ne "$rc" ] || [ "$(grep -ac '^omskplan: ошибка: ' "$TMP/err.ru")" -ne 1 ] ||
    ! grep -aq '[а-яА-ЯёЁ]' <<<"$(sed -e "s|$TMP||g" -e 's/'"'"'[^'"'"']*'"'"'//g' -e 's/«[^»]*»//g' <<<"$ru_msg")"; then
    fail "case $((cases)) ($short) in Russian: exit $rc_ru (English $rc): $(head -c 300 "$TMP/err.ru")"
  else
    pass
  fi
  # No library's own text reaches the user (C++ exceptions, JSON and TOML libraries).
  if grep -aqE 'json\.exception|basic_filebuf|bad_alloc|std::|toml::|what\(\)' "$TMP/err"; then
    fail "case $cases ($short): a library's message: $(head -c 200 "$TMP/err")"
  fi
  line=$(grep -ac '^omskplan: error: ' "$TMP/err")
  if [ "$rc" -eq 0 ]; then
    fail "case $cases ($short): exit 0"
  elif [ "$before" != "$after" ]; then
    fail "case $cases ($short): the database changed"
  elif [ "$line" -ne 1 ]; then
    fail "case $cases ($short): $line error lines"
  elif ! grep -aqF -- "$expected" "$TMP/err"; then
    fail "case $cases ($short): the error does not say: $expected"
  else
    pass
  fi
  shown_args=${shown_args//$TMP/\$TMP}
  [ ${#shown_args} -gt 90 ] && shown_args="${shown_args:0:87}..."
  msg=$(sed -e 's/^omskplan: error: //' -e "s|$TMP|\$TMP|g" "$TMP/err" | head -1 | iconv -c -f UTF-8 -t UTF-8 | tr -d '\000-\037`')
  [ ${#msg} -gt 140 ] && msg="${msg:0:137}..."
  doc+="| $cases | \`omskplan ${shown_args//|/\\|}\` | exit $rc: ${msg//|/\\|} |${NL}"
done <"$(dirname "$0")/corpus.txt"
echo "corpus: $cases cases"
# Each case's Russian message reads as Russian (tests/cli/russian_check.py).
# (What the input files hold may come back in a message, as what was typed does.)
printf 'corpus case\t%s\n' "$(cat "$TMP"/*.csv "$TMP"/*.json "$TMP"/*.toml 2>/dev/null | tr -c 'A-Za-z' ' ' | tr -s ' ' | head -c 100000)" >"$TMP/ru-allow.txt"
if python3 "$(dirname "$0")/russian_check.py" "$TMP/ru" "$TMP/ru-allow.txt" >"$TMP/ru-check.log" 2>&1; then
  pass
else
  fail "Russian messages of the corpus with English in them: $(head -40 "$TMP/ru-check.log")"
fi
expect_eq "$([ "$cases" -ge 60 ] && echo yes)" "yes" "(at least 60 cases)"
if [ "${UPDATE_DOCS:-}" = 1 ]; then
  {
    echo "# Bad input: what omskplan says"
    echo
    echo "Every case exits non-zero with one line \`omskplan: error: …\` naming the input, and leaves the"
    echo "database byte-identical (checked by \`tests/cli/corpus.sh\`, generated from \`tests/cli/corpus.txt\`)."
    echo "Exit codes: 1 bad input or unknown id, 2 usage, 4 conflict, 5 database (docs/exit-codes.md)."
    echo
    printf '%s' "$doc"
  } >"$SRC/docs/bad-input.md"
fi
