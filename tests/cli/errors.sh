#!/usr/bin/env bash
# Bad input: a clear one-line error naming the input, a non-zero exit, and the
# database byte-identical afterwards.
. "$(dirname "$0")/lib.sh"

run event new --template city-day --date 2023-08-05
expect_rc 0
run event add --title "Семинар" --start "2023-09-14 10:00" --kind seminar
expect_rc 0

expect_unchanged event new --template city-day --date 2024-02-30
expect_err "omskplan: error: invalid date '2024-02-30': no such day"
expect_unchanged event new --template city-day --date 2024-13-01
expect_unchanged event new --template city-dya --date 2024-08-03
expect_err "unknown template 'city-dya'; did you mean 'city-day'?"
expect_unchanged event add --title "X" --start "2024-03-14 25:00"
expect_err "invalid date-time '2024-03-14 25:00'"
expect_unchanged event add --title "X" --start "2024-03-14 10:00" --kind party
expect_err "invalid kind 'party'"
expect_unchanged event add --title "X" --start "2024-03-14 10:00" --level galactic
expect_unchanged event add --title "X" --start "2024-03-14 10:00" --duration 5x
expect_err "invalid duration '5x'"
expect_unchanged event add --title "   " --start "2024-03-14 10:00"
expect_err "the title is empty"
expect_unchanged event add --title "$(printf 'bell\a')" --start "2024-03-14 10:00"
expect_err "control character"
expect_unchanged event add --title "$(head -c 3000 /dev/zero | tr '\0' 'a')" --start "2024-03-14 10:00"
expect_err "too long"
expect_unchanged event show 99
expect_err "no event with id 99"
expect_unchanged event edit 99 --title "x"
expect_unchanged event edit 1 --start "tomorrow 99:00"
expect_unchanged event status 1 done
expect_unchanged event task add 1 "Задача" --due -5xd
expect_err "invalid date '-5xd'"
expect_unchanged event task add 99 "Задача" --due -5d
expect_unchanged event task done 1 99
expect_err "event 1 has no task 99"
expect_unchanged event clone 1 --date 1700-01-01
expect_unchanged event clone 1 --date 2023-02-29
expect_unchanged event list --from 2023-12-31 --to 2023-01-01
expect_unchanged event list --search "«»"
expect_unchanged event agenda --days -3
run event status 2 held
expect_unchanged event status 2 planned
expect_err "event 2 is held; it cannot become planned"
expect_unchanged --format xml event list
expect_unchanged --format ics event agenda
expect_err "--format ics is not available here"
expect_unchanged --tz Mars/Olympus event list
expect_err "unknown time zone 'Mars/Olympus'"
OMSKPLAN_NOW="yesterday-ish" expect_unchanged event list
expect_err "OMSKPLAN_NOW 'yesterday-ish'"
# SQL-looking text is data, never SQL.
run event add --title "'); DROP TABLE event;--" --start "2023-10-01 10:00"
expect_rc 0
expect_eq "$(sql "SELECT count(*) FROM event")" "7"
run --quiet event list --search "'); DROP TABLE event;--"
expect_out_is "7"

# Usage errors exit 2 and suggest the nearest command.
expect_unchanged evnt list
expect_rc 2
expect_err_is "omskplan: error: unknown command 'evnt' for 'omskplan', did you mean 'event'?"
expect_unchanged event lst
expect_rc 2
expect_err "did you mean 'list'?"
expect_unchanged event task finish 1 1
expect_err "unknown command 'finish' for 'omskplan event task'"
expect_unchanged event add --title X
expect_rc 2
expect_unchanged event show notanumber
expect_rc 2
expect_unchanged
expect_rc 2

# Database problems exit 5.
run --db "$TMP/none.db" event list
expect_rc 5
expect_err "no database at $TMP/none.db; create it with 'omskplan db init'"
[ -e "$TMP/none.db" ] && fail "a reading command created a database" || pass
mkdir -p "$TMP/adir"
run --db "$TMP/adir" event list
expect_rc 5
expect_err "is a directory"
head -c 4096 /dev/urandom >"$TMP/random.db"
run --db "$TMP/random.db" event list
expect_rc 5
expect_err "is damaged or not an omskplan database"
cp "$OMSKPLAN_DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 42"
run --db "$TMP/newer.db" event list
expect_rc 5
expect_err "has schema version 42, newer than this omskplan knows (14); upgrade omskplan"

# A locked database: another writer holds the lock longer than we wait? We wait (busy_timeout).
(sqlite3 "$OMSKPLAN_DB" "BEGIN IMMEDIATE; SELECT 1; " >/dev/null; sleep 1) &
sleep 0.2
run event add --title "Совещание" --start "2023-10-02 10:00"
wait
expect_rc 0
