#!/usr/bin/env bash
# The exported calendar as a real client reads it: ical.js (Thunderbird's parser)
# must see every time in Asia/Omsk (not floating) at the right instant.
# node and ical.js are installed by .ci/install-deps (ical.js into build/npm).
. "$(dirname "$0")/lib.sh"
ICALJS=${OMSKPLAN_ICALJS:-}
need node || exit 1
if [ ! -f "$ICALJS" ]; then
  fail "ical.js is not installed at $ICALJS (.ci/install-deps installs it)"
  exit 1
fi

run event new --template city-day --date 2023-08-05
run event add --title "Круглый стол: итоги; планы, задачи — длинный заголовок, чтобы строка была сложена" \
  --start "2023-10-10 15:00" --kind round-table
run event add --title "Выставка" --start 2023-09-01 --duration 2d --kind exhibition
run --format ics event list
cp "$TMP/out" "$TMP/plan.ics"
run --json event list
jq -r '.[] | [.uuid + "@omskplan", .all_day, .start, .end, .title] | @tsv' "$TMP/out" >"$TMP/expected.tsv"
node "$(dirname "$0")/icaljs-check.cjs" "$ICALJS" "$TMP/plan.ics" >"$TMP/parsed.txt" 2>"$TMP/err"
rc=$?
expect_rc 0
while IFS=$'\t' read -r uid all_day start end title; do
  if [ "$all_day" = "true" ]; then
    want="$uid|DATE|${start:0:10}|$(date -d "${end:0:10}" +%F)|$title"
  else
    want="$uid|Asia/Omsk|$(date -d "$start" +%s)|$(date -d "$end" +%s)|$title"
  fi
  if grep -qxF -- "$want" "$TMP/parsed.txt"; then pass; else fail "ical.js read differently: $want"; fi
done <"$TMP/expected.tsv"
# City Day and its four parts, each part related to the day as its parent.
expect_eq "$(grep -vc '^part|' "$TMP/parsed.txt")" "7"
day=$(sql "SELECT uuid FROM event WHERE id = 1")@omskplan
expect_eq "$(grep -c "^part|.*|$day|PARENT$" "$TMP/parsed.txt")" "4"

# The week's inspection visits: one event a visit day; a cancellation updates it in a
# subscribed calendar (same UID, SEQUENCE up, LAST-MODIFIED), a day all cancelled is CANCELLED.
OMSKPLAN_NOW="2024-05-03 14:00" run inspection site add --code OB-1 --name "Школа" --work construction --risk high \
  --lat 55.03 --lon 73.26
OMSKPLAN_NOW="2024-05-03 14:00" run inspection site add --code OB-2 --name "Мост" --work construction --risk low \
  --lat 54.99 --lon 73.37
OMSKPLAN_NOW="2024-05-03 14:00" run inspection schedule --week 2024-W19
expect_rc 0
uid="inspection-2024-W19-2024-05-08@omskplan"
ics_rev() {
  run --format ics inspection plan --week 2024-W19
  cp "$TMP/out" "$TMP/visits.ics"
  node "$(dirname "$0")/icaljs-check.cjs" "$ICALJS" "$TMP/visits.ics" --rev >"$TMP/parsed.txt" 2>"$TMP/err"
}
ics_rev
expect_eq "$(grep "^$uid|" "$TMP/parsed.txt" | cut -d'|' -f2,5)" "Asia/Omsk|Выездная проверка объектов 8 мая 2024${NBSP}г."
expect_eq "$(grep "^rev|" "$TMP/parsed.txt" | cut -d'|' -f2-4)" "$uid|CONFIRMED|0"
OMSKPLAN_NOW="2024-05-06 10:00" run inspection visit cancel 1 --notes "перенос по просьбе Ростехнадзора"
ics_rev
expect_eq "$(grep "^rev|" "$TMP/parsed.txt")" "rev|$uid|CONFIRMED|1|$(date -d '2024-05-06T04:00:00Z' +%s)"
OMSKPLAN_NOW="2024-05-06 11:00" run inspection visit cancel 2 --notes "гололёд"
ics_rev
expect_eq "$(grep "^rev|" "$TMP/parsed.txt")" "rev|$uid|CANCELLED|2|$(date -d '2024-05-06T05:00:00Z' +%s)"

# Repeating events as Thunderbird expands them: the same instants as omskplan's
# own list over a year — days off skipped or moved (X-… reasons aside, plain
# EXDATE and RECURRENCE-ID), a cancelled Monday, a moved one, a changed one, a
# series split from April on.
export OMSKPLAN_DB="$TMP/series.db" OMSKPLAN_NOW="2023-12-20 10:00"
run event add --title "Аппаратное совещание у Мэра" --start "2024-01-01 09:00" --duration 1h --repeat "FREQ=WEEKLY;BYDAY=MO"
run event add --title "Комиссия" --start "2024-01-26 15:00" --duration 2h --repeat "FREQ=MONTHLY;BYDAY=-1FR" \
  --days-off previous
run event add --title "Последний рабочий день месяца" --start "2024-01-31" --repeat \
  "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;UNTIL=20241231" --days-off previous
run event add --title "Планёрка" --start "2024-01-09 08:30" --duration 30m --repeat "FREQ=DAILY;INTERVAL=7;COUNT=20"
run event occurrence cancel 1 2024-02-12
run event occurrence move 1 2024-03-11 --to "2024-03-12 10:00"
run event occurrence edit 1 2024-03-18 --title "Расширенное аппаратное совещание"
run event occurrence edit 1 2024-04-01 --following --start "2024-04-01 10:00"
expect_rc 0
run --format ics event list --year 2024
cp "$TMP/out" "$TMP/series.ics"
expect_eq "$(grep -c '^RRULE:' "$TMP/series.ics")" "5"
node "$(dirname "$0")/icaljs-expand.cjs" "$ICALJS" "$TMP/series.ics" 2025-01-01 >"$TMP/icaljs.txt" 2>"$TMP/err"
rc=$?
expect_rc 0
run --json event list --year 2024
out | jq -r '.[] | "\(.all_day)\t\(.start)\t\(.end)\t\(.title)"' | while IFS=$'\t' read -r a s e t; do
  if [ "$a" = true ]; then echo "${s:0:10}|${e:0:10}|$t"; else echo "$(date -d "$s" +%s)|$(date -d "$e" +%s)|$t"; fi
done | sort >"$TMP/ours.txt"
expect_eq "$(wc -l <"$TMP/ours.txt")" "$(wc -l <"$TMP/icaljs.txt")" "occurrences: omskplan vs ical.js"
if diff "$TMP/ours.txt" "$TMP/icaljs.txt" >"$TMP/diff"; then pass; else fail "ical.js expands differently: $(head -5 "$TMP/diff" | tr "\n" " ")"; fi
echo "occurrences compared: $(wc -l <"$TMP/ours.txt")" >&2; [ "$(wc -l <"$TMP/ours.txt")" -gt 80 ] && pass || fail "too few occurrences: $(wc -l <"$TMP/ours.txt")"

# A series kept on another zone's clock (imported from Berlin): exported with
# its TZID and VTIMEZONE, Thunderbird expands it to the instants omskplan lists,
# across both daylight-saving changes, with an occurrence cancelled and one moved.
export OMSKPLAN_DB="$TMP/berlin.db" OMSKPLAN_NOW="2024-01-10 10:00"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\nBEGIN:VEVENT\r\nUID:jour-fixe@example.de\r\nDTSTART;TZID=Europe/Berlin:20240115T100000\r\nDTEND;TZID=Europe/Berlin:20240115T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nSUMMARY:Jour fixe Städtepartnerschaft\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$TMP/berlin.ics"
run event import-ics "$TMP/berlin.ics"
expect_out_is "1 created, 0 updated, 0 unchanged"
run event occurrence cancel 1 2024-04-01
run event occurrence move 1 2024-10-28 --to "2024-10-29 15:00"
expect_rc 0
run --format ics event list --year 2024
cp "$TMP/out" "$TMP/berlin-out.ics"
expect_eq "$(grep -c '^TZID:Europe/Berlin' "$TMP/berlin-out.ics")" 1
node "$(dirname "$0")/icaljs-expand.cjs" "$ICALJS" "$TMP/berlin-out.ics" 2025-01-01 2024-01-01 >"$TMP/icaljs.txt" 2>"$TMP/err"
rc=$?
expect_rc 0
run --json event list --year 2024
out | jq -r '.[] | "\(.start)\t\(.end)\t\(.title)"' | while IFS=$'\t' read -r s e t; do
  echo "$(date -d "$s" +%s)|$(date -d "$e" +%s)|$t"
done | sort >"$TMP/ours.txt"
expect_eq "$(wc -l <"$TMP/ours.txt")" 50 "Mondays of 2024 from 15 January, less one"
if diff "$TMP/ours.txt" "$TMP/icaljs.txt" >"$TMP/diff"; then pass; else fail "ical.js expands the Berlin series differently: $(head -5 "$TMP/diff" | tr "\n" " ")"; fi
# 10:00 in Berlin: 15:00 in Omsk in winter, 14:00 in summer.
expect_eq "$(out | jq -r '[.[0].start, .[11].start] | join(" ")')" "2024-01-15T15:00:00+06:00 2024-04-08T14:00:00+06:00"
