#!/usr/bin/env bash
# Crash safety: a bulk import and the weekly schedule are killed with SIGKILL
# at random moments, again and again. After every kill the database must pass
# integrity_check and foreign_key_check, and the operation must be wholly there
# or wholly absent.
#   KILLS (default 100) kills of each operation while it runs; EVENTS (default
#   3000) events in the imported file. .ci/run's sanitizer pass uses fewer of both.
. "$(dirname "$0")/../cli/lib.sh"
GEN=${OMSKPLAN_GEN:?set OMSKPLAN_GEN to the gen_events binary}
KILLS=${KILLS:-100}
EVENTS=${EVENTS:-3000}
export OMSKPLAN_NOW="2026-11-27 09:00"

"$GEN" "$EVENTS" >"$TMP/events.json"
run db init
run event new --template city-day --date 2026-08-01
base_events=$(sql "SELECT count(*) FROM event")
# Sites for the schedule: 60 due sites, 12 a day.
{
  echo "code,name,work,risk,lat,lon"
  for i in $(seq 1 60); do echo "S-$i,Объект $i,construction,high,55.$((i % 10))$i,73.3$i"; done
} >"$TMP/sites.csv"
run inspection site import "$TMP/sites.csv"
mkdir -p "$XDG_CONFIG_HOME/omskplan"
printf '[inspection]\nmax_sites = 12\nday_end = "23:00"\nvisit_days = ["mon", "tue", "wed", "thu", "fri"]\n' \
  >"$XDG_CONFIG_HOME/omskplan/config.toml"
sqlite3 "$OMSKPLAN_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$OMSKPLAN_DB" "$TMP/base.db"
# How long the whole operations take, so the kills fall before, during and after them.
t0=$(date +%s%N)
"$BIN" event import "$TMP/events.json" >/dev/null
import_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
sqlite3 "$OMSKPLAN_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$OMSKPLAN_DB" "$TMP/imported.db"
mkdir "$TMP/bk"
t0=$(date +%s%N)
"$BIN" db backup "$TMP/bk/b.db" >/dev/null
backup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
rm -f "$TMP/bk/b.db"
planned=$("$BIN" --json inspection schedule --week next --dry-run | jq '.visits | length')
cp "$TMP/base.db" "$OMSKPLAN_DB"
rm -f "$OMSKPLAN_DB-wal" "$OMSKPLAN_DB-shm"
t0=$(date +%s%N)
"$BIN" inspection schedule --week next >/dev/null
schedule_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "import of $EVENTS events: $import_ms ms; schedule of $planned visits: $schedule_ms ms"
delay_ms() { # a random delay up to 120% of $1 ms
  echo $(( RANDOM * $1 * 12 / 10 / 32768 ))
}
seconds() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

check_db() { # label: integrity and foreign keys
  local ic fk
  ic=$(sqlite3 "$OMSKPLAN_DB" "PRAGMA integrity_check")
  fk=$(sqlite3 "$OMSKPLAN_DB" "PRAGMA foreign_key_check" | wc -l)
  if [ "$ic" = ok ] && [ "$fk" = 0 ]; then pass; else fail "$1: integrity '$ic', $fk foreign key problems"; fi
}

# kill_runs LABEL MS CHECK CMD…: runs CMD on a fresh copy of the base database
# and kills it after a random delay, until KILLS runs were killed while running;
# after each, the database is checked and CHECK (a function) asserts the
# operation is wholly there or wholly absent. A run that finished before its
# kill shows the operation takes at most that long (the first timing may have
# shared the CPU with other tests): later delays are drawn from the shorter time.
# Sets killed, finished and runs.
kill_runs() {
  local label=$1 est=$2 check=$3 ms pid
  shift 3
  killed=0 finished=0 runs=0
  while [ "$killed" -lt "$KILLS" ] && [ "$runs" -lt $((KILLS * 3)) ]; do
    runs=$((runs + 1))
    cp "${BASE:-$TMP/base.db}" "$OMSKPLAN_DB"
    rm -f "$OMSKPLAN_DB-wal" "$OMSKPLAN_DB-shm"
    ms=$(delay_ms "$est")
    "$@" >/dev/null 2>&1 &
    pid=$!
    sleep "$(seconds "$ms")"
    if kill -9 "$pid" 2>/dev/null; then
      killed=$((killed + 1))
    else
      finished=$((finished + 1))
      [ "$ms" -lt "$est" ] && [ "$ms" -gt 20 ] && est=$ms
    fi
    wait "$pid" 2>/dev/null
    check_db "$label kill $runs"
    "$check" "$label kill $runs"
  done
  expect_eq "$killed" "$KILLS" "($label: runs killed while running)"
}

import_whole() {
  local n tasks
  n=$(sql "SELECT count(*) FROM event")
  if [ "$n" = "$base_events" ] || [ "$n" = $((base_events + EVENTS)) ]; then pass; else fail "$1: $n events, neither $base_events nor $((base_events + EVENTS))"; fi
  tasks=$(sql "SELECT count(*) FROM task WHERE event_id NOT IN (SELECT id FROM event)")
  expect_eq "$tasks" "0" "(orphaned tasks after $1)"
}
kill_runs import "$import_ms" import_whole "$BIN" event import "$TMP/events.json"
echo "import: $killed killed while importing, $finished finished before the kill (of $runs runs); all wholly there or wholly absent"

schedule_whole() {
  local v
  v=$(sql "SELECT count(*) FROM visit")
  if [ "$v" = 0 ] || [ "$v" = "$planned" ]; then pass; else fail "$1: $v visits, neither 0 nor $planned"; fi
}
kill_runs schedule "$schedule_ms" schedule_whole "$BIN" inspection schedule --week next
echo "schedule: $killed killed while planning, $finished finished before the kill (of $runs runs)"

# A killed backup leaves at most its private temporary directory (never a
# half file under the backup's name); the next backup to the same name removes
# what killed runs left (docs/reliability.md, Files).
stale=0
backup_whole() {
  if [ -e "$TMP/bk/b.db" ]; then
    expect_eq "$(sqlite3 "$TMP/bk/b.db" 'PRAGMA integrity_check')" "ok" "($1: the backup is damaged)"
    rm -f "$TMP/bk/b.db"
  else
    pass
  fi
  stale=$((stale + $(find "$TMP/bk" -maxdepth 1 -name '.b.db.omskplan-tmp-*' | wc -l)))
}
BASE="$TMP/imported.db" kill_runs backup "$backup_ms" backup_whole "$BIN" db backup "$TMP/bk/b.db"
run db backup "$TMP/bk/b.db"
expect_rc 0
expect_eq "$(ls -A "$TMP/bk")" "b.db" "(what killed backups left was not cleaned up)"
echo "backup: $killed killed while copying, $finished finished before the kill (of $runs runs); temporaries seen after kills: $stale, all removed by the next backup"
