#!/usr/bin/env bash
# The event planner as a user drives it.
. "$(dirname "$0")/lib.sh"

run db init
expect_rc 0
expect_out "schema version 14"

run event new --template city-day --date 2023-08-05
expect_rc 0
expect_out "created event 1: День города Омска — 307-летие со дня основания (2023-08-05 10:00–23:00), 11 tasks"
# The day's programme: each part an event of its own at its venue, with its own VIPs.
expect_out "  part 2: Торжественная церемония поднятия флага города Омска (2023-08-05 10:00–11:00, Соборная площадь)"
expect_out "  part 5: Праздничный фейерверк (2023-08-05 22:30–22:45, Набережная Тухачевского)"
expect_eq "$(sql "SELECT count(*) FROM event WHERE part_of = 1")" "4"

run event new --template victory-day --date 2023-05-09
expect_rc 0
expect_out "78-я годовщина Победы"

run event add --title "Международная конференция «Города Сибири»" --start "2024-03-14 10:00" --duration 6h \
  --kind conference --level international --venue "Концертный зал" --with "Мэр города Омска"
expect_rc 0
expect_out "created event 7: Международная конференция «Города Сибири» (2024-03-14 10:00–16:00)"

# Stored in UTC, shown in Omsk time whatever TZ says.
expect_eq "$(sql "SELECT start_utc FROM event WHERE id = 7")" "2024-03-14T04:00:00Z"

run event list --from 2023-01-01 --to 2023-12-31 --kind city-day --json
expect_rc 0
expect_eq "$(out | jq -r '.[0].title')" "День города Омска — 307-летие со дня основания"
expect_eq "$(out | jq -r 'length')" "1"
expect_eq "$(out | jq -r '.[0].start')" "2023-08-05T10:00:00+06:00"
expect_eq "$(out | jq -r '.[0].ordinal')" "307"
expect_eq "$(out | jq -r '.[0].tasks | length')" "11"

run event list --year 2023
expect_rc 0
expect_out "День города Омска"
expect_out "78-я годовщина"
expect_no_out "Города Сибири"

run --quiet event list
expect_out_is "$(printf '6\n1\n2\n3\n4\n5\n7')"

run event show 1
expect_rc 0
expect_out "#1 День города Омска — 307-летие со дня основания"
expect_out "city-day (anniversary 307, counted from 1716)"
expect_out "★ Мэр города Омска"
expect_out "Run of show"

# Task deadlines move with the event.
before_due=$(sql "SELECT due FROM task WHERE event_id = 1 AND due_offset = '-15wd'")
run event edit 1 --start "2023-08-12 11:00"
expect_rc 0
expect_out "updated event 1"
after_due=$(sql "SELECT due FROM task WHERE event_id = 1 AND due_offset = '-15wd'")
expect_eq "$before_due" "2023-07-17"
expect_eq "$after_due" "2023-07-24"
expect_eq "$(sql "SELECT sequence FROM event WHERE id = 1")" "1"
run event edit 1 --start "2023-08-05 11:00"
expect_rc 0

run event status 1 confirmed
expect_rc 0
expect_out "event 1 is confirmed"
run event status 1 nonsense
expect_rc 1
expect_err "invalid status 'nonsense'; expected one of: planned, confirmed, held, cancelled"

run event task list 1
expect_rc 0
expect_out "Издать распоряжение Администрации города Омска о подготовке"

run event task add 1 "Согласовать схему перекрытия улиц" --due -10wd --owner "Управление дорожного хозяйства"
expect_rc 0
expect_out "added task 12 to event 1: Согласовать схему перекрытия улиц (due 2023-07-24, -10wd)"

run event task done 1 3
expect_rc 0
expect_out "task 3 of event 1 is done"
expect_eq "$(sql "SELECT done_on FROM task WHERE event_id = 1 AND no = 3")" "2023-07-20"

# -5wd before an event on 2024-05-13 falls on 2024-05-02 (the May holidays of 2024).
run event add --title "Открытие сквера" --start "2024-05-13 12:00" --kind opening --venue "Сквер"
run event task add 8 "Пригласить СМИ" --due -5wd
expect_out "(due 2024-05-02, -5wd)"

run event agenda --days 14
expect_rc 0
expect_out "Согласовать схему перекрытия улиц"
expect_out "overdue"
expect_err "overdue"
run event agenda --days 14 --fail-on-overdue
expect_rc 3
run --json event agenda --days 14
expect_eq "$(out | jq -r '.today')" "2023-07-20"
expect_eq "$(out | jq -r '.tasks[0].overdue')" "true"
OMSKPLAN_NOW="2023-01-01 09:00" run event agenda --days 0 --fail-on-overdue
expect_rc 0

# Conflicts: the same venue, and the Mayor too close.
run event add --title "Концерт" --start "2024-03-14 15:00" --venue "концертный зал"
expect_rc 0
expect_err "omskplan: warning: conflict: venue «Концертный зал»: #7"
run event add --title "Встреча с предпринимателями" --start "2024-03-14 16:20" --venue "Мэрия" \
  --with "мэр города омска" --strict
expect_rc 4
expect_err "refused (--strict), 1 conflict: VIP «Мэр города Омска»: #7"
run event conflicts --from 2024-03-01 --to 2024-03-31
expect_rc 0
expect_out "venue"
run --json event conflicts --from 2024-03-01 --to 2024-03-31 --fail-if-any
expect_rc 3
expect_eq "$(out | jq -r '.[0].type')" "venue"
expect_eq "$(out | jq -r '.[0].first.id')" "7"

# Lessons carried into next year's plan.
run event lesson add 1 "Нужна вторая сцена для детской программы"
expect_rc 0
run event clone 1 --date 2024-08-03
expect_rc 0
expect_out "cloned event 1 as event 10: День города Омска — 308-летие со дня основания (2024-08-03 11:00"
expect_out "  part 11: Торжественная церемония поднятия флага города Омска (2024-08-03 10:00–11:00"
run --json event show 10
expect_eq "$(out | jq -r '.lessons[0].text')" "Нужна вторая сцена для детской программы"
expect_eq "$(out | jq -r '[.tasks[].status] | unique | join(",")')" "todo"
expect_eq "$(out | jq -r '.cloned_from')" "1"
expect_eq "$(out | jq -c '.parts')" "[11,12,13,14]"
expect_eq "$(sql "SELECT count(*) FROM event WHERE part_of = 10 AND cloned_from BETWEEN 2 AND 5")" "4"
run event lesson list 10
expect_out "Нужна вторая сцена"

# Search folds case and ё.
run event add --title "Открытие главной городской ёлки" --start "2023-12-25 17:00" --kind opening
run --quiet event list --search "елки"
expect_out_is "15"
run --quiet event list --search "ЁЛКИ"
expect_out_is "15"
run --quiet event list --search "сибири"
expect_out_is "7"

# CSV and Markdown.
run --format csv event list --year 2023
expect_out "id,start,end,title,kind,level,venue,status"
run --format md event list --year 2023
expect_out "| ID | START |"

# All-day events.
run event add --title "Выставка «Омск — город трудовой доблести»" --start 2023-09-01 --duration 3d --kind exhibition
expect_rc 0
expect_out "(2023-09-01 – 2023-09-03)"

# Every change is in the audit log with who and what; the records created,
# as the command that created them (command_insert).
expect_eq "$(sql "SELECT count(*) FROM command WHERE id NOT IN
                  (SELECT command_id FROM audit UNION SELECT command_id FROM command_insert)")" "0"
expect_eq "$(sql "SELECT c.argv FROM audit a JOIN command c ON c.id = a.command_id
                  WHERE a.entity = 'event' AND a.entity_id = 1
                    AND json_extract(a.before, '$.tasks[0].no') = 3
                    AND json_extract(a.before, '$.tasks[0].status') = 'todo'
                    AND json_extract(a.after, '$.tasks[0].status') = 'done'")" "omskplan event task done 1 3"
# … and only what changed: the one task, not the event's eleven twice.
expect_eq "$(sql "SELECT json_array_length(a.after, '$.tasks') FROM audit a JOIN command c ON c.id = a.command_id
                  WHERE c.argv = 'omskplan event task done 1 3'")" "1"

# Delete: gone with its tasks; the audit log has what it was.
run event delete 9
expect_rc 0
expect_out "deleted event 9: Концерт"
expect_eq "$(sql "SELECT count(*) FROM event WHERE id = 9")" "0"
expect_eq "$(sql "SELECT json_extract(before, '$.title') FROM audit WHERE action = 'delete' AND entity_id = 9")" "Концерт"
expect_unchanged event delete 9
expect_err "no event with id 9"

# --venue: the text anywhere in the venue, case and ё folded; filtered in SQL,
# so --limit counts only the events at the venue (it was applied before the filter).
run event add --title "Приём у Мэра" --start "2031-02-01 10:00" --venue "Малый зал мэрии"
run event add --title "Ёлка" --start "2031-02-02 10:00" --venue "Большой зал «Ёлочка»"
run event add --title "Совещание" --start "2031-02-03 10:00" --venue "Малый зал мэрии"
run event add --title "Совещание 2" --start "2031-02-04 10:00" --venue "Малый зал мэрии"
run --json event list --year 2031 --venue "МАЛЫЙ ЗАЛ" --limit 2
expect_eq "$(out | jq -c '[.[].title]')" '["Приём у Мэра","Совещание"]'
run --json event list --year 2031 --venue "елочка"
expect_eq "$(out | jq -c '[.[].title]')" '["Ёлка"]'
run --json event list --year 2031 --venue "нет такого зала"
expect_out_is "[]"
