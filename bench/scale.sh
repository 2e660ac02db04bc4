#!/usr/bin/env bash
# omskplan at 1k … 1M events, against the floor of SQLite itself and against
# Taskwarrior 2.6 on the same records (issue 21; the figures are in README.md).
#
#   bench/scale.sh [BUILD_DIR] [SIZES…]        default: build 1000 10000 100000
#   bench/scale.sh build 1000 10000 100000 1000000
#
# For each size N (events from gen_events, 3–8 checklist tasks and 2–4 run-of-show
# items each; the same records for Taskwarrior from gen_events --taskwarrior):
#   - import: `omskplan event import` into a new database, against
#       the floor: the same rows (every table: events, tasks, run of show,
#       participants, tags) read back from that database and inserted by the
#       sqlite3 shell in one transaction into a new database of the same schema,
#       the full-text index built by one statement at the end; and
#       Taskwarrior: `task import` of the same records into an empty data directory;
#   - the database's bytes per event after the import;
#   - export: `omskplan --json event list` of everything against `task export`;
#   - reads at size N: a month's list, the agenda, a month's conflicts, the
#     monthly plan, the annual report, `history` of one event, `--venue`, a
#     full-text search;
#   - `event add`: the time, and the fsync/fdatasync calls (strace) against a
#     durable insert by the sqlite3 shell (synchronous = FULL) into the same database.
# Time: hyperfine's median (runs: 10 up to 10k, 5 at 100k, 3 at 1M, after a warm-up;
# imports: each run into a new database, prepared untimed). Memory: peak RSS by
# GNU time. Then each operation's growth exponent: the slope of log(time)
# against log(N) between the two largest sizes (1 = linear; a read that
# touches a fixed amount of data should be near 0).
#
# Needs hyperfine, GNU time, jq, strace, sqlite3 and taskwarrior
# (apt-get install hyperfine time jq strace sqlite3 taskwarrior).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
bin=$(realpath "$build/cmd/omskplan/omskplan")
gen=$(realpath "$build/bench/gen_events")
work=$(mktemp -d "${TMPDIR:-/tmp}/omskplan-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
export OMSKPLAN_NOW="2026-11-27 09:00" OMSKPLAN_TZ=Asia/Omsk NO_COLOR=1 LC_ALL=C.UTF-8
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export TASKRC="$work/taskrc" TASKDATA="$work/tw"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\nrecurrence=off\ngc=off\n' "$TASKDATA" >"$TASKRC"
results="$work/results.tsv"  # size, operation, median ms, peak RSS MB
: >"$results"

runs_for() { # N → runs
  if [ "$1" -le 10000 ]; then echo 10; elif [ "$1" -le 100000 ]; then echo 5; else echo 3; fi
}
median_ms() { jq -r '.results[0].median * 1000 | . * 10 | round / 10' "$1"; }
peak_rss_mb() { # command… → peak RSS in MB (one run)
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}

# time N LABEL [--prepare CMD] -- COMMAND…   (records median and peak RSS)
time_it() {
  local n=$1 label=$2
  shift 2
  local prep=()
  if [ "$1" = --prepare ]; then
    # -N runs no shell, for the preparation either: bash runs it.
    prep=(--prepare "bash -c '$2'")
    shift 2
  fi
  [ "$1" = -- ] && shift
  local runs warm=1
  runs=$(runs_for "$n")
  [ ${#prep[@]} -eq 0 ] || warm=0
  if ! hyperfine -N --warmup "$warm" --runs "$runs" "${prep[@]}" --export-json "$work/h.json" \
    "$(printf '%q ' "$@")" >"$work/h.log" 2>&1; then
    echo "failed: $*" >&2
    cat "$work/h.log" >&2
    return 1
  fi
  [ ${#prep[@]} -eq 0 ] || eval "${prep[1]}"
  local ms rss
  ms=$(median_ms "$work/h.json")
  rss=$(peak_rss_mb "$@")
  printf '%s\t%s\t%s\t%s\n' "$n" "$label" "$ms" "$rss" >>"$results"
  printf '%9s  %-46s %12s ms %9s MB\n' "$n" "$label" "$ms" "$rss"
}

# The floor's SQL: the rows of database $1, every data table, in one transaction.
floor_sql() {
  local src=$1 out=$2 t
  {
    echo "BEGIN;"
    echo "INSERT INTO fts_deferred(tbl, first_id) VALUES ('event', 1);"
    for t in event event_tag participant task program_item lesson event_exdate venue venue_alias; do
      sqlite3 "$src" ".mode insert $t" "SELECT * FROM $t"
    done
    echo "INSERT INTO event_fts(rowid, title, venue, notes) SELECT id, replace(replace(title, 'ё', 'е'), 'Ё', 'Е'),"
    echo "  replace(replace(venue, 'ё', 'е'), 'Ё', 'Е'), replace(replace(notes, 'ё', 'е'), 'Ё', 'Е') FROM event;"
    echo "DELETE FROM fts_deferred;"
    echo "COMMIT;"
  } >"$out"
}

# fsync + fdatasync calls of a command.
syncs() {
  strace -f -c -e trace=fsync,fdatasync -o "$work/strace.txt" "$@" >/dev/null 2>&1
  awk '$NF == "fsync" || $NF == "fdatasync" { n += $4 } END { print n + 0 }' "$work/strace.txt"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "omskplan: $("$bin" --version); sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(task --version | head -1 | sed 's/^/Taskwarrior /')"
time_it 0 "omskplan --version (baseline)" -- "$bin" --version

for n in "${sizes[@]}"; do
  ev="$work/events-$n.json"
  tw="$work/tasks-$n.json"
  "$gen" "$n" 1716 >"$ev"
  "$gen" "$n" 1716 --taskwarrior >"$tw"
  db="$work/e-$n.db"
  floor="$work/floor-$n.db"

  time_it "$n" "import: omskplan event import" --prepare "rm -f $db $db-wal $db-shm && $bin --db $db db init" -- \
    "$bin" --db "$db" event import "$ev"
  bytes=$(cat "$db" "$db-wal" 2>/dev/null | wc -c)  # the file and what its WAL still holds
  printf '%s\t%s\t%s\t%s\n' "$n" "database bytes per event" "$((bytes / n))" "" >>"$results"
  printf '%9s  %-46s %12s B\n' "$n" "database bytes per event" "$((bytes / n))"
  floor_sql "$db" "$work/floor-$n.sql"
  time_it "$n" "import: floor (sqlite3 shell, one transaction)" \
    --prepare "rm -f $floor $floor-wal $floor-shm && $bin --db $floor db init" -- \
    sqlite3 "$floor" ".read $work/floor-$n.sql"
  floor_bytes=$(cat "$floor" "$floor-wal" 2>/dev/null | wc -c)
  printf '%s\t%s\t%s\t%s\n' "$n" "floor database bytes per event" "$((floor_bytes / n))" "" >>"$results"
  time_it "$n" "import: task import (Taskwarrior)" --prepare "rm -rf $TASKDATA && mkdir -p $TASKDATA" -- \
    task import "$tw"

  time_it "$n" "export: omskplan --json event list" -- "$bin" --db "$db" --json event list
  time_it "$n" "export: task export (Taskwarrior)" -- task export

  time_it "$n" "event list --from --to (a month)" -- "$bin" --db "$db" event list --from 2024-05-01 --to 2024-05-31
  time_it "$n" "event list --venue" -- "$bin" --db "$db" event list --venue "Дом дружбы" --year 2024
  time_it "$n" "event list --search" -- "$bin" --db "$db" event list --search "ёлка желаний" --year 2025
  time_it "$n" "event agenda --days 14" -- "$bin" --db "$db" event agenda --days 14
  time_it "$n" "event conflicts (a month)" -- "$bin" --db "$db" event conflicts --from 2026-12-01 --to 2026-12-31
  time_it "$n" "report run monthly-plan" -- "$bin" --db "$db" report run monthly-plan --month 2024-05
  time_it "$n" "report run annual --format html" -- "$bin" --db "$db" --format html report run annual --year 2024 \
    --narrative "$here/../examples/annual-2023.toml"
  time_it "$n" "history --entity event --id" -- "$bin" --db "$db" history --entity event --id "$((n / 2))"

  # A durable add: the event added is deleted before the next run, untimed.
  cat >"$work/undo-add.sh" <<UNDO
"$bin" --db "$db" --quiet event list --venue "Кабинет 101" | xargs -r -n1 "$bin" --db "$db" --quiet event delete >/dev/null
sqlite3 "$db" "DELETE FROM event WHERE uuid LIKE 'bench-%'"
UNDO
  add=("$bin" --db "$db" event add --title "Совещание по подготовке" --start "2027-03-15 07:00" --duration 1h
    --venue "Кабинет 101")
  time_it "$n" "event add" --prepare "bash $work/undo-add.sh" -- "${add[@]}"
  # The floor: one row by the sqlite3 shell, durable (synchronous = FULL), as
  # SQLite does it by default (the WAL checkpointed and deleted on close) and
  # as omskplan keeps the WAL (kept, not checkpointed on close).
  cat >"$work/insert.sql" <<'SQL'
PRAGMA synchronous = FULL;
INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, updated_utc)
  VALUES ('bench-' || hex(randomblob(8)), 'Совещание', 'meeting', 'municipal', '2027-03-15T01:00:00Z',
          '2027-03-15T02:00:00Z', '2026-11-27T03:00:00Z', '2026-11-27T03:00:00Z');
SQL
  plain=(sqlite3 "$db" ".read $work/insert.sql")
  kept=(sqlite3 -cmd ".filectrl persist_wal 1" -cmd ".dbconfig no_ckpt_on_close on" "$db" ".read $work/insert.sql")
  time_it "$n" "event add: floor (sqlite3, FULL, WAL kept)" --prepare "bash $work/undo-add.sh" -- "${kept[@]}"
  time_it "$n" "event add: sqlite3 defaults (FULL)" --prepare "bash $work/undo-add.sh" -- "${plain[@]}"
  bash "$work/undo-add.sh"
  a=$(syncs "${add[@]}")
  bash "$work/undo-add.sh"
  f=$(syncs "${kept[@]}")
  bash "$work/undo-add.sh"
  d=$(syncs "${plain[@]}")
  bash "$work/undo-add.sh"
  printf '%s\t%s\t%s\t%s\n' "$n" "event add: fsync calls (omskplan / floor / sqlite3 defaults)" "$a / $f / $d" "" >>"$results"
  printf '%9s  %-46s %12s\n' "$n" "event add: fsync calls (omskplan / floor / defaults)" "$a / $f / $d"
  rm -f "$db"* "$floor"* "$ev" "$tw" "$work/floor-$n.sql"
  rm -rf "$TASKDATA"
done

# The table: one row an operation, one column a size; the ratios; the growth exponents.
echo
awk -F'\t' -v sizes="${sizes[*]}" '
  BEGIN { ns = split(sizes, size, " ") }
  $1 == 0 { base = $3; next }
  { key = $2; if (!(key in seen)) { seen[key] = 1; order[++no] = key } ms[key, $1] = $3; rss[key, $1] = $4 }
  END {
    printf "| operation |"; for (i = 1; i <= ns; i++) printf " %s |", size[i]; printf " growth |\n"
    printf "|---|"; for (i = 1; i <= ns; i++) printf "---:|"; printf "---:|\n"
    for (o = 1; o <= no; o++) {
      k = order[o]; printf "| %s |", k
      for (i = 1; i <= ns; i++) {
        v = ms[k, size[i]]
        if (rss[k, size[i]] != "") printf " %s ms, %s MB |", v, rss[k, size[i]]; else printf " %s |", v
      }
      g = ""
      if (ns >= 2 && k !~ /bytes|fsync/) {
        a = ms[k, size[ns - 1]]; b = ms[k, size[ns]]
        if (a > 0 && b > 0) g = sprintf("%.2f", log(b / a) / log(size[ns] / size[ns - 1]))
      }
      printf " %s |\n", g
    }
    printf "\nbaseline (omskplan --version): %s ms\n\nratios:\n", base
    for (i = 1; i <= ns; i++) {
      n = size[i]
      f = ms["import: floor (sqlite3 shell, one transaction)", n]; o = ms["import: omskplan event import", n]
      t = ms["import: task import (Taskwarrior)", n]
      e = ms["export: omskplan --json event list", n]; te = ms["export: task export (Taskwarrior)", n]
      a = ms["event add", n]; af = ms["event add: floor (sqlite3, FULL, WAL kept)", n]
      printf "  %s: import %.2f× the floor, Taskwarrior %.2f× omskplan; export: Taskwarrior %.2f× omskplan; add %.2f× the sqlite3 durable insert\n",
        n, o / f, t / o, te / e, a / af
    }
  }' "$results"
