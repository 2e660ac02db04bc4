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
