#!/usr/bin/env bash
# Reports on the demo data, "now" frozen: compared with golden files, HTML
# parsed as XML, the XLSX opened (a zip of XML) and its sheet read.
# UPDATE_GOLDEN=1 rewrites the golden files (then review the diff).
. "$(dirname "$0")/lib.sh"
GOLDEN="$(dirname "$0")/golden"
export OMSKPLAN_NOW="2024-05-03 09:00"

golden() { # name: compare stdout with golden/name
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$TMP/out" "$GOLDEN/$1"
    pass
  elif cmp -s "$TMP/out" "$GOLDEN/$1"; then
    pass
  else
    fail "differs from golden/$1: $(diff "$GOLDEN/$1" "$TMP/out" | head -10)"
  fi
}

run event import "$SRC/examples/demo/events-2023.json"
run agreement org import "$SRC/examples/demo/organizations.json"
run agreement import "$SRC/examples/demo/agreements.json"
expect_rc 0
run agreement award add --year 2023 --org 5503123456 --decided 2023-11-23
run agreement badge issue --org 5503123456 --year 2023 --on 2023-12-15
run agreement badge issue --org 5504945804 --year 2023 --on 2023-12-15
run inspection site import "$SRC/examples/demo/sites.csv"
run inspection agency add --name "Главное управление государственного строительного надзора Омской области" --kind oversight
run inspection agency member add 1 --name "Петров П. П." --position "заместитель начальника"
run inspection agency require 1 --work construction
run inspection schedule --week 2024-W19
OMSKPLAN_NOW="2024-05-08 16:00" run inspection finding add --site OB-007 --text "Не закрыт доступ пешеходов в зону работ" \
  --due 2024-05-10 --severity critical
OMSKPLAN_NOW="2024-05-08 16:00" run inspection finding add --site OB-001 --text "Отставание по монтажу кровли" --due 2024-05-31
OMSKPLAN_NOW="2024-05-10 11:00" run inspection finding status 2 resolved --note "Смонтировано"
export OMSKPLAN_NOW="2024-05-13 09:00"

run report list
expect_rc 0
for id in monthly-plan weekly-inspections agreements-register patrons annual; do expect_out "$id"; done

run report run monthly-plan --month 2023-08
expect_rc 0
expect_out "План основных мероприятий Администрации города Омска на август 2023 года"
golden monthly-plan-2023-08.txt
run --format md report run weekly-inspections --week 2024-W19
golden weekly-inspections-2024-W19.md
# One week parser for the report and `inspection schedule`: the same words, the same weeks.
OMSKPLAN_NOW="2024-05-08 09:00" run --format md report run weekly-inspections --week current
expect_out "на неделю с 6 по 12 мая 2024${NBSP}г."
OMSKPLAN_NOW="2024-05-15 09:00" run --format md report run weekly-inspections --week previous
expect_out "на неделю с 6 по 12 мая 2024${NBSP}г."
OMSKPLAN_NOW="2024-05-08 09:00" run --json inspection plan --week current
expect_rc 0
expect_unchanged report run weekly-inspections --week 2024-05
expect_err "invalid --week '2024-05': expected a week such as 2024-W19, this, next or last"
expect_unchanged inspection plan --week 2024-05
expect_err "invalid --week '2024-05': expected a week such as 2024-W19, this, next or last"
run --format md report run agreements-register --as-of 2024-01-01
expect_out "по состоянию на 1 января 2024${NBSP}г."
golden agreements-register-2024-01-01.md
run report run patrons --year 2023
golden patrons-2023.txt
run --format md report run annual --year 2023 --narrative "$SRC/examples/annual-2023.toml"
expect_out "## 2. Задачи на 2024 год"
golden annual-2023.md

# HTML: one self-contained file, well-formed, with an SVG chart and print rules.
run --format html report run annual --year 2023 --narrative "$SRC/examples/annual-2023.toml" -o "$TMP/annual.html"
expect_rc 0
expect_err "wrote $TMP/annual.html"
if xmllint --noout "$TMP/annual.html" 2>"$TMP/xmllint.err"; then pass; else fail "HTML is not well-formed: $(cat "$TMP/xmllint.err")"; fi
grep -q "<svg" "$TMP/annual.html" && pass || fail "no inline SVG chart"
grep -q "@page { size: A4" "$TMP/annual.html" && pass || fail "no A4 print rules"
grep -q "<link\|<script\|src=\"http" "$TMP/annual.html" && fail "not self-contained" || pass

# XLSX: a zip of XML; the sheet has the register's rows.
run --format xlsx report run agreements-register --as-of 2024-01-01 -o "$TMP/register.xlsx"
expect_rc 0
unzip -p "$TMP/register.xlsx" xl/worksheets/sheet1.xml >"$TMP/sheet.xml" 2>/dev/null
if xmllint --noout "$TMP/sheet.xml" 2>/dev/null; then pass; else fail "sheet1.xml is not XML"; fi
unzip -p "$TMP/register.xlsx" xl/sharedStrings.xml >"$TMP/strings.xml" 2>/dev/null
grep -q "12-С/2023" "$TMP/strings.xml" && pass || fail "the register's rows are not in the spreadsheet"
grep -q "<v>2500000</v>" "$TMP/sheet.xml" && pass || fail "values are not numbers in the spreadsheet"
unzip -p "$TMP/register.xlsx" xl/styles.xml | grep -qF 'formatCode="#,##0.00"' && pass || fail "money is not in #,##0.00"
unzip -p "$TMP/register.xlsx" xl/workbook.xml | grep -qF 'name="Реестр"' && pass || fail "the sheet is not «Реестр»"

# CSV per RFC 4180, JSON with numbers.
run --format csv report run agreements-register --as-of 2024-01-01
expect_out "section,no,number,org,title,sphere,signed,valid_to,status,value,fulfilled,due,overdue"
run --json report run agreements-register --as-of 2024-01-01
expect_eq "$(out | jq -c '.sections[0].rows[0].value')" '"3200000.00"' "money as agreement list --json has it"

# A user's report template, and the loader's errors.
cat >"$TMP/my.toml" <<'TOML'
id = "my-report"
name = "Мой отчёт"
title = "Мероприятия за {{year}} год"

[[param]]
name = "year"
type = "year"
default = "2023"

[[section]]
text = "Всего: {{stats.events_text}}."
query = "events"
columns = ["date", "title"]
TOML
run report run my-report --template "$TMP/my.toml" --format csv
expect_rc 0
expect_out "section,date,title"
run report run my-report --template "$TMP/my.toml"
expect_out "Всего: 7 мероприятий."
run report check "$TMP/my.toml"
expect_out "ok: report 'my-report'"
sed -e 's/columns = \["date", "title"\]/columns = ["date", "colour"]/' "$TMP/my.toml" >"$TMP/bad.toml"
run report check "$TMP/bad.toml"
expect_rc 1
expect_err "bad.toml:13:20: query 'events' has no column 'colour'"
sed -e 's/query = "events"/query = "everything"/' "$TMP/my.toml" >"$TMP/bad2.toml"
run report check "$TMP/bad2.toml"
expect_err "bad2.toml:12:9: unknown query 'everything'"
sed -e 's/{{year}}/{{yaer}}/' "$TMP/my.toml" >"$TMP/bad3.toml"
run report check "$TMP/bad3.toml"
expect_err "bad3.toml:3:9: unknown placeholder '{{yaer}}'"

# A quarter parameter and filters: a user's report without new C++.
cat >"$TMP/q.toml" <<'TOML'
id = "concerts"
name = "Концерты квартала"
title = "Концерты за {{quarter_phrase}}"

[[param]]
name = "quarter"
type = "quarter"
default = "this"

[[section]]
text = "Всего: {{stats.events_text}}."
query = "events"
filter = { kind = "concert", status = "held" }
columns = ["no", "date", "title"]
TOML
run report run --template "$TMP/q.toml" --quarter 2023-Q4
expect_rc 0
expect_out "Концерты за IV квартал 2023 года"
expect_out "Всего: 1 мероприятие."
expect_out "Новогодний концерт"
run report run --template "$TMP/q.toml" --quarter 2023-Q3
expect_out "Всего: 0 мероприятий."
sed -e 's/kind = "concert"/kind = "konzert"/' "$TMP/q.toml" >"$TMP/q-bad.toml"
run report check "$TMP/q-bad.toml"
expect_rc 1
expect_err "q-bad.toml:13:19: invalid kind 'konzert'"
sed -e 's/status = "held"/colour = "red"/' "$TMP/q.toml" >"$TMP/q-bad2.toml"
run report check "$TMP/q-bad2.toml"
expect_err "query 'events' has no filter 'colour'; it has: kind, level, status, unit"
sed -e 's/query = "events"/query = "patrons"/; s/columns = .*//' "$TMP/q.toml" >"$TMP/q-bad3.toml"
run report check "$TMP/q-bad3.toml"
expect_err "query 'patrons' takes no filter"
sed -e 's/kind = "concert", status = "held"/unit = "НЕТ"/' "$TMP/q.toml" >"$TMP/q-unit.toml"
expect_unchanged report run --template "$TMP/q-unit.toml" --quarter 2023-Q4
expect_err "no unit with code 'НЕТ'"

# Bad input: nothing written, not even the output file.
expect_unchanged report run monthly-plan --week 2024-W19
expect_err "report 'monthly-plan' takes no --week; it takes: --month"
expect_unchanged report run monthly-plan --month 2023-13
expect_unchanged report run nonsense
expect_err "unknown report 'nonsense'"
expect_unchanged report run monthly-plan --month 2023-08 -o "$TMP/missing/dir/plan.html"
expect_err "directory $TMP/missing/dir does not exist"
expect_unchanged --format xlsx report run patrons --year 2023
expect_err "XLSX is binary: give the file with -o FILE"
expect_unchanged report run annual --year 2023 --narrative "$TMP/none.toml"
expect_err "no such narrative file"
[ -e "$TMP/missing" ] && fail "a directory was created" || pass

# "-": a template and the narrative from standard input, the document to standard output.
"$BIN" report check - <"$SRC/examples/reports/monthly-plan.toml" >"$TMP/out" 2>"$TMP/err"
expect_out "-: ok: report 'monthly-plan'"
"$BIN" report run --template - --month 2023-08 <"$SRC/examples/reports/monthly-plan.toml" >"$TMP/out" 2>"$TMP/err"
expect_out "План основных мероприятий"
"$BIN" report run annual --year 2023 --narrative - --format md <"$SRC/examples/annual-2023.toml" >"$TMP/out" 2>"$TMP/err"
expect_out "Ассоциации сибирских и дальневосточных городов"
run report run monthly-plan --month 2023-08 -o -
expect_rc 0
expect_out "План основных мероприятий"
if [ -e ./- ] || [ -e "$TMP/-" ]; then fail "-o - wrote a file named '-'"; else pass; fi
run report run agreements-register --format xlsx -o -
expect_rc 0
expect_eq "$(head -c 2 "$TMP/out")" "PK" "xlsx to standard output"
