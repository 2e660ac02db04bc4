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

finished=""
finish() {
  # Called by a suite at its end and again by the EXIT trap: once is enough.
  [ -n "$finished" ] && exit "$((failed > 0))"
  finished=1
  if [ "$shadow_n" -gt 0 ]; then
    # What the suite's commands print in Russian reads as Russian.
    # Allowed: the free text typed and what the suite's input files hold.
    {
      printf '\t%s\n' "$(cat "$TMP/shadow/typed.txt" "$TMP"/*.csv "$TMP"/*.json "$TMP"/*.toml "$TMP"/*.ics 2>/dev/null |
        tr -c 'A-Za-z0-9' ' ' | tr -s ' ' | head -c 200000)"
      russian_allow
    } >"$TMP/shadow/allow.txt"
    # The input files' fields and strings come back verbatim (Дом "культуры", «школы № 64»).
    local inputs=("$TMP"/*.csv "$TMP"/*.json "$TMP"/*.toml "$SRC"/examples/demo/*)
    if python3 "$SRC/tests/cli/russian_check.py" "$TMP/shadow/ru" "$TMP/shadow/allow.txt" "$TMP/shadow/typed.txt" \
      "${inputs[@]}" >"$TMP/shadow/check.log" 2>&1; then
      pass
    else
      failed=$((failed + 1))
      echo "FAIL [$suite] the Russian shadow of its commands:"
      cat "$TMP/shadow/check.log"
    fi
  fi
  [ "$shadow_n" -gt 0 ] && echo "$suite: $shadow_n of $shadow_runs commands also run and checked in Russian" \
    "($(find "$TMP/shadow/ru" -name '*-doc.*' ! -name '*.label' 2>/dev/null | wc -l) documents)"
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
  if [ -n "${OMSKPLAN_SHADOW_RU:-}" ]; then
    shadow_typed "$@"
    shadow_ru "$@"
  fi
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
}

# The Russian shadow (OMSKPLAN_SHADOW_RU=1, set by ctest on the normal build):
# before each command a suite runs, the same command runs once more with
# --lang ru on a copy of the database, config and data directories, and what it
# printed is kept; at the suite's end russian_check.py reads all of it (no
# English word, «№1» or ASCII-quoted value in Russian output). Not shadowed:
# what asks for a language, a machine format (JSON, CSV, ICS) or another
# database, and what may write a file (an output option, or a path that does
# not exist yet); existing files are read as input.
shadow_n=0
shadow_runs=0
# Free text a suite types (titles, names: an argument with a space or a capital)
# may come back in any later output; single lowercase words (statuses, kinds) may not.
shadow_typed() {
  local a
  shadow_runs=$((shadow_runs + 1))
  [ -d "$TMP/shadow/ru" ] || mkdir -p "$TMP/shadow/ru"
  for a in "$@"; do
    case "$a" in *" "* | [A-Z]*) printf '%s\n' "$a" ;; esac
  done >>"$TMP/shadow/typed.txt"
}
# (OMSKPLAN_SHADOW_LOG=FILE: why a command was not shadowed, a line each.)
shadow_skip() { [ -n "${OMSKPLAN_SHADOW_LOG:-}" ] && echo "$suite: $1" >>"$OMSKPLAN_SHADOW_LOG"; }
shadow_ru() {
  local a prev="" dir="$TMP/shadow" quiet="" html="" binary="" doc="" args=()
  [ -n "${OMSKPLAN_LANG:-}" ] && { shadow_skip OMSKPLAN_LANG; return; }
  local n=$((shadow_n + 1))
  for a in "$@"; do
    case "$prev" in
      --db | --config | --lang) shadow_skip "$prev"; return ;;
      --format | -f) case "$a" in json | csv | ics | jsonl) shadow_skip "$a"; return ;; html) html=1 ;; docx | xlsx) binary=1 ;; esac ;;
      --csv) shadow_skip "$prev"; return ;;
      -o | --output)
        # A document is written beside the others and read as one (docx, xlsx, html, md).
        case "$a" in *.docx | *.xlsx | *.html | *.md) ;; *) shadow_skip "$prev $a"; return ;; esac
        doc="$dir/ru/$n-doc.${a##*.}"
        args+=("$doc")
        prev=$a
        continue ;;
    esac
    case "$a" in
      --json | --lang=* | --db=* | --output=* | --format=json | --format=csv | --format=ics | completion | manpage | --version | export | --toml) shadow_skip "$a"; return ;;
      --format=html) html=1 ;;
      --format=docx | --format=xlsx) binary=1 ;;
      --quiet | -q) quiet=1 ;;  # ids on stdout; what it says on stderr is read
      /* | ./* | ../*) [ -f "$a" ] || { shadow_skip "$a"; return; } ;;
    esac
    args+=("$a")
    prev=$a
  done
  [ -n "$binary" ] && [ -z "$doc" ] && { shadow_skip "a document on stdout"; return; }
  shadow_n=$n
  # A copy of the database, settings and data for this command alone (few processes: it runs
  # before every command of every suite).
  local copy="$dir/s$n" from=()
  [ -f "$OMSKPLAN_DB" ] && from+=("$OMSKPLAN_DB")
  [ -f "$OMSKPLAN_DB-wal" ] && from+=("$OMSKPLAN_DB-wal")
  [ -d "$XDG_CONFIG_HOME" ] && from+=("$XDG_CONFIG_HOME")
  [ -d "$XDG_DATA_HOME" ] && from+=("$XDG_DATA_HOME")
  rm -rf "$dir/s$((n - 1))"
  mkdir "$copy" || return
  [ ${#from[@]} -eq 0 ] || cp -a "${from[@]}" "$copy/"
  # Values given in the environment or the config file come back as typed.
  local v lines=()
  for v in ${!OMSKPLAN_@}; do lines+=("${!v}"); done
  for v in "$XDG_CONFIG_HOME"/omskplan/config.toml "${OMSKPLAN_CONFIG:-}"; do
    [ -f "$v" ] && mapfile -t -O "${#lines[@]}" lines <"$v"
  done
  printf '%s\n' "${lines[@]}" >>"$dir/typed.txt"
  local label="$* [$suite:${BASH_LINENO[1]}]"
  label=${label//$'\n'/ }
  local stdout="$dir/stdout"
  [ -n "$quiet" ] && stdout=/dev/null
  if [ -n "$html" ] && [ -z "$doc" ]; then
    # A page on stdout is read as a page (its text, not its markup).
    doc="$dir/ru/$n-doc.html"
    stdout=$doc
  fi
  OMSKPLAN_DB="$copy/${OMSKPLAN_DB##*/}" XDG_CONFIG_HOME="$copy/${XDG_CONFIG_HOME##*/}" \
    XDG_DATA_HOME="$copy/${XDG_DATA_HOME##*/}" "$BIN" --lang ru "${args[@]}" >"$stdout" 2>"$dir/err" </dev/null
  local o="" e
  [ "$stdout" = "$dir/stdout" ] && o=$(<"$dir/stdout")
  e=$(<"$dir/err")
  printf '# %s\n%s\n%s\n' "$label" "${o//"$TMP"//tmp}" "${e//"$TMP"//tmp}" >"$dir/ru/$n.txt"
  [ -n "$doc" ] && [ -s "$doc" ] && printf '%s\n' "$label" >"$dir/ru/$n-doc.label"
}

# russian_allow: the ALLOW file of russian_check.py for this suite's database
# (LABEL PART<TAB>words allowed in an output whose label has that part): the
# ids people type where they are listed (templates, reports, plan templates and
# their sections), the OS user in history and undo, settings as typed.
russian_allow() {
  local ids
  ids=$("$BIN" template list --json 2>/dev/null | jq -r '.[].id' | tr '\n' ' ')
  printf 'template\t%s\n' "$ids"
  printf 'event show\t%s\n' "$ids"
  printf 'report list\t%s\n' "$("$BIN" report list --json 2>/dev/null | jq -r '.[].id' | tr '\n' ' ')"
  printf 'plan templates\t%s\n' "$("$BIN" plan templates --json 2>/dev/null | jq -r '.[] | .id, .sections[].key' | tr '\n' ' ')"
  printf 'guest ranks\t%s\n' "$("$BIN" guest ranks --json 2>/dev/null | jq -r '.ranks[].id' | tr '\n' ' ')"
  printf 'history\t%s\n' "$(id -un)"
  printf 'undo\t%s\n' "$(id -un)"
  printf 'config \t%s\n' "$("$BIN" config show --json 2>/dev/null | jq -r '.[] | .key, .value' | tr ',\n' '  ') $(id -un)"
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

# unmigrate_v14 DB: takes the database back to before schema 14: no ranges of
# records created, the full-text indexes keeping their text, as schemas 1 and 2 made them.
unmigrate_v14() {
  sqlite3 "$1" "DROP TABLE command_insert; DROP TABLE fts_deferred; DROP INDEX event_venue_text;
    DROP TRIGGER event_fts_insert; DROP TRIGGER event_fts_update; DROP TRIGGER event_fts_delete; DROP TABLE event_fts;
    CREATE VIRTUAL TABLE event_fts USING fts5(title, venue, notes, tokenize = 'unicode61');
    INSERT INTO event_fts(rowid, title, venue, notes) SELECT event.id, replace(replace(event.title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(event.venue, 'ё', 'е'), 'Ё', 'Е'), replace(replace(event.notes, 'ё', 'е'), 'Ё', 'Е') FROM event;
    CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN
      INSERT INTO event_fts(rowid, title, venue, notes) VALUES (NEW.id, replace(replace(NEW.title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(NEW.venue, 'ё', 'е'), 'Ё', 'Е'), replace(replace(NEW.notes, 'ё', 'е'), 'Ё', 'Е'));
    END;
    CREATE TRIGGER event_fts_update AFTER UPDATE OF title, venue, notes ON event BEGIN
      DELETE FROM event_fts WHERE rowid = OLD.id;
      INSERT INTO event_fts(rowid, title, venue, notes) VALUES (NEW.id, replace(replace(NEW.title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(NEW.venue, 'ё', 'е'), 'Ё', 'Е'), replace(replace(NEW.notes, 'ё', 'е'), 'Ё', 'Е'));
    END;
    CREATE TRIGGER event_fts_delete AFTER DELETE ON event BEGIN
      DELETE FROM event_fts WHERE rowid = OLD.id;
    END;
    DROP TRIGGER organization_fts_insert; DROP TRIGGER organization_fts_update; DROP TRIGGER organization_fts_delete; DROP TABLE organization_fts;
    CREATE VIRTUAL TABLE organization_fts USING fts5(name, tokenize = 'unicode61');
    INSERT INTO organization_fts(rowid, name) SELECT organization.id, replace(replace(organization.name, 'ё', 'е'), 'Ё', 'Е') FROM organization;
    CREATE TRIGGER organization_fts_insert AFTER INSERT ON organization BEGIN
      INSERT INTO organization_fts(rowid, name) VALUES (NEW.id, replace(replace(NEW.name, 'ё', 'е'), 'Ё', 'Е'));
    END;
    CREATE TRIGGER organization_fts_update AFTER UPDATE OF name ON organization BEGIN
      DELETE FROM organization_fts WHERE rowid = OLD.id;
      INSERT INTO organization_fts(rowid, name) VALUES (NEW.id, replace(replace(NEW.name, 'ё', 'е'), 'Ё', 'Е'));
    END;
    CREATE TRIGGER organization_fts_delete AFTER DELETE ON organization BEGIN
      DELETE FROM organization_fts WHERE rowid = OLD.id;
    END;
    DROP TRIGGER agreement_fts_insert; DROP TRIGGER agreement_fts_update; DROP TRIGGER agreement_fts_delete; DROP TABLE agreement_fts;
    CREATE VIRTUAL TABLE agreement_fts USING fts5(number, title, tokenize = 'unicode61');
    INSERT INTO agreement_fts(rowid, number, title) SELECT agreement.id, agreement.number, replace(replace(agreement.title, 'ё', 'е'), 'Ё', 'Е') FROM agreement;
    CREATE TRIGGER agreement_fts_insert AFTER INSERT ON agreement BEGIN
      INSERT INTO agreement_fts(rowid, number, title) VALUES (NEW.id, NEW.number, replace(replace(NEW.title, 'ё', 'е'), 'Ё', 'Е'));
    END;
    CREATE TRIGGER agreement_fts_update AFTER UPDATE OF number, title ON agreement BEGIN
      DELETE FROM agreement_fts WHERE rowid = OLD.id;
      INSERT INTO agreement_fts(rowid, number, title) VALUES (NEW.id, NEW.number, replace(replace(NEW.title, 'ё', 'е'), 'Ё', 'Е'));
    END;
    CREATE TRIGGER agreement_fts_delete AFTER DELETE ON agreement BEGIN
      DELETE FROM agreement_fts WHERE rowid = OLD.id;
    END;
    PRAGMA user_version = 13;" || fail "unmigrate_v14 $1"
}

# unmigrate_v8 DB: takes the database back to before schema 8 (what an older
# omskplan made): schema 14 undone (unmigrate_v14), the tables of schemas 9 to
# 12 go, the columns schemas 8 to 13 added leave the tables' definitions (their
# stored values stay at the rows' ends, unread, as SQLite allows).
unmigrate_v8() {
  unmigrate_v14 "$1"
  sqlite3 "$1" "DROP TABLE delegation_event; DROP TABLE delegation_member; DROP TABLE delegation; DROP TABLE event_guest;
    DROP TABLE guest; DROP TABLE inspection_day; DROP TABLE event_exdate; DROP INDEX event_series; DROP INDEX event_occurrence;
    DROP INDEX event_venue; UPDATE event SET venue_id = NULL; DROP TABLE venue_alias; DROP TABLE venue;
    DROP INDEX event_part_of;
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema SET sql = replace(sql, ', repeat_zone TEXT', '') WHERE name = 'event';
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
