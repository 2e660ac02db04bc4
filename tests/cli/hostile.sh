#!/usr/bin/env bash
# Hostile files and a full disk: a clear one-line error, a documented exit
# code, never a crash, and an existing database intact and readable afterwards.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2024-05-03 09:00"

run event new --template city-day --date 2024-08-03
run event new --template victory-day --date 2024-05-09
sqlite3 "$OMSKPLAN_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
events_before=$(sql "SELECT count(*) FROM event")
intact() { # label
  if [ "$(sqlite3 "$OMSKPLAN_DB" 'PRAGMA integrity_check')" = ok ] &&
     [ "$(sql 'SELECT count(*) FROM event')" = "$events_before" ]; then pass; else fail "$1: the database is not intact"; fi
}

# A full disk, as a file-size limit: writing past it fails with EFBIG. The
# import is larger than the limit even without the audit log's copies (an
# import is recorded as ranges of ids): 1 500 events of 1 KB.
xs=$(printf 'x%.0s' $(seq 1 50))
notes=$(printf 'заметка %.0s' $(seq 1 40))
for i in $(seq 1 1500); do
  printf '{"title":"Большое событие %d — %s","kind":"concert","start":"2025-01-01T10:00:00+06:00","end":"2025-01-01T12:00:00+06:00","notes":"%s"}\n' \
    "$i" "$xs" "$notes"
done | paste -sd, | sed 's/^/[/' >"$TMP/big.json"
printf ']' >>"$TMP/big.json"
size_kb=$(( $(stat -c %s "$OMSKPLAN_DB") / 1024 + 64 ))
(
  ulimit -f "$size_kb"
  trap '' XFSZ
  exec "$BIN" event import "$TMP/big.json" >"$TMP/out" 2>"$TMP/err"
)
rc=$?
expect_rc 5
expect_err "omskplan: error: database $OMSKPLAN_DB: cannot write to the disk (it is full, or a file-size limit); nothing was written"
expect_eq "$(grep -c '^omskplan: error:' "$TMP/err")" "1"
intact "after the full disk"
run event list
expect_rc 0

# A report to a full disk: the old file stays as it was.
echo "old report" >"$TMP/plan.md"
(
  ulimit -f 1
  trap '' XFSZ
  exec "$BIN" --format md report run monthly-plan --month 2024-08 -o "$TMP/plan.md" >"$TMP/out" 2>"$TMP/err"
)
rc=$?
if [ "$rc" -ne 0 ]; then pass; else fail "writing past the limit succeeded"; fi
expect_eq "$(cat "$TMP/plan.md")" "old report"
expect_eq "$(ls "$TMP" | grep -c '\.plan\.md\.tmp')" "0" "(a temporary file was left)"

# A truncated database, random bytes, a newer schema, a directory: exit 5, one line.
cp "$OMSKPLAN_DB" "$TMP/truncated.db"
truncate -s 5000 "$TMP/truncated.db"
OMSKPLAN_DB="$TMP/truncated.db" run event list
expect_rc 5
expect_err "is damaged or not an omskplan database"
head -c 65536 /dev/urandom >"$TMP/random.db"
OMSKPLAN_DB="$TMP/random.db" run event add --title X --start "2024-06-01 10:00"
expect_rc 5
expect_eq "$(grep -c '^omskplan: error:' "$TMP/err")" "1"

# A read-only database file and a read-only directory. Mode bits do not bind
# root, so as root these run as nobody (setpriv, util-linux).
as_user=()
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  as_user=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
fi
if [ "$(id -u)" -ne 0 ] || [ ${#as_user[@]} -gt 0 ]; then
  run_as() { # ARGS…: like run, as the unprivileged user
    "${as_user[@]}" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    rc=$?
  }
  copy_as_user() { # DIR FILE_MODE DIR_MODE: a copy of the database in DIR/plan.db, owned by the user; its hash in $hash
    mkdir "$1"
    sqlite3 "$OMSKPLAN_DB" "VACUUM INTO '$1/plan.db'"
    [ ${#as_user[@]} -eq 0 ] || chown -R nobody "$1"
    chmod "$2" "$1/plan.db"
    chmod "$3" "$1"
    hash=$(sha256sum <"$1/plan.db")
  }
  chmod 711 "$TMP"
  # The file is read-only; its directory is writable (SQLite can make the -shm file).
  copy_as_user "$TMP/rofile" 444 755
  run_as --db "$TMP/rofile/plan.db" --quiet event list
  expect_rc 0
  expect_out_is "$(printf '6\n1\n2\n3\n4\n5')"
  run_as --db "$TMP/rofile/plan.db" event add --title X --start "2024-06-01 10:00"
  expect_rc 5
  expect_err_is "omskplan: error: database $TMP/rofile/plan.db is read-only (no permission to write the file)"
  expect_eq "$(sha256sum <"$TMP/rofile/plan.db")" "$hash" "(a read-only file changed)"
  # The directory is read-only: no -wal or -shm can be made there. Reading
  # commands read the database as it is; writing ones say why they cannot.
  copy_as_user "$TMP/rodir" 644 555
  run_as --db "$TMP/rodir/plan.db" --quiet event list
  expect_rc 0
  expect_out_is "$(printf '6\n1\n2\n3\n4\n5')"
  run_as --db "$TMP/rodir/plan.db" db check
  expect_rc 0
  expect_out "ok (schema version"
  run_as --db "$TMP/rodir/plan.db" event add --title X --start "2024-06-01 10:00"
  expect_rc 5
  expect_err_is "omskplan: error: database $TMP/rodir/plan.db: its directory $TMP/rodir is not writable (SQLite must create plan.db-wal and plan.db-shm in it)"
  run_as --db "$TMP/rodir/new.db" event add --title X --start "2024-06-01 10:00"
  expect_rc 5
  expect_err_is "omskplan: error: cannot create database $TMP/rodir/new.db: permission denied"
  run_as --db "$TMP/rodir/plan.db" db backup "$TMP/rodir/copy.db"
  expect_rc 5
  expect_eq "$(sha256sum <"$TMP/rodir/plan.db")" "$hash" "(a database in a read-only directory changed)"
  expect_eq "$(ls "$TMP/rodir")" "plan.db" "(files were left in a read-only directory)"
  chmod 755 "$TMP/rodir"
else
  echo "read-only file and directory: skipped (root without setpriv)"
fi
intact "at the end"
