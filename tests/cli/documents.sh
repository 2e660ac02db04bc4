#!/usr/bin/env bash
# Every shipped report in every format, on demo data, read back as an official's
# software reads it: the XLSX by openpyxl (cell types and number formats), the
# DOCX by python-docx and converted by LibreOffice, the HTML printed to A4 by
# headless Chromium and its PDF read by pdftotext (every column header whole),
# CSV in both dialects, JSON with typed values. "Now" is frozen.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2024-05-13 09:00"
CHECK=(/usr/bin/python3 "$(dirname "$0")/documents_check.py")
need jq unzip pdftotext chromium soffice /usr/bin/python3 || { finish; exit; }
/usr/bin/python3 -c 'import openpyxl, docx' 2>"$TMP/py.err" && pass || fail "python3-openpyxl, python3-docx: $(cat "$TMP/py.err")"

# ---- the data: events, agreements, patrons, inspections, units and an approved plan ----
run event import "$SRC/examples/demo/events-2023.json"
run agreement org import "$SRC/examples/demo/organizations.json"
run agreement import "$SRC/examples/demo/agreements.json"
run agreement award add --year 2023 --org 5503123456 --decided 2023-11-23
run agreement badge issue --org 5503123456 --year 2023 --on 2023-12-15
run agreement badge issue --org 5504945804 --year 2023 --on 2023-12-15
run inspection site import "$SRC/examples/demo/sites.csv"
run inspection agency add --name "Главное управление государственного строительного надзора Омской области" --kind oversight
run inspection agency require 1 --work construction
run inspection schedule --week 2024-W19
expect_rc 0
OMSKPLAN_NOW="2024-05-08 16:00" run inspection finding add --site OB-007 --text "Не закрыт доступ пешеходов в зону работ" \
  --due 2024-05-10 --severity critical
run unit import "$SRC/examples/demo/units.json"
sed -e "s/@M1@/2024-04/g" -e "s/@M2@/2024-05/g" -e "s/@M3@/2024-06/g" "$SRC/examples/demo/plan-proposals.csv" >"$TMP/proposals.csv"
OMSKPLAN_NOW="2024-03-20 09:00" run plan new --kind quarterly --period 2024-Q2
OMSKPLAN_NOW="2024-03-20 09:00" run plan import 1 "$TMP/proposals.csv"
expect_rc 0
OMSKPLAN_NOW="2024-03-25 09:00" run plan approve 1 --on 2024-03-25 --act "распоряжение № 45-р"
expect_rc 0
run plan item done 1 1 --on 2024-04-10 --report "Информация направлена"
cat >"$TMP/config.toml" <<'TOML'
[document]
approver_name = "С. Г. Шелест"
executor = "Иванова Анна Петровна"
executor_phone = "8 (3812) 78-78-78"
TOML
export OMSKPLAN_CONFIG="$TMP/config.toml"

# Protocol: the guests of City Day 2023 and two delegations.
run guest import "$SRC/examples/demo/guests.csv"
expect_rc 0
run --json event list
city_day=$(out | jq -r '[.[] | select(.title | startswith("День города"))][0].id')
run delegation add --event "$city_day" --from "г. Новосибирск" --head соколов --member петров --arrive "2023-08-04 15:40" \
  --arrive-by "поезд №${NBSP}12" --depart "2023-08-06 10:00" --hotel "Ибис Сибирь" --escort "Иванов И. И."
expect_rc 0
run delegation add --event "$city_day" --from "Республика Казахстан, г. Павлодар" --head жумабеков --member оспанов \
  --arrive "2023-08-04 21:10" --arrive-by "автобус Павлодар — Омск" --hotel "Маяк" --escort "Сидорова Е. В."
run event guests "$city_day" invite шелест хоценко корбут ёлкина --group "почётные гости"
expect_rc 0

# ---- every report × every format ----
reports=(
  "monthly-plan --month 2023-08"
  "weekly-inspections --week 2024-W19"
  "agreements-register --as-of 2023-12-31"
  "patrons --year 2023"
  "annual --year 2023 --narrative $SRC/examples/annual-2023.toml"
  "work-plan --plan 1 --as-of 2024-05-13"
  "plan-execution --period 2024-Q2 --as-of 2024-05-13"
  "weekly-plan --week 2024-W19"
  "experience --kind city-day --years 2022-2024"
  "guest-list --event $city_day"
  "delegations --event $city_day"
)
for r in "${reports[@]}"; do
  id=${r%% *}
  # shellcheck disable=SC2086  # the report's arguments are words
  set -- $r
  run --json report run "$@"
  expect_rc 0
  cp "$TMP/out" "$TMP/$id.json"
  title=$(jq -r .title "$TMP/$id.json")
  for f in table md csv; do
    run --format $f report run "$@"
    expect_rc 0
  done
  run report run "$@"
  expect_out "$title"
  expect_out "Исполнитель: Иванова Анна Петровна, тел. 8 (3812) 78-78-78"
  # XLSX: cell types, formats, every text of the document.
  run --format xlsx report run "$@" -o "$TMP/$id.xlsx"
  expect_rc 0
  if "${CHECK[@]}" xlsx "$TMP/$id.xlsx" "$TMP/$id.json" >"$TMP/check.out" 2>&1; then pass; else
    fail "$id.xlsx: $(head -5 "$TMP/check.out")"; fi
  # DOCX: python-docx reads it; LibreOffice converts it without complaint.
  run --format docx report run "$@" -o "$TMP/$id.docx"
  expect_rc 0
  if "${CHECK[@]}" docx "$TMP/$id.docx" "$TMP/$id.json" >"$TMP/check.out" 2>&1; then pass; else
    fail "$id.docx: $(head -5 "$TMP/check.out")"; fi
  # HTML printed to A4: every column header whole in the PDF's text.
  run --format html report run "$@" -o "$TMP/$id.html"
  expect_rc 0
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$TMP/chromium" \
    --print-to-pdf="$TMP/$id.pdf" "file://$TMP/$id.html" >/dev/null 2>&1
  if pdftotext "$TMP/$id.pdf" "$TMP/$id.pdf.txt" 2>/dev/null; then pass; else fail "$id: Chromium printed no PDF"; fi
  if "${CHECK[@]}" words "$TMP/$id.pdf.txt" "$TMP/$id.json" >"$TMP/check.out" 2>&1; then pass; else
    fail "$id.html printed: $(head -5 "$TMP/check.out")"; fi
  grep -qF "$(jq -r '.title | split(" ")[0:3] | join(" ")' "$TMP/$id.json")" "$TMP/$id.pdf.txt" && pass ||
    fail "$id: the title is not in the printed PDF"
done
# An event's plan as a document: «План подготовки и проведения мероприятия».
run --json event list
ev=$(out | jq -r '[.[] | select(.title | startswith("День города"))][0].id')
run --format md event show "$ev"
expect_out "# План подготовки и проведения мероприятия"
expect_out "**УТВЕРЖДАЮ**"
expect_out "| Наименование мероприятия | Ответственный | Срок исполнения | Отметка об исполнении |"
expect_out "## 2. Программа проведения"
run --format docx event show "$ev" -o "$TMP/event-plan.docx"
expect_rc 0
run --format html event show "$ev" -o "$TMP/event-plan.html"
expect_rc 0
/usr/bin/python3 -c 'import docx, sys; d = docx.Document(sys.argv[1]); print("\n".join(p.text for p in d.paragraphs)); print(len(d.tables))' \
  "$TMP/event-plan.docx" >"$TMP/ev.txt" 2>&1
grep -qF "План подготовки и проведения мероприятия" "$TMP/ev.txt" && pass || fail "event plan DOCX: $(head -3 "$TMP/ev.txt")"
expect_unchanged --format docx event show "$ev"
expect_err "DOCX is binary: give the file with -o FILE"
expect_unchanged event show "$ev" -o "$TMP/card.txt"
expect_err "-o is for the event's plan as a document"
expect_unchanged --format docx event show 9999 -o "$TMP/none.docx"
[ -e "$TMP/none.docx" ] && fail "a document for no event" || pass

# The week's inspection memo as a document for the agencies.
run --format docx inspection plan --week 2024-W19 -o "$TMP/memo.docx"
expect_rc 0
/usr/bin/python3 -c 'import docx, sys; d = docx.Document(sys.argv[1]); print("\n".join(p.text for p in d.paragraphs)); print(len(d.tables))' \
  "$TMP/memo.docx" >"$TMP/memo.txt" 2>&1
grep -qF "на неделю с 6 по 12 мая 2024${NBSP}г." "$TMP/memo.txt" && pass || fail "memo DOCX: $(head -3 "$TMP/memo.txt")"
expect_unchanged inspection plan --week 2024-W19 -o "$TMP/memo.txt"
expect_err "-o is for the memo as a document"

# LibreOffice opens the DOCX and XLSX (a repair prompt would fail the conversion headless).
(cd "$TMP" && timeout 300 soffice --headless -env:UserInstallation=file://$TMP/lo --convert-to pdf \
  agreements-register.docx work-plan.docx annual.xlsx event-plan.docx >"$TMP/lo.out" 2>&1)
echo '{"title": "План подготовки и проведения"}' >"$TMP/event-plan.json"
for f in agreements-register work-plan annual event-plan; do
  if pdftotext "$TMP/$f.pdf" - 2>/dev/null | grep -qF "$(jq -r '.title | split(" ")[0:2] | join(" ")' "$TMP/$f.json")"; then
    pass; else fail "LibreOffice did not convert $f: $(tail -3 "$TMP/lo.out")"; fi
done

# ---- what the documents say ----
# Landscape where wide; the register's every column printed.
grep -q "size: A4 landscape" "$TMP/agreements-register.html" && pass || fail "the register does not print landscape"
for h in "Исполнено" "В работе" "Просрочено" "Сумма, руб."; do
  tr '\n' ' ' <"$TMP/agreements-register.pdf.txt" | grep -qF "$h" && pass || fail "the printed register lacks «$h»"
done
# Periods as people write them, never 2024-W19.
grep -qF "на неделю с 6 по 12 мая 2024${NBSP}г." "$TMP/weekly-plan.json" && pass || fail "the weekly plan's period"
grep -qF "на неделю с 6 по 12 мая 2024${NBSP}г." "$TMP/weekly-inspections.json" && pass || fail "the weekly summary's period"
for id in weekly-plan weekly-inspections; do grep -q "W19" "$TMP/$id.json" && fail "$id says W19" || pass; done
# Approval blocks: the plan's own (approved), the monthly plan's to sign (config's approver).
expect_eq "$(jq -r .approval.signature "$TMP/monthly-plan.json")" "_______________ С. Г. Шелест"
expect_eq "$(jq -r .approval.date "$TMP/work-plan.json")" "«25» марта 2024${NBSP}г."
# «№ п/п» in tables that list items.
expect_eq "$(jq -r '.sections[0].columns[0].header' "$TMP/agreements-register.json")" "№ п/п"  # a no-break space
expect_eq "$(jq -r '.sections[0].columns[0].header' "$TMP/monthly-plan.json")" "№ п/п"
# The annual report agrees with itself: held events in every figure; patrons are a section.
jq -e '[.sections[] | select(.rows) | select(.columns[0].key == "kind" or .columns[0].key == "month")
        | select(.columns[1].key == "count") | .totals.count] | unique | length == 1' "$TMP/annual.json" >/dev/null &&
  pass || fail "the annual report's event totals differ"
grep -qF "Проведено 7 мероприятий." "$TMP/annual.json" && pass || fail "annual: held events"
grep -qF "Выезды на объекты не проводились." "$TMP/annual.json" && pass || fail "annual: no visits in 2023"
jq -e '.sections[] | select(.heading == "1.2. «Меценат года»") | .rows | length == 3' "$TMP/annual.json" >/dev/null && pass ||
  fail "annual: no «Меценат года» section"
run --json report run annual --year 2024
jq -e '[.sections[] | select(.rows) | select(.columns[1].key == "count")] | length == 0' "$TMP/out" >/dev/null && pass ||
  fail "annual 2024: tables of held events where none was held"
expect_out "Мероприятия в 2024 году не проводились."

# The experience brochure: the template's checklist with offsets in words, the lessons with their years.
grep -qF "Методические рекомендации по подготовке и проведению Дня города" "$TMP/experience.json" && pass ||
  fail "experience: the title"
grep -qF "за 30 рабочих дней" "$TMP/experience.json" && pass || fail "experience: offsets in words"
jq -e '[.sections[] | select(.heading | startswith("5.")) | .rows[] | .year] | all(. == 2023) and length > 0' \
  "$TMP/experience.json" >/dev/null && pass || fail "experience: lessons with their year"
run report run experience --kind konzert --years 2023
expect_rc 1
expect_err "invalid kind 'konzert'"
run report run experience --kind concert --years 2025-2020
expect_err "invalid --years '2025-2020'"

# ---- JSON: typed values ----
expect_eq "$(jq -r '.sections[0].rows[0].rank | type' "$TMP/patrons.json")" "number"
expect_eq "$(jq -c '.sections[0].rows[0].rank' "$TMP/patrons.json")" "1"
expect_eq "$(jq -c '.sections[0].rows[0].fulfilled' "$TMP/patrons.json")" '"2600000.00"'
expect_eq "$(jq -c '.sections[0].rows[0].signed' "$TMP/agreements-register.json")" '"2023-04-12"'
expect_eq "$(jq -c '.sections[0].totals.value' "$TMP/agreements-register.json")" '"7200000.00"'
expect_eq "$(jq -c '.sections[0].rows[0].no' "$TMP/agreements-register.json")" "1"

# ---- CSV: RFC 4180 by default, Excel's dialect on request ----
run --format csv report run agreements-register --as-of 2023-12-31
expect_out "section,no,number,org,title,sphere,signed,valid_to,status,value,fulfilled,due,overdue"
expect_out ",2023-04-12,2025-12-31,действует,3200000.00,"
expect_eq "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" "736563" "RFC CSV starts with the header, no BOM"
run --csv excel --format csv report run agreements-register --as-of 2023-12-31
expect_eq "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" "efbbbf" "Excel's CSV starts with a BOM"
expect_out "section;no;number;org;title;sphere;signed;valid_to;status;value;fulfilled;due;overdue"
expect_out ";12.04.2023;31.12.2025;действует;3200000,00;"
OMSKPLAN_CSV=excel run --format csv agreement list
expect_out ";"
run --set csv=semicolon agreement list
expect_rc 1
expect_err "csv"
# Formula injection: a cell that Excel would run is quoted with ' in its dialect.
run agreement org add --name "=HYPERLINK(\"http://evil\")" --inn 7707083893 --kind company
run --csv excel --format csv agreement org list
expect_out "'=HYPERLINK("
run --format csv agreement org list
expect_out "\"=HYPERLINK(\"\"http://evil\"\")\""

# ---- Markdown: data never passes through as HTML ----
run event add --title "<script>alert(1)</script> Концерт" --start "2023-08-20 18:00" --kind concert
expect_rc 0
run --format md report run monthly-plan --month 2023-08
expect_out "&lt;script&gt;alert(1)&lt;/script&gt; Концерт"
expect_no_out "<script>"

finish
