#!/usr/bin/env bash
# Weekly joint inspections as a user and the cron job drive them.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2024-05-03 09:00"

run agreement org add --name "ООО «Сибирский строитель»" --inn 5504945804 --kind company
run inspection site add --code OB-017 --name "Школа на 1100 мест, мкр. Амурский-2" --address "ул. 21-я Амурская" \
  --lat 55.0312 --lon 73.2644 --program "НП «Образование»" --work construction --risk high \
  --deadline 2025-09-01 --contractor 5504945804 --progress 35
expect_rc 0
expect_out "registered site 1: OB-017 «Школа на 1100 мест, мкр. Амурский-2»"
expect_eq "$(sql "SELECT contractor_id FROM site WHERE code = 'OB-017'")" "1"

# A CSV as Excel in a Russian locale writes it: ';' and decimal commas.
cat >"$TMP/sites.csv" <<'CSV'
code;name;address;lat;lon;program;work;risk;deadline;progress;contractor
OB-018;Детский сад на 240 мест, ул. Завертяева;ул. Завертяева, 9;54,9901;73,3142;НП «Демография»;construction;significant;2024-12-01;60;5504945804
OB-019;Капремонт школы № 12;ул. Ленина, 23;54,9832;73,3719;Госпрограмма «Развитие образования»;capital-repair;medium;;20;
OB-020;Реконструкция моста через Омь;ул. Гагарина;54,9870;73,3791;НП «Безопасные качественные дороги»;reconstruction;extreme;2024-06-01;40;
CSV
run inspection site import "$TMP/sites.csv"
expect_out_is "3 created, 0 updated, 0 unchanged"
run inspection site import "$TMP/sites.csv"
expect_out_is "0 created, 0 updated, 3 unchanged"
expect_eq "$(sql "SELECT lat FROM site WHERE code = 'OB-018'")" "54.9901"
printf 'code,name,work,risk,lat,lon\nOB-030,"Дом ""культуры""",construction,low,55.01,73.30\n' >"$TMP/comma.csv"
run inspection site import "$TMP/comma.csv"
expect_out_is "1 created, 0 updated, 0 unchanged"
expect_eq "$(sql "SELECT name FROM site WHERE code = 'OB-030'")" 'Дом "культуры"'

# Import errors name the row and the column, and write nothing.
printf 'code;name;work;risk;lat;lon\nOB-040;Объект;construction;low;55,1;73,2\nOB-041;Объект 2;construction;high;55,1x;73,2\n' >"$TMP/bad.csv"
expect_unchanged inspection site import "$TMP/bad.csv"
expect_err "bad.csv:3: column 'lat': invalid latitude '55.1x': expected a number"
printf 'code;name;work;risk;colour\nOB-050;X;construction;low;red\n' >"$TMP/cols.csv"
expect_unchanged inspection site import "$TMP/cols.csv"
expect_err "cols.csv:1: unknown column 'colour'"
printf 'code;name;work;risk\nOB-051;X;demolition;low\n' >"$TMP/work.csv"
expect_unchanged inspection site import "$TMP/work.csv"
expect_err "work.csv:2: column 'work': invalid kind of work 'demolition'"
# In Russian too (the column was once found by matching the English message: «?»).
run --lang ru inspection site import "$TMP/bad.csv"
expect_rc 1
expect_err "bad.csv:3: столбец 'lat': широта: неверное значение «55.1x»: нужно число"
run --lang ru inspection site import "$TMP/work.csv"
expect_err "work.csv:2: столбец 'work': вид работ: недопустимое значение «demolition»"
printf 'code;name;work;risk\nOB-052;"X;construction;low\n' >"$TMP/quote.csv"
expect_unchanged inspection site import "$TMP/quote.csv"
expect_err "quote.csv: line 2: a quoted field is never closed"
printf 'code;name;work;risk\nOB-053;\xff\xfe;construction;low\n' >"$TMP/utf.csv"
expect_unchanged inspection site import "$TMP/utf.csv"
expect_err "not valid UTF-8"
printf 'code;name;work;risk\nOB-054;X;construction\n' >"$TMP/short.csv"
expect_unchanged inspection site import "$TMP/short.csv"
expect_err "short.csv:2: 3 fields, the header has 4"

run --json inspection site list --program "НП «Образование»"
expect_eq "$(out | jq -r '.[0].code')" "OB-017"
expect_eq "$(out | jq -r 'length')" "1"

run inspection agency add --name "Главное управление государственного строительного надзора Омской области" --kind oversight
expect_out "registered agency 1"
run inspection agency member add 1 --name "Петров П. П." --position "заместитель начальника"
expect_out "member 1: Петров П. П."
run inspection agency require 1 --work construction
run inspection agency list
expect_out "Петров П. П."

# 2024-W19: Thursday 9 May and Friday 10 May are days off; the visit moves to Wednesday 8 May.
run --json inspection schedule --week 2024-W19 --dry-run
expect_rc 0
expect_eq "$(out | jq -r '.days | join(",")')" "2024-05-08"
expect_eq "$(out | jq -r '.written')" "false"
expect_eq "$(sql "SELECT count(*) FROM visit")" "0"
run inspection schedule --week 2024-W19 --explain
expect_rc 0
expect_out "OB-020"
expect_out "DECISION"
expect_eq "$(sql "SELECT count(*) FROM visit WHERE week = '2024-W19' AND day = '2024-05-08'")" "5"
expect_eq "$(sql "SELECT count(*) FROM visit_agency")" "3"
# Idempotent: again changes nothing, not one byte.
h=$(db_hash)
run inspection schedule --week 2024-W19
expect_rc 0
expect_err "week 2024-W19 is planned already; nothing changed"
expect_eq "$(db_hash)" "$h" "(second run wrote)"
run --json inspection plan --week 2024-W19
expect_eq "$(out | jq -r '.visits | length')" "5"
expect_eq "$(out | jq -r '.visits[0].arrive')" "09:00"
run --format md inspection plan --week 2024-W19
expect_out "# Выездные проверки объектов на неделю с 6 по 12 мая 2024${NBSP}г."
expect_out "## 8 мая 2024${NBSP}г., среда"
expect_out "Главное управление государственного строительного надзора Омской области: Петров П. П."
run --format ics inspection plan --week 2024-W19
expect_out "BEGIN:VEVENT"
expect_out "DTSTART;TZID=Asia/Omsk:20240508T090000"
expect_out "TZID:Asia/Omsk"

# A week without a working day plans nothing and says so.
run inspection schedule --week 2024-W01
expect_rc 0
expect_err "week 2024-W01 has no working day (holidays): no visits"

# Visits and findings.
v=$(sql "SELECT id FROM visit WHERE site_id = (SELECT id FROM site WHERE code = 'OB-017')")
OMSKPLAN_NOW="2024-05-10 09:00" run inspection visit held "$v" --notes "Отставание по кровле" --attended 1
expect_rc 0
expect_out "visit $v held on 2024-05-08"
run inspection finding add --visit "$v" --site OB-017 --text "Отставание по монтажу кровли" --responsible 5504945804 \
  --due 2024-05-31 --severity major
expect_rc 0
expect_out "finding 1 at OB-017"
run inspection finding add --site OB-020 --text "Не оформлен журнал работ" --responsible "Иванов И. И." --due 2024-05-15 \
  --severity critical
run --quiet inspection finding list --open
expect_out_is "$(printf '2\n1')"
OMSKPLAN_NOW="2024-06-05 09:00" run inspection finding list --overdue
expect_out "Отставание по монтажу кровли"
OMSKPLAN_NOW="2024-06-05 09:00" run inspection overdue --fail-if-any
expect_rc 3
OMSKPLAN_NOW="2024-05-10 09:00" run inspection overdue --fail-if-any
expect_rc 0
run inspection finding status 1 in-progress --note "Подрядчик увеличил бригаду"
expect_out "finding 1 is in progress"
run inspection finding status 1 resolved --note "Кровля смонтирована"
expect_unchanged inspection finding status 1 open
expect_err "finding 1 is resolved; it cannot become open"
run inspection finding status 1 verified
run inspection finding history 1
expect_out "Подрядчик увеличил бригаду"
expect_out "verified"

# A site with an overdue critical finding comes first next week; --replan keeps held visits.
OMSKPLAN_NOW="2024-05-17 09:00" run --json inspection schedule --week 2024-W21 --explain
expect_eq "$(out | jq -r '.candidates[0].code')" "OB-020"
expect_unchanged inspection visit held "$v" --on 2030-01-01
expect_err "in the future"
OMSKPLAN_NOW="2024-05-09 09:00" run inspection schedule --week 2024-W19 --replan
expect_rc 0
expect_eq "$(sql "SELECT status FROM visit WHERE id = $v")" "held"
expect_eq "$(sql "SELECT count(*) FROM visit WHERE week = '2024-W19'")" "5"

# Coordinates outside the service area (Omsk and 60 km around by default) warn; NaN and inf are refused.
run inspection site add --code A-1 --name "Детский сад" --work construction --risk low --lat 55.9 --lon 73.37
expect_rc 0
expect_err "warning: site A-1 is 102 km from the centre of the service area (radius 60 km): check its coordinates 55.9, 73.37"
printf 'code;name;work;risk;lat;lon\nA-2;Школа;construction;low;54,99;73,37\nA-3;Мост;construction;low;0;0\n' >"$TMP/far.csv"
run inspection site import "$TMP/far.csv" --dry-run
expect_rc 0
expect_err "far.csv:3: site A-3 is 8"
expect_no_err "far.csv:2"
printf 'code;name;work;risk;lat;lon\nA-4;Школа;construction;low;nan;73\n' >"$TMP/nan.csv"
expect_unchanged inspection site import "$TMP/nan.csv"
expect_err "nan.csv:2: column 'lat': invalid latitude 'nan': expected a number"
printf '[inspection]\nstart_point = { lat = nan, lon = 73.37 }\n' >"$TMP/nan.toml"
expect_unchanged --config "$TMP/nan.toml" inspection schedule --week next
expect_err "inspection.start_point must be finite numbers"
run --set inspection.service_area_radius_km=200 inspection site add --code A-5 --name X --work construction --risk low \
  --lat 55.9 --lon 73.37
expect_rc 0
expect_no_err "warning"

# Bad input.
expect_unchanged inspection site add --code OB-017 --name X --work construction --risk low
expect_err "site code OB-017 is already taken by site 1"
expect_unchanged inspection site add --code OB-099 --name X --work construction --risk severe
expect_err "invalid risk class 'severe'"
expect_unchanged inspection site add --code OB-099 --name X --work construction --risk low --lat 95 --lon 73
expect_err "latitude 95 is out of range"
expect_unchanged inspection site add --code OB-099 --name X --work construction --risk low --contractor 1234567895
expect_err "INN 1234567895: the check digit does not match"
expect_unchanged inspection schedule --week 2024-W60
expect_err "invalid date '2024-W60'"
expect_unchanged inspection visit held 999
expect_err "no visit with id 999"
expect_unchanged inspection finding add --site OB-404 --text X
expect_err "no site with code 'OB-404'"
expect_unchanged inspection finding add --site OB-017 --text X --severity fatal
expect_unchanged inspection visit held "$v" --attended 1,x
expect_err "invalid --attended '1,x'"
expect_unchanged inspection agency member add 9 --name X
expect_err "no agency with id 9"

# Two cron jobs at once plan the week once.
export OMSKPLAN_NOW="2024-05-20 09:00"
"$BIN" inspection schedule --week next >"$TMP/a.out" 2>&1 &
"$BIN" inspection schedule --week next >"$TMP/b.out" 2>&1 &
wait
expect_eq "$(sql "SELECT count(*) FROM visit WHERE week = '2024-W22'")" \
  "$(sql "SELECT count(DISTINCT site_id) FROM visit WHERE week = '2024-W22'")"
expect_eq "$(grep -c 'planned already' "$TMP/a.out" "$TMP/b.out" | awk -F: '{ s += $2 } END { print s }')" "1"

# Cancel a planned visit; show a site with its findings.
run --format ics inspection plan --week 2024-W22
expect_out "UID:inspection-2024-W22-2024-05-30@omskplan"
# (lines unfolded: RFC 5545 folds them at 75 octets)
expect_eq "$(tr -d '\r' <"$TMP/out" | sed ':a;N;$!ba;s/\n //g' | grep '^SUMMARY')" \
  "SUMMARY:Выездная проверка объектов 30 мая 2024${NBSP}г."
expect_out "SEQUENCE:0"
n=$(sql "SELECT count(*) FROM visit WHERE week = '2024-W22'")
cv=$(sql "SELECT id FROM visit WHERE week = '2024-W22' AND seq = 1")
first_before=$(sql "SELECT arrive_utc FROM visit WHERE week = '2024-W22' AND seq = 2")
OMSKPLAN_NOW="2024-05-27 10:15" run inspection visit cancel "$cv" --notes "перенос по просьбе Ростехнадзора"
expect_out "visit $cv cancelled"
expect_unchanged inspection visit held "$cv"
expect_err "visit $cv was cancelled"
expect_unchanged inspection visit cancel "$cv"
expect_err "visit $cv was cancelled already"
# The rest of the day is routed again: numbered from 1, the first leaves earlier than it would have.
expect_eq "$(sql "SELECT group_concat(seq, ',') FROM (SELECT seq FROM visit WHERE week = '2024-W22'
  AND status = 'planned' ORDER BY seq)")" "$(seq -s, 1 $((n - 1)))"
expect_eq "$(sql "SELECT arrive_utc < '$first_before' FROM visit WHERE week = '2024-W22' AND seq = 1 AND status = 'planned'")" "1"
# The plan and the calendar keep the cancelled visit, with its reason; subscribed calendars update.
run --json inspection plan --week 2024-W22
expect_eq "$(out | jq -r --argjson id "$cv" '.visits[] | select(.id == $id) | "\(.status) \(.notes)"')" \
  "cancelled перенос по просьбе Ростехнадзора"
run --lang ru inspection plan --week 2024-W22
expect_out "отменён"
expect_out "отменён: перенос по просьбе Ростехнадзора"
run --format ics inspection plan --week 2024-W22
expect_out "UID:inspection-2024-W22-2024-05-30@omskplan"
expect_out "SEQUENCE:1"
expect_out "LAST-MODIFIED:20240527T041500Z"
expect_out "STATUS:CONFIRMED"
expect_out "Отменены:"
run --format md inspection plan --week 2024-W22
expect_out "**Отменены:**"
expect_out "— перенос по просьбе Ростехнадзора"
expect_out "; отменено: 1."
# Every visit of the day cancelled: the day's event is cancelled, not dropped.
for id in $(sql "SELECT id FROM visit WHERE week = '2024-W22' AND status = 'planned'"); do
  OMSKPLAN_NOW="2024-05-28 09:00" run --quiet inspection visit cancel "$id" --notes "гололёд"
done
run --format ics inspection plan --week 2024-W22
expect_out "STATUS:CANCELLED"
expect_out "SEQUENCE:$n"
expect_no_out "STATUS:CONFIRMED"
run inspection schedule --week 2024-W22
expect_err "week 2024-W22 is planned already"
# A visit never recorded after its day is flagged; the weekly summary counts it and gives reasons.
OMSKPLAN_NOW="2024-06-03 09:00" run --lang ru inspection plan --week 2024-W19
expect_out "не отмечен"
# The reasons were stored as facts by an English cron job; a Russian reader reads them in Russian.
expect_out "ещё не посещался"
OMSKPLAN_NOW="2024-06-03 09:00" run --format md report run weekly-inspections --week 2024-W22
expect_out "За неделю — $n выезд"
expect_out "отменено — $n"
expect_out "отменён: перенос по просьбе Ростехнадзора"
run --format md report run weekly-inspections --week 2024-W01
expect_out "За неделю — выездов нет: нет рабочих дней, праздники."
run inspection plan --week 2024-W01
expect_err "week 2024-W01 has no working day (holidays): no visits"
run inspection site show OB-020
expect_out "OB-020 «Реконструкция моста через Омь»"
expect_out "Не оформлен журнал работ"
# The card tells the whole story: contractor by name, last visit, the visits, organizations by name.
run inspection site show OB-017
expect_out "ООО «Сибирский строитель» (INN 5504945804)"
expect_out "2024-05-08"
expect_out "held"
expect_no_out "org #"
run --lang ru inspection site show OB-017
expect_out "подрядчик"
expect_out "состоялся"
run --json inspection site show OB-017
expect_eq "$(out | jq -r '.contractor.name, .last_visit')" "$(printf 'ООО «Сибирский строитель»\n2024-05-08')"

# site edit: one field or several, one transaction, checked as site add checks; nothing written on error.
run inspection site edit OB-019 --progress 55 --deadline 2024-11-30 --risk high --contractor 5504945804
expect_rc 0
expect_out "site 3 changed: OB-019"
expect_eq "$(sql "SELECT progress, deadline, risk, contractor_id FROM site WHERE code = 'OB-019'")" "55|2024-11-30|high|1"
run inspection site edit OB-019 --progress 55
expect_out "site 3: nothing changed"
run inspection site edit OB-019 --deadline ""
expect_eq "$(sql "SELECT deadline IS NULL FROM site WHERE code = 'OB-019'")" "1"
run inspection site edit OB-019 --lat 55.9
expect_rc 0
expect_err "warning: site OB-019 is 102 km from the centre of the service area"
run inspection site edit OB-019 --lat 54.9832 --lon 73.3719
expect_no_err "warning"
expect_unchanged inspection site edit OB-019 --progress 140
expect_err "progress 140 is out of range 0…100"
expect_unchanged inspection site edit OB-019 --lat nan
expect_err "invalid latitude 'nan'"
expect_unchanged inspection site edit OB-404 --progress 1
expect_err "no site with code 'OB-404'"
expect_unchanged inspection site edit OB-019 --risk severe
expect_err "invalid risk class 'severe'"
run undo
expect_rc 0
expect_eq "$(sql "SELECT lat FROM site WHERE code = 'OB-019'")" "55.9"

# A finding due in the past or on a day off warns; a status change recorded late keeps its day;
# overdue findings say by how many days.
OMSKPLAN_NOW="2024-05-14 09:00" run inspection finding add --site OB-018 --text "Нет паспорта объекта" \
  --responsible "Иванов И. И." --due 2024-05-12
expect_rc 0
expect_err "its due date 2024-05-12 has passed already"
OMSKPLAN_NOW="2024-05-20 09:00" run inspection finding add --site OB-018 --text "Не вывезен мусор" \
  --responsible "Иванов И. И." --due 2024-06-12
expect_err "its due date 2024-06-12 is a day off; the next working day is 2024-06-13"
OMSKPLAN_NOW="2024-05-20 09:00" run --lang ru inspection finding add --site OB-018 --text "Нет ограждения" --due 2024-06-08
expect_err "срок 8 июня 2024${NBSP}г. приходится на выходной; ближайший рабочий день — 10 июня 2024${NBSP}г."
fid=$(sql "SELECT id FROM finding WHERE text = 'Нет паспорта объекта'")
OMSKPLAN_NOW="2024-05-20 09:00" run inspection overdue
expect_out "DAYS LATE"
OMSKPLAN_NOW="2024-05-20 09:00" run --json inspection overdue
expect_eq "$(out | jq -r --argjson id "$fid" '.[] | select(.id == $id) | .days_overdue')" "8"
OMSKPLAN_NOW="2024-05-20 09:00" run inspection finding status "$fid" resolved --on 2024-05-17 --note "паспорт установлен"
expect_rc 0
expect_eq "$(sql "SELECT substr(at_utc, 1, 10) FROM finding_change WHERE finding_id = $fid ORDER BY rowid DESC LIMIT 1")" \
  "2024-05-16"
expect_unchanged inspection finding status "$fid" verified --on 2030-01-01
expect_err "that is in the future"
expect_unchanged inspection finding status "$fid" verified --on 2024-05-01
expect_err "its last change was on 2024-05-17"

# What a list exports, its import reads back unchanged: coordinates, contractor, customer,
# notes, active — in RFC CSV and in Excel's dialect (";" and decimal commas).
run --json inspection site list
cp "$TMP/out" "$TMP/sites-before.json"
# Written a site at a time: still one array, byte for byte as a whole dump(2), by code.
expect_eq "$(python3 -c 'import json, sys; t = open(sys.argv[1]).read(); print(t == json.dumps(json.loads(t), indent=2, ensure_ascii=False) + "\n")' "$TMP/sites-before.json")" True "site list as one dump"
expect_eq "$(jq -r '.[].code' "$TMP/sites-before.json" | sort -c && echo sorted)" sorted "site list by code"
run --format csv inspection site list
cp "$TMP/out" "$TMP/export.csv"
expect_out "code,name,address,lat,lon,program,work,risk,deadline,progress,contractor,customer,notes,active"
run inspection site import "$TMP/export.csv"
expect_rc 0
expect_out ", 0 updated,"
run --json inspection site list
expect_eq "$(cat "$TMP/out")" "$(cat "$TMP/sites-before.json")" "site list → import → list"
run --csv excel --format csv inspection site list
cp "$TMP/out" "$TMP/export-excel.csv"
run inspection site import "$TMP/export-excel.csv"
expect_out ", 0 updated,"
# A file without some columns leaves those fields as they were.
printf 'code,name,work,risk\nOB-020,Реконструкция моста через Омь,reconstruction,high\n' >"$TMP/partial.csv"
run inspection site import "$TMP/partial.csv"
run --json inspection site list
expect_eq "$(out | jq -c '[.[] | select(.code == "OB-020") | .lat, .lon, .contractor_id]')" \
  "$(jq -c '[.[] | select(.code == "OB-020") | .lat, .lon, .contractor_id]' "$TMP/sites-before.json")" "partial import"

finish
