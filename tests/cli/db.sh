#!/usr/bin/env bash
# The database file: where it is, how it is made, how it is versioned.
. "$(dirname "$0")/lib.sh"

unset OMSKPLAN_DB
run db path
expect_out_is "$XDG_DATA_HOME/omskplan/omskplan.db	(default)"
run db init
expect_rc 0
expect_eq "$(stat -c %a "$XDG_DATA_HOME/omskplan/omskplan.db")" "600"
expect_eq "$(sqlite3 "$XDG_DATA_HOME/omskplan/omskplan.db" 'PRAGMA journal_mode')" "wal"
OMSKPLAN_DB="$TMP/env.db" run db path
expect_out_is "$TMP/env.db	(OMSKPLAN_DB)"
OMSKPLAN_DB="$TMP/env.db" run --db "$TMP/flag.db" db path
expect_out_is "$TMP/flag.db	(--db)"
(umask 000 && "$BIN" --db "$TMP/umask.db" db init >/dev/null)
expect_eq "$(stat -c %a "$TMP/umask.db")" "600"
run --version
expect_rc 0
expect_out "omskplan 0.1.0"
run --help
expect_rc 0
expect_out "Exit codes"

# Backup, check, restore, migrate.
export OMSKPLAN_DB="$TMP/m.db" OMSKPLAN_NOW="2024-01-10 09:00"
run event new --template city-day --date 2024-08-03
run db backup "$TMP/backup.db"
expect_rc 0
expect_eq "$(stat -c %a "$TMP/backup.db")" "600"
expect_eq "$(sqlite3 "$TMP/backup.db" 'SELECT title FROM event WHERE id = 1')" "День города Омска — 308-летие со дня основания"
run db backup "$TMP/backup.db"
expect_rc 1
expect_err "exists already"
run db check
expect_rc 0
expect_out "ok (schema version 14"
run event add --title "Лишнее" --start "2024-09-01 10:00"
run db restore "$TMP/backup.db"
expect_rc 0
expect_out "the previous database is in $TMP/m.db.before-restore.bak"
run --quiet event list
expect_out_is "$(seq 1 5)"
head -c 4096 /dev/urandom >"$TMP/junk.db"
before=$(db_hash)
run db restore "$TMP/junk.db"
expect_rc 5
expect_eq "$(db_hash)" "$before" "(restore of junk changed the database)"
sqlite3 "$TMP/other.db" "CREATE TABLE t(x); PRAGMA user_version = 1;"
run db restore "$TMP/other.db"
expect_rc 1
expect_err "is not an omskplan database (its tables are missing)"
# A damaged database is found by check.
cp "$OMSKPLAN_DB" "$TMP/damaged.db"
sqlite3 "$TMP/damaged.db" "PRAGMA foreign_keys = OFF; INSERT INTO task(event_id, no, title, due) VALUES (999, 1, 'x', '2024-01-01');"
OMSKPLAN_DB="$TMP/damaged.db" run db check
expect_rc 5
expect_out "foreign key: task row"
# An older schema is refused until migrated, with a backup first.
unmigrate_v8 "$OMSKPLAN_DB"
sqlite3 "$OMSKPLAN_DB" "DROP TABLE plan_amendment; DROP TABLE plan_version; DROP TABLE plan_postponement; DROP TABLE plan_point;
  DROP TABLE plan_item; DROP TABLE plan_section; DROP TABLE plan; DROP TABLE unit_name; DROP TABLE unit;
  DROP TABLE finding_change; DROP TABLE finding; DROP TABLE visit_attendee; DROP TABLE visit_agency;
  DROP TABLE visit; DROP TABLE agency_requirement; DROP TABLE agency_member; DROP TABLE agency; DROP TABLE site;
  ALTER TABLE command DROP COLUMN undo_of; ALTER TABLE command DROP COLUMN undone_by;
  DROP TABLE command_change; PRAGMA user_version = 2;"
run event list
expect_rc 5
expect_err "has schema version 2, older than this omskplan (14); run 'omskplan db migrate'"
run db migrate
expect_rc 0
expect_out "migrated to schema version 14; the old one is in $TMP/m.db.v2.bak"
expect_eq "$(sqlite3 "$TMP/m.db.v2.bak" 'PRAGMA user_version')" "2"
run --quiet event list
expect_out_is "$(seq 1 5)"
# Schema 4 kept a command's changes in one blob; after migration they still undo.
export OMSKPLAN_DB="$TMP/v4.db"
run event add --title "Первое" --start "2024-09-01 10:00"
run event add --title "Второе" --start "2024-09-02 10:00"
run event edit 1 --title "Первое (исправлено)"
run event edit 2 --title "Второе (исправлено)"
unmigrate_v8 "$OMSKPLAN_DB"
sqlite3 "$OMSKPLAN_DB" "DROP TABLE plan_amendment; DROP TABLE plan_version; DROP TABLE plan_postponement; DROP TABLE plan_point;
  DROP TABLE plan_item; DROP TABLE plan_section; DROP TABLE plan; DROP TABLE unit_name; DROP TABLE unit;
  ALTER TABLE command ADD COLUMN changeset BLOB;
  UPDATE command SET changeset = (SELECT changeset FROM command_change WHERE command_id = command.id AND part = 0);
  DROP TABLE command_change; DROP INDEX event_cloned_from; DROP INDEX agreement_signed_at_event; DROP INDEX badge_org;
  DROP INDEX site_contractor; DROP INDEX site_customer; DROP INDEX visit_agency_agency; DROP INDEX visit_attendee_member;
  DROP INDEX finding_responsible_org; DROP INDEX finding_visit; PRAGMA user_version = 4;"
expect_eq "$(sqlite3 "$OMSKPLAN_DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'finding_visit'")" "0"
run db migrate
expect_rc 0
expect_out "migrated to schema version 14"
expect_eq "$(sqlite3 "$OMSKPLAN_DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'finding_visit'")" "1"
run undo
expect_rc 0
run undo
expect_rc 0
expect_eq "$(sqlite3 "$OMSKPLAN_DB" "SELECT group_concat(title, '|') FROM event")" "Первое|Второе"
