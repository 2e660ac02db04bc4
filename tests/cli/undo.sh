#!/usr/bin/env bash
# Undo reverts the last whole command, every row it changed, in one transaction.
. "$(dirname "$0")/lib.sh"

run event new --template city-day --date 2023-08-05
run event task done 1 3
run event edit 1 --venue "Сквер Борцов революции" --start "2023-08-05 11:00"
h_before_edit=$(sql "SELECT group_concat(due, ',') FROM task WHERE event_id = 1")
run undo --dry-run
expect_out "would undo command 3"
expect_out "omskplan event edit 1 --venue"
run undo
expect_rc 0
expect_out "undid command 3"
expect_eq "$(sql "SELECT venue FROM event WHERE id = 1")" "Соборная площадь"
expect_eq "$(sql "SELECT substr(start_utc, 12, 5) FROM event WHERE id = 1")" "04:00"
run --quiet event list --search "борцов"
expect_out_is ""
run undo
expect_eq "$(sql "SELECT status FROM task WHERE event_id = 1 AND no = 3")" "todo"

# A bulk import is undone as a whole: every event with every task.
"$OMSKPLAN_BIN" --json event list >/dev/null
printf '[' >"$TMP/bulk.json"
for i in $(seq 1 50); do
  [ "$i" -gt 1 ] && printf ',' >>"$TMP/bulk.json"
  printf '{"title":"Событие %d","kind":"concert","start":"2024-0%d-1%dT18:00:00+06:00","end":"2024-0%d-1%dT20:00:00+06:00","tasks":[{"title":"Звук","due":"2024-01-01"}]}' \
    "$i" $((i % 9 + 1)) $((i % 9)) $((i % 9 + 1)) $((i % 9)) >>"$TMP/bulk.json"
done
printf ']' >>"$TMP/bulk.json"
run event import "$TMP/bulk.json"
expect_out "50 created"
expect_eq "$(sql "SELECT count(*) FROM event")" "55"
run undo
expect_out "(100 row changes)"
expect_eq "$(sql "SELECT count(*) FROM event")" "5"
expect_eq "$(sql "SELECT count(*) FROM task WHERE event_id != 1")" "0"
expect_eq "$(sql "SELECT count(*) FROM event_fts")" "5"

# A deleted event comes back with everything it had, its parts too.
run event delete 1 --with-parts
expect_eq "$(sql "SELECT count(*) FROM event")" "0"
run undo
expect_eq "$(sql "SELECT count(*) FROM event WHERE part_of = 1")" "4"
expect_eq "$(sql "SELECT count(*) FROM task WHERE event_id = 1")" "11"
expect_eq "$(sql "SELECT count(*) FROM program_item WHERE event_id = 1")" "5"
run --quiet event list --search "города"
expect_out_is "$(printf '1\n2\n3')"

# Undo is itself in the history; there is an end to it.
run history --limit 3
expect_out "undo of"
run undo
run undo
run undo
expect_rc 1
expect_err "nothing to undo"
expect_eq "$(sql "PRAGMA integrity_check")" "ok"
expect_eq "$(sql "PRAGMA foreign_key_check" | wc -l)" "0"
