#!/usr/bin/env bash
# City Day 2023 as the department ran it: one day with a programme of parts at
# their own venues and times, each with its VIPs; the plan edited in place;
# deadlines on working days.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2023-06-20 09:00"

# The day itself: 10:00–23:00 on Соборная площадь, the Mayor there.
run event add --title "День города Омска — 307-летие со дня основания" --start "2023-08-05 10:00" --duration 13h \
  --kind city-day --venue "Соборная площадь" --with "Мэр города Омска" --strict
expect_rc 0
# Its parts: the opening concert on the same square, the unveiling of the
# Bukhgolts monument on the Irtysh embankment, the «Аллея олимпийцев». None
# conflicts with the day; --strict accepts them.
run event add --title "Праздничный концерт «Омск — моя судьба»" --start "2023-08-05 20:00" --duration 2h \
  --kind concert --venue "Соборная площадь" --with "Мэр города Омска" --part-of 1 --strict
expect_rc 0
run event add --title "Открытие памятника основателю Омска Ивану Бухгольцу" --start "2023-08-05 12:00" --duration 40m \
  --kind opening --venue "Набережная Иртыша" --with "Мэр города Омска" --with "Губернатор Омской области" --part-of 1 --strict
expect_rc 0
# The alley ten minutes after the unveiling, across town: the Mayor cannot be
# at both (a 30-minute travel buffer). --strict refuses and says why.
expect_unchanged event add --title "Открытие «Аллеи олимпийцев»" --start "2023-08-05 12:50" --duration 30m \
  --kind opening --venue "Парк Победы" --with "Мэр города Омска" --part-of 1 --strict
expect_rc 4
expect_err "refused (--strict), 1 conflict: VIP «Мэр города Омска»: #3 «Открытие памятника основателю Омска Ивану Бухгольцу» 2023-08-05 12:00–12:40 ends 10 min before #4 «Открытие „Аллеи олимпийцев“»"
expect_no_err "#1 «День города"
# Planned for 13:30 it fits.
run event add --title "Открытие «Аллеи олимпийцев»" --start "2023-08-05 13:30" --duration 30m \
  --kind opening --venue "Парк Победы" --with "Мэр города Омска" --part-of 1 --strict
expect_rc 0
expect_out "created event 4"
run --json event conflicts --from 2023-08-05 --to 2023-08-05 --fail-if-any
expect_rc 0
expect_out_is "[]"
# Someone books the Mayor for a reception on the square during the concert:
# real conflicts with the day and with the concert, every one of them named.
expect_unchanged event add --title "Приём делегации Казахстана" --start "2023-08-05 20:30" --duration 1h \
  --venue "Соборная площадь" --with "Мэр города Омска" --strict
expect_rc 4
expect_err "refused (--strict), 4 conflicts:"
expect_err "venue «Соборная площадь»: #1 «День города Омска — 307-летие со дня основания»"
expect_err "VIP «Мэр города Омска»: #2 «Праздничный концерт „Омск — моя судьба“»"

# The programme in the card, the JSON and the calendar.
run event show 1
expect_rc 0
expect_out "Programme: 3 parts"
expect_out "12:00–12:40"
expect_out "Набережная Иртыша"
expect_out "Мэр города Омска, Губернатор Омской области"
run --json event show 1
expect_eq "$(out | jq -c '.parts')" "[3,4,2]"
run --json event show 2
expect_eq "$(out | jq -r '.part_of')" "1"
expect_eq "$(out | jq -r '.part_of_uuid')" "$(sql "SELECT uuid FROM event WHERE id = 1")"
run --format ics event show 1
expect_eq "$(grep -c '^BEGIN:VEVENT' "$TMP/out")" "4"
expect_eq "$(grep -c "^RELATED-TO;RELTYPE=PARENT:$(sql "SELECT uuid FROM event WHERE id = 1")@omskplan" "$TMP/out")" "3"

# The monthly plan: the parts indented under the day, numbered 1.1, 1.2, 1.3.
run report run monthly-plan --month 2023-08 --format csv
expect_rc 0
expect_out '1,2023-08-05,10:00,День города Омска — 307-летие со дня основания'
expect_out "1.1,2023-08-05,12:00,${NBSP}${NBSP}${NBSP}Открытие памятника основателю Омска Ивану Бухгольцу"
expect_out "1.3,2023-08-05,20:00,${NBSP}${NBSP}${NBSP}Праздничный концерт"
run report run monthly-plan --month 2023-08 --format text
expect_out "На август 2023 года запланировано 1 мероприятие, в том числе с участием Мэра города Омска — 1."
run report run monthly-plan --month 2023-08 --format json
expect_eq "$(out | jq -r '[.sections[] | select(has("rows")) | .rows[] | .no | tostring] | join(" ")')" "1 1.1 1.2 1.3"

# An umbrella with parts is not deleted by accident.
expect_unchanged event delete 1
expect_rc 1
expect_err "event 1 has 3 parts (#3, #4, #2); remove them first or give --with-parts"
# A part of a part, or a part on another day, is refused.
expect_unchanged event add --title "Выступление" --start "2023-08-05 20:30" --part-of 2
expect_err "event 2 is itself a part of event 1; a part has no parts"
expect_unchanged event add --title "Выступление" --start "2023-08-07 20:30" --part-of 1
expect_err "«Выступление» starts on 2023-08-07, outside event 1"
expect_unchanged event add --title "Выступление" --start "2023-08-05 20:30" --part-of 99
expect_err "no event with id 99 to be a part of"

# Moving the day moves its programme; clone brings it to next year.
run event edit 1 --start "2023-08-06 10:00"
expect_rc 0
expect_eq "$(sql "SELECT substr(start_utc, 1, 10) FROM event WHERE part_of = 1 GROUP BY 1")" "2023-08-06"
run event edit 1 --start "2023-08-05 10:00"
run event clone 1 --date 2024-08-03 --strict
expect_rc 0
expect_out "cloned event 1 as event 5"
expect_out "  part 6: Открытие памятника основателю Омска Ивану Бухгольцу (2024-08-03 12:00–12:40, Набережная Иртыша)"
expect_eq "$(sql "SELECT count(*) FROM event WHERE part_of = 5")" "3"

# --- The plan is edited in place.
run event new --template concert --date 2023-09-15
expect_rc 0
expect_no_err "past due"
# A plan made late says once how much of it is already past due.
run event new --template city-day --date 2023-08-05 --time 09:00
expect_err "2 tasks are already past due (from 2023-06-06)"
run undo
c=$(sql "SELECT max(id) FROM event")
# A wrong deadline is corrected, not cancelled and re-added.
run event task edit "$c" 1 --due 2023-08-20 --note "программа согласована устно"
expect_rc 0
expect_err "task 1 is due on 2023-08-20, a day off"
expect_out "task 1 of event $c: Утвердить программу концерта и исполнителей (due 2023-08-20)"
run event task edit "$c" 1 --due -25d
expect_eq "$(sql "SELECT due || ' ' || due_offset || ' ' || note FROM task WHERE event_id = $c AND no = 1")" \
  "2023-08-21 -25d программа согласована устно"
expect_unchanged event task edit "$c" 9 --title x
expect_err "event $c has no task 9"
# Listed by due date; numbers are the user's order.
run --json event task list "$c"
expect_eq "$(out | jq -r '[.[].due] | join(" ")')" "$(sql "SELECT group_concat(due, ' ') FROM (SELECT due FROM task WHERE event_id = $c ORDER BY no)")"
run event task list "$c"
expect_eq "$(sed -n 2p "$TMP/out" | awk '{print $2}')" "2023-08-21"
run event task move "$c" 3 --to 1
expect_out "task 3 of event $c is now task 1"
expect_eq "$(sql "SELECT title FROM task WHERE event_id = $c AND no = 1")" "Провести техническую репетицию"
# Done twice keeps the day it was done.
OMSKPLAN_NOW="2023-08-21 10:00" run event task done "$c" 2
OMSKPLAN_NOW="2023-08-25 10:00" run event task done "$c" 2
expect_eq "$(sql "SELECT done_on FROM task WHERE event_id = $c AND no = 2")" "2023-08-21"
# A deadline already past is accepted with a warning.
run event task add "$c" "Согласовать рассадку" --due 2023-06-01
expect_rc 0
expect_err "is due on 2023-06-01, already past"

# The run of show: the concert template's agrees with the event's times now.
run event program list "$c"
expect_out "17:00"
expect_out "Сбор гостей"
run event program add "$c" "Выход Мэра, приветствие" --at 18:00 --duration 5m --responsible "Управление протокола" --where "Большая сцена"
expect_rc 0
# At 18:00, after the concert programme that starts then.
expect_out "added run-of-show item 3 of event $c: 2023-09-15 18:00 Выход Мэра, приветствие (Большая сцена)"
run event program move "$c" 3 --to 2
expect_rc 0
run --json event program list "$c"
expect_eq "$(out | jq -r '[.[].title] | join(" | ")')" "Сбор гостей | Выход Мэра, приветствие | Концертная программа"
expect_unchanged event program move "$c" 3 --to 1
expect_err "item 3 at 18:00 cannot take place 1 (at 17:00)"
expect_unchanged event program edit "$c" 3 --at 19:30
expect_err "run-of-show item «Концертная программа» (2023-09-15 19:30–21:30) is outside the event (2023-09-15 17:00–20:00)"
run event program edit "$c" 2 --at 17:55
expect_out "changed run-of-show item 2 of event $c: 2023-09-15 17:55 Выход Мэра"
run event program rm "$c" 2
expect_out "removed run-of-show item 2 of event $c"
run event show "$c" --format md
expect_out "Программа проведения"

# The whole plan from a file: TOML or JSON, all or nothing.
run --json event show "$c"
out | jq 'del(.plan_items, .parts) | .tasks[0].title = "Утвердить программу концерта"' >"$TMP/plan.json"
run event edit "$c" --from-file "$TMP/plan.json"
expect_rc 0
expect_eq "$(sql "SELECT title FROM task WHERE event_id = $c AND no = 1")" "Утвердить программу концерта"
jq '.tasks[1].due = "2023-02-30"' "$TMP/plan.json" >"$TMP/bad.json"
expect_unchanged event edit "$c" --from-file "$TMP/bad.json"
expect_rc 1
expect_err "bad.json: field 'tasks[1].due': invalid date '2023-02-30'"
cat >"$TMP/plan.toml" <<'EOF'
title = "Концерт «Осенние мелодии»"
kind = "concert"
start = 2023-09-15T17:00:00+06:00
end = 2023-09-15T20:00:00+06:00
venue = "Концертный зал"

[[tasks]]
title = "Утвердить программу и исполнителей"
due = 2023-08-21
owner = "Департамент культуры"

[[program]]
at = 2023-09-15T17:00:00+06:00
duration_min = 60
title = "Сбор гостей"
venue = "Фойе"
EOF
run event edit "$c" --from-file "$TMP/plan.toml"
expect_rc 0
expect_eq "$(sql "SELECT title FROM event WHERE id = $c")" "Концерт «Осенние мелодии»"
expect_eq "$(sql "SELECT count(*) || ' ' || max(venue) FROM program_item WHERE event_id = $c")" "1 Фойе"
printf 'title = "x"\nkind = \n' >"$TMP/broken.toml"
expect_unchanged event edit "$c" --from-file "$TMP/broken.toml"
expect_err "broken.toml:2:"
echo '[1]' >"$TMP/array.json"
expect_unchanged event edit "$c" --from-file "$TMP/array.json"
expect_err "array.json: expected one event (an object), as 'event show --json' prints it"

# A clone leaves the tasks cancelled in the source unless asked.
run event task add "$c" "Заказать цветы" --due -3d
run event task cancel "$c" 2
run --json event clone "$c" --date 2024-09-13
expect_eq "$(out | jq '.tasks | length')" "1"
run --json event clone "$c" --date 2025-09-12 --with-cancelled
expect_eq "$(out | jq '.tasks | length')" "2"

# --- Deadlines land on working days: every shipped template on City Day and
# Victory Day of 2023–2026 (the unit tests walk every day of those years and
# the holidays too; here the binary's output is checked for weekends).
weekend=0 dues=0
for t in city-day victory-day concert conference opening round-table seminar patron-ceremony; do
  for d in 2023-08-05 2024-08-03 2025-08-02 2026-08-01 2023-05-09 2024-05-09 2025-05-09 2026-05-09; do
    run --json event new --template "$t" --date "$d" --dry-run
    for due in $(out | jq -r '.tasks[].due'); do
      dues=$((dues + 1))
      [ "$(date -d "$due" +%u)" -ge 6 ] && { weekend=$((weekend + 1)); echo "$t $d: $due"; }
    done
  done
done
expect_eq "$weekend" "0" "(deadlines on a Saturday or Sunday, of $dues)"
# With the setting "keep", a calendar-day deadline stays where it falls.
run --set event.deadline_days_off=keep --json event new --template city-day --date 2023-08-05 --dry-run
expect_eq "$(out | jq -r '.deadline_days_off')" "keep"
expect_eq "$(out | jq -r '.tasks[] | select(.due_offset == "-20d") | .due')" "2023-07-16"  # a Sunday
run --json event new --template city-day --date 2023-08-05 --dry-run
expect_eq "$(out | jq -r '.tasks[] | select(.due_offset == "-20d") | .due')" "2023-07-14"  # the Friday before
run --set event.deadline_days_off=later event list
expect_rc 1
expect_err "event.deadline_days_off"
