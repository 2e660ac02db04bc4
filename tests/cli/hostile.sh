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

# A full disk, as a file-size limit: writing past it fails with EFBIG.
printf '[' >"$TMP/big.json"
for i in $(seq 1 400); do
  [ "$i" -gt 1 ] && printf ',' >>"$TMP/big.json"
  printf '{"title":"Большое событие %d — %s","kind":"concert","start":"2025-01-01T10:00:00+06:00","end":"2025-01-01T12:00:00+06:00","notes":"%s"}' \
    "$i" "$(printf 'x%.0s' $(seq 1 50))" "$(printf 'заметка %.0s' $(seq 1 40))" >>"$TMP/big.json"
done
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

# A read-only database (not as root: root ignores the mode bits).
if [ "$(id -u)" -ne 0 ]; then
  cp "$OMSKPLAN_DB" "$TMP/ro.db"
  chmod 444 "$TMP/ro.db"
  OMSKPLAN_DB="$TMP/ro.db" run event add --title X --start "2024-06-01 10:00"
  expect_rc 5
  expect_err "read-only"
else
  echo "read-only file: skipped as root (mode bits do not bind root)"
fi
intact "at the end"
