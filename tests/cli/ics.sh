#!/usr/bin/env bash
# iCalendar export: structure a client accepts, checked on the bytes.
. "$(dirname "$0")/lib.sh"

run event new --template city-day --date 2023-08-05
run event new --template victory-day --date 2023-05-09
run event add --title "Круглый стол: итоги; планы, задачи — $(printf 'очень %.0s' {1..20})длинный заголовок" \
  --start "2023-10-10 15:00" --kind round-table --notes "$(printf 'Строка 1\nСтрока 2')"
run event add --title "Выставка" --start 2023-09-01 --duration 2d --kind exhibition
run --format ics event list --year 2023
expect_rc 0
cp "$TMP/out" "$TMP/plan.ics"
f="$TMP/plan.ics"

# Every line ends in CRLF and is at most 75 octets.
lines=$(grep -c '' "$f")
crlf=$(grep -c $'\r$' "$f")
expect_eq "$crlf" "$lines" "(CRLF line ends)"
long=$(LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) n++ } END { print n + 0 }' "$f")
expect_eq "$long" "0" "(lines over 75 octets)"
# Folding never splits a UTF-8 character: every physical line is valid UTF-8.
bad=0
while IFS= read -r line; do
  printf '%s' "$line" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 || bad=$((bad + 1))
done <"$f"
expect_eq "$bad" "0" "(lines that are not UTF-8 on their own)"

# City Day's four parts are events of their own, each related to the day.
expect_eq "$(grep -c '^BEGIN:VEVENT' "$f")" "8"
expect_eq "$(grep -c '^END:VEVENT' "$f")" "8"
expect_eq "$(grep -c '^UID:' "$f")" "8"
expect_eq "$(grep -c '^DTSTAMP:20230720T030000Z' "$f")" "8"
day_uid=$(sql "SELECT uuid FROM event WHERE id = 1")
expect_eq "$(grep -c "^RELATED-TO;RELTYPE=PARENT:$day_uid@omskplan" "$f")" "4"
expect_eq "$(grep -c '^BEGIN:VTIMEZONE' "$f")" "1"
expect_out "TZID:Asia/Omsk"
expect_out "TZOFFSETTO:+0600"
expect_out "DTSTART;TZID=Asia/Omsk:20230805T100000"
expect_out "DTSTART;VALUE=DATE:20230901"
expect_out "DTEND;VALUE=DATE:20230903"
expect_out "VERSION:2.0"
expect_out "PRODID:"
expect_out 'Круглый стол: итоги\; планы\, задачи'
expect_out 'Строка 1\nСтрока 2'

# A change bumps SEQUENCE.
run event edit 1 --venue "Набережная Тухачевского"
run --format ics event show 1
expect_out "SEQUENCE:1"
expect_out "LOCATION:Набережная Тухачевского"
