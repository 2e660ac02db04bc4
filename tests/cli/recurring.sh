#!/usr/bin/env bash
# Repeating events as the department keeps them: the Mayor's weekly planning
# meeting (Mondays 09:00), a monthly commission on the last Friday, 9 May every
# year — one row each, occurrences computed on the production calendar, shown
# in lists, conflicts and the monthly plan as single events; exceptions for one
# occurrence, this and the following, or all; iCalendar as RRULE/EXDATE.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2023-12-20 10:00"

# Every Monday from 1 January 2024: 1 and 8 January are the New Year holidays — skipped.
run event add --title "Аппаратное совещание у Мэра" --start "2024-01-01 09:00" --duration 1h \
  --venue "Администрация, малый зал" --with "Мэр города Омска" --repeat "FREQ=WEEKLY;BYDAY=MO" --strict
expect_rc 0
expect_out "created event 1: Аппаратное совещание у Мэра (2024-01-01 09:00–10:00)"
expect_out "repeats: weekly: Monday (FREQ=WEEKLY;BYDAY=MO); on a day off: not held"
expect_eq "$(sql "SELECT count(*) FROM event")" "1"
run --json event list --from 2024-01-01 --to 2024-01-31
expect_eq "$(out | jq -r '[.[].start[0:10]] | join(" ")')" "2024-01-15 2024-01-22 2024-01-29"
expect_eq "$(out | jq -r '[.[].occurrence] | join(" ")')" "2024-01-15 2024-01-22 2024-01-29"
expect_eq "$(out | jq -r '.[0].repeat.rule')" "FREQ=WEEKLY;BYDAY=MO"
run event occurrence list 1 --to 2024-01-15
expect_out "2024-01-08  2024-01-08"
expect_out "skipped (day off)"
# The same day in February: 23 February (Friday) is a holiday.
run event add --title "Заседание комиссии по чрезвычайным ситуациям" --start "2024-01-26 15:00" --duration 2h \
  --repeat "FREQ=MONTHLY;BYDAY=-1FR" --days-off previous --venue "Администрация, большой зал"
expect_rc 0
run --json event occurrence list 2 --to 2024-03-31
expect_eq "$(out | jq -r '[.[] | "\(.day)/\(.state)"] | join(" ")')" \
  "2024-01-26/held 2024-02-22/moved 2024-03-29/held"
# The plan as a document says how often, in Russian whatever the interface's language.
run --lang en event show 2 --format md
expect_out "Первое проведение: 26 января 2024${NBSP}г., 15:00–17:00."
expect_out "Периодичность: ежемесячно: последняя пятница; в выходной день переносится на предыдущий рабочий день."
# 9 May every year: a holiday by nature, kept.
run event add --title "День Победы" --start "2024-05-09 10:00" --duration 6h --kind victory-day \
  --repeat "FREQ=YEARLY;COUNT=3" --venue "Соборная площадь"
expect_out "on a day off: held anyway"
run --json event list --kind victory-day
expect_eq "$(out | jq -r '[.[].start[0:10]] | join(" ")')" "2024-05-09 2025-05-09 2026-05-09"

# Bad rules and options: one line, nothing written.
expect_unchanged event add --title X --start "2024-01-01 09:00" --repeat "FREQ=WEEKLY;BYDAY=XX"
expect_err_is "omskplan: error: invalid --repeat 'FREQ=WEEKLY;BYDAY=XX': BYDAY 'XX' is not a weekday (MO, TU, WE, TH, FR, SA, SU, with a number: -1FR)"
expect_unchanged event add --title X --start "2024-01-01 09:00" --repeat "FREQ=HOURLY"
expect_err "FREQ=HOURLY is not supported (DAILY, WEEKLY, MONTHLY, YEARLY are)"
expect_unchanged event add --title X --start "2024-01-01 09:00" --days-off keep
expect_err_is "omskplan: error: --days-off is for a repeating event: give --repeat too"
expect_unchanged event add --title X --start "2024-01-01 09:00" --repeat weekly --days-off never
expect_err "invalid days-off rule 'never'"
expect_unchanged event add --title X --start "2024-06-09 10:00" --repeat weekly --days-off skip
expect_err "every occurrence of «X» in its first year falls on a day off"
expect_unchanged event task add 1 "Повестка" --due -1d
expect_err_is "omskplan: error: event 1 repeats; a task belongs to one occurrence: omskplan event occurrence edit 1 DATE makes it an event of its own"
expect_unchanged event clone 1 --date 2025-01-13
expect_err "event 1 repeats; it needs no clone"

# A single event with the Mayor at 09:30 on a Monday: a real conflict with that
# Monday's meeting, and only that one.
expect_unchanged event add --title "Приём граждан" --start "2024-01-22 09:30" --duration 1h --with "Мэр города Омска" --strict
expect_rc 4
expect_err "refused (--strict), 1 conflict: VIP «Мэр города Омска»: #1 «Аппаратное совещание у Мэра» 2024-01-22 09:00–10:00"
run event add --title "Приём граждан" --start "2024-01-22 10:30" --duration 1h --with "Мэр города Омска" --venue "Администрация, малый зал" --strict
expect_rc 0
run --json event conflicts --from 2024-01-01 --to 2024-12-31
expect_out_is "[]"

# One occurrence: cancelled, restored, moved; this and the following.
run event occurrence cancel 1 2024-02-12
expect_out_is "event 1 «Аппаратное совещание у Мэра»: the 2024-02-12 occurrence is cancelled"
run event occurrence cancel 1 2024-02-12
expect_rc 0
expect_err "unchanged (cancelled)"
expect_unchanged event occurrence cancel 1 2024-02-13
expect_err_is "omskplan: error: event 1 «Аппаратное совещание у Мэра» has no occurrence on 2024-02-13; the nearest: 2024-02-05, 2024-02-19"
expect_unchanged event occurrence cancel 4 2024-02-13
expect_err "does not repeat"
run event occurrence move 1 2024-03-11 --to "2024-03-12 10:00"
expect_rc 0
expect_out "the 2024-03-11 occurrence of event 1, changed on its own"
moved=$(sql "SELECT id FROM event WHERE occurrence_of = 1")
run event occurrence edit 1 2024-03-18 --title "Расширенное аппаратное совещание" --with "Губернатор Омской области"
expect_rc 0
run --json event occurrence list 1 --from 2024-02-05 --to 2024-03-25
expect_eq "$(out | jq -r '[.[] | "\(.day)/\(.state)"] | join(" ")')" \
  "2024-02-05/held 2024-02-12/cancelled 2024-02-19/held 2024-02-26/held 2024-03-04/held 2024-03-12/changed 2024-03-18/changed 2024-03-25/held"
run event list --from 2024-03-11 --to 2024-03-17
expect_out "2024-03-12 10:00"
expect_no_out "2024-03-11 09:00"
expect_unchanged event occurrence edit 1 2024-02-12 --title "Снова"
expect_err "is cancelled; omskplan event occurrence restore 1 2024-02-12 brings it back"
run event occurrence restore 1 2024-02-12
expect_out "is restored"
# From April on at 10:00: the series is split.
run event occurrence edit 1 2024-04-01 --following --start "2024-04-01 10:00"
expect_rc 0
expect_err "event 1 now ends on 2024-03-31; from 2024-04-01 on it is event"
expect_eq "$(sql "SELECT repeat_rule FROM event WHERE id = 1")" "FREQ=WEEKLY;BYDAY=MO;UNTIL=20240331"
run --json event list --from 2024-03-25 --to 2024-04-14
expect_eq "$(out | jq -r '[.[] | select(.title | startswith("Аппаратное")) | .start[0:16]] | join(" ")')" \
  "2024-03-25T09:00 2024-04-01T10:00 2024-04-08T10:00"
# All of them: the venue of the first series changes, the changed occurrences keep theirs.
run event edit 1 --venue "Администрация, большой зал"
expect_rc 0
run --json event list --from 2024-03-04 --to 2024-03-10
expect_eq "$(out | jq -r '.[] | select(.id == 1) | .venue')" "Администрация, большой зал"

# The monthly plan lists each occurrence as an event of the day.
run report run monthly-plan --month 2024-03 --format csv
expect_rc 0
expect_eq "$(grep -c "Аппаратное совещание у Мэра" "$TMP/out")" "3"  # 4, 12 (moved), 25; 18 is «Расширенное…»
expect_out "Расширенное аппаратное совещание"

# Undo of the split brings the one series back.
run undo
expect_rc 0
run undo
expect_rc 0
expect_eq "$(sql "SELECT repeat_rule FROM event WHERE id = 1")" "FREQ=WEEKLY;BYDAY=MO"
expect_eq "$(sql "SELECT count(*) FROM event WHERE repeat_rule IS NOT NULL")" "3"

# Deleting a series takes its changed occurrences with it.
run event delete 1
expect_rc 0
expect_eq "$(sql "SELECT count(*) FROM event WHERE occurrence_of IS NOT NULL")" "0"

# A 10-year weekly series costs one row; listing a year of it is one query.
run event add --title "Планёрка" --start "2024-01-09 08:30" --duration 30m --repeat "FREQ=WEEKLY;BYDAY=TU;UNTIL=20331231"
expect_eq "$(sql "SELECT count(*) FROM event WHERE title = 'Планёрка'")" "1"
run --json event list --year 2030 --search Планёрка
[ "$(out | jq length)" -ge 48 ] && pass || fail "2030 has $(out | jq length) Tuesday meetings"

# `event list --json` into another database: each series once, the same occurrences.
run --json event list --year 2024
cp "$TMP/out" "$TMP/l.json"
OMSKPLAN_DB="$TMP/other.db" run db init
OMSKPLAN_DB="$TMP/other.db" run event import "$TMP/l.json"
expect_rc 0
OMSKPLAN_DB="$TMP/other.db" run --json event list --year 2024
expect_eq "$(jq -c '[.[] | [.start, .title, .occurrence, .repeat.cancelled]]' "$TMP/out")" \
  "$(jq -c '[.[] | [.start, .title, .occurrence, .repeat.cancelled]]' "$TMP/l.json")"
expect_eq "$(sqlite3 "$TMP/other.db" 'SELECT count(*) FROM event')" "$(sql 'SELECT count(*) FROM event')"
# The list is printed as it is read (issue 21): the JSON is one array exactly
# as a whole dump prints it, the series' occurrences merged in (start, id)
# order, --limit counting both.
run --json event list --year 2024
jq . "$TMP/out" | cmp -s - "$TMP/out" && pass || fail "the streamed JSON is not the array pretty-printed"
run --quiet event list --year 2024
expect_eq "$(jq -r '.[].id' "$TMP/l.json" | paste -sd' ')" "$(out | paste -sd' ')" "(--quiet and --json list the same events)"
expect_eq "$(jq -c '[.[] | [.start, .id]] | . == sort' "$TMP/l.json")" "true" "(the list is in (start, id) order)"
run --json event list --year 2024 --limit 7
expect_eq "$(jq -c '[.[] | [.id, .start]]' "$TMP/out")" "$(jq -c '[.[:7][] | [.id, .start]]' "$TMP/l.json")"
run --json event list --year 1990
expect_out_is "[]"
finish
