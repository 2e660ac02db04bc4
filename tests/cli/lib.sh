# Helpers for the end-to-end suites (sourced). Each suite gets a fresh
# temporary HOME, config, data directory and database; "now" is frozen.
set -u
BIN=${OMSKPLAN_BIN:?set OMSKPLAN_BIN to the omskplan binary}
SRC=${OMSKPLAN_SRC:?set OMSKPLAN_SRC to the source tree}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/omskplan-cli.XXXXXX")
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
export OMSKPLAN_DB="$TMP/plan.db" OMSKPLAN_NOW="2023-07-20 09:00" OMSKPLAN_TZ=Asia/Omsk
export TZ=America/New_York LC_ALL=C NO_COLOR=1
unset OMSKPLAN_DATA_DIR
# In the sanitizer build a report exits with a code no test expects (leaks too).
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=87:halt_on_error=1:print_stacktrace=1}
mkdir -p "$HOME"
# Money is written with no-break spaces: 2 500 000,00 ₽.
NBSP=$'\xc2\xa0'
passed=0
failed=0
rc=0
suite=$(basename "$0" .sh)

finish() {
  echo "$suite: $passed passed, $failed failed"
  if [ "$failed" -eq 0 ]; then
    rm -rf "$TMP"
  else
    echo "kept $TMP for inspection"
    exit 1
  fi
  exit 0
}
trap 'finish' EXIT

# run ARGS…: runs omskplan; stdout in $TMP/out, stderr in $TMP/err, status in $rc.
run() {
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
}
out() { cat "$TMP/out"; }
err() { cat "$TMP/err"; }

pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL [$suite:${BASH_LINENO[1]}] $*"
  echo "  stdout: $(head -c 600 "$TMP/out")"
  echo "  stderr: $(head -c 600 "$TMP/err")"
}

expect_rc() { if [ "$rc" -eq "$1" ]; then pass; else fail "exit $rc, expected $1"; fi; }
expect_out() { if grep -qF -- "$1" "$TMP/out"; then pass; else fail "stdout lacks: $1"; fi; }
expect_no_out() { if grep -qF -- "$1" "$TMP/out"; then fail "stdout has: $1"; else pass; fi; }
expect_no_err() { if grep -qF -- "$1" "$TMP/err"; then fail "stderr has: $1"; else pass; fi; }
expect_err() { if grep -qF -- "$1" "$TMP/err"; then pass; else fail "stderr lacks: $1"; fi; }
expect_out_is() {
  if [ "$(cat "$TMP/out")" = "$1" ]; then pass; else fail "stdout is not: $1"; fi
}
expect_err_is() {
  if [ "$(cat "$TMP/err")" = "$1" ]; then pass; else fail "stderr is not: $1"; fi
}
expect_eq() { if [ "$1" = "$2" ]; then pass; else fail "'$1' != '$2' ${3:-}"; fi; }

# The database, byte for byte (the main file and any WAL beside it).
db_hash() { cat "$OMSKPLAN_DB" "$OMSKPLAN_DB-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }

# expect_unchanged ARGS…: the command fails (exit ≠ 0) and the database is byte-identical.
expect_unchanged() {
  local before after
  before=$(db_hash)
  run "$@"
  after=$(db_hash)
  if [ "$rc" -eq 0 ]; then
    fail "expected failure: $*"
  elif [ "$before" != "$after" ]; then
    fail "database changed by: $*"
  elif ! grep -q '^omskplan: error: ' "$TMP/err"; then
    fail "no 'omskplan: error:' line for: $*"
  else
    pass
  fi
}

sql() { sqlite3 "$OMSKPLAN_DB" "$1"; }

# need TOOL…: true when every TOOL is installed; otherwise a failure naming it.
# No part of a suite is skipped for a missing tool: .ci/install-deps installs
# them all (.ci/packages), and tests/lint/tools.sh checks that it does.
need() {
  local t missing=""
  for t in "$@"; do
    command -v "$t" >/dev/null || missing="$missing $t"
  done
  if [ -n "$missing" ]; then
    fail "not installed:$missing (.ci/install-deps installs it)"
    return 1
  fi
}

# unmigrate_v8 DB: takes the database back to before schema 8 (what an older
# omskplan made): schema 9's, 10's and 11's tables go, the columns schemas 8 to 10
# added leave the tables' definitions (their stored values stay at the rows'
# ends, unread, as SQLite allows).
unmigrate_v8() {
  sqlite3 "$1" "DROP TABLE inspection_day; DROP TABLE event_exdate; DROP INDEX event_series; DROP INDEX event_occurrence;
    DROP INDEX event_venue; UPDATE event SET venue_id = NULL; DROP TABLE venue_alias; DROP TABLE venue;
    DROP INDEX event_part_of;
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema SET sql = replace(sql, ', repeat_rule TEXT CHECK (repeat_rule IS NULL OR length(repeat_rule) > 0), repeat_days_off TEXT
  CHECK (repeat_days_off IS NULL OR repeat_days_off IN (''skip'', ''previous'', ''next'', ''keep'')), repeat_until_utc TEXT, occurrence_of INTEGER REFERENCES event(id), occurrence_day TEXT', '') WHERE name = 'event';
    UPDATE sqlite_schema SET sql = replace(sql, ', part_of INTEGER REFERENCES event(id), deadline_days_off TEXT NOT NULL DEFAULT ''keep''
  CHECK (deadline_days_off IN (''previous'', ''next'', ''keep'')), venue_id INTEGER REFERENCES venue(id)', '') WHERE name = 'event';
    UPDATE sqlite_schema SET sql = replace(sql, ', note TEXT NOT NULL DEFAULT ''''', '') WHERE name = 'task';
    UPDATE sqlite_schema SET sql = replace(sql, ', venue TEXT NOT NULL DEFAULT ''''', '') WHERE name = 'program_item';
    PRAGMA writable_schema = OFF;" &&
    sqlite3 "$1" "PRAGMA schema_version = $(( $(sqlite3 "$1" 'PRAGMA schema_version') + 1 )); PRAGMA integrity_check;" |
    grep -qx ok || fail "unmigrate_v8 $1"
  expect_eq "$(sqlite3 "$1" "SELECT count(*) FROM pragma_table_info('event') WHERE name = 'part_of'")" "0"
}
