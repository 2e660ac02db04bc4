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
#     and the lists of the organizations, agreements and sites imported;
#   - reads at size N: a month's list, the agenda, a month's conflicts, the
#     monthly plan, the annual report, `history` of one event, `--venue`, a
#     full-text search;
#   - `event add`: the time, and the fsync/fdatasync calls (strace) against a
#     durable insert by the sqlite3 shell (synchronous = FULL) into the same database.
# Time: hyperfine's median (runs: 10 up to 10k, 5 at 100k, 2 at 1M, 30 for `event add` and its floors, after a warm-up;
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
gen_agreements=$(realpath "$build/bench/gen_agreements")
work=$(mktemp -d "${TMPDIR:-/tmp}/omskplan-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
export OMSKPLAN_NOW="2026-11-27 09:00" OMSKPLAN_TZ=Asia/Omsk NO_COLOR=1 LC_ALL=C.UTF-8
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export TASKRC="$work/taskrc" TASKDATA="$work/tw"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\nrecurrence=off\ngc=off\n' "$TASKDATA" >"$TASKRC"
results="$work/results.tsv"  # size, operation, median ms, peak RSS MB
# The floor and Taskwarrior are measured up to this size (Taskwarrior 2.6
# holds every task in memory: at 1M it needs gigabytes and hours).
compare_max=${COMPARE_MAX:-100000}
: >"$results"

runs_for() { # N → runs
  if [ "$1" -le 10000 ]; then echo 10; elif [ "$1" -le 100000 ]; then echo 5; else echo 2; fi
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
  runs=${RUNS:-$(runs_for "$n")}
  [ "$n" -le "$compare_max" ] || warm=0  # 1M: every run counts (an export is minutes)
  [ ${#prep[@]} -eq 0 ] || warm=0
  if [ ${#prep[@]} -gt 0 ] && [ "$n" -gt "$compare_max" ] && [ -z "${RUNS:-}" ]; then
    # An import past the compared sizes (1M: minutes) runs once, timed by GNU time
    # (to 10 ms: `event add`, with RUNS set, goes to hyperfine at every size).
    eval "${prep[1]}"
    local out ms rss
    out=$(/usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1)
    ms=$(awk '{ printf "%.1f", $1 * 1000 }' <<<"$out")
    rss=$(awk '{ printf "%.1f", $2 / 1024 }' <<<"$out")
    printf '%s\t%s\t%s\t%s\n' "$n" "$label" "$ms" "$rss" >>"$results"
    printf '%9s  %-46s %12s ms %9s MB (one run)\n' "$n" "$label" "$ms" "$rss"
    return 0
  fi
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

# The floor's SQL: the rows of database $1's tables $3…, in one transaction,
# the full-text index (when the first table has one) by one statement at the end.
floor_sql() {
  local src=$1 out=$2 t
  shift 2
  {
    echo "BEGIN;"
    echo "INSERT OR IGNORE INTO fts_deferred(tbl, first_id) VALUES ('$1', 1);"
    for t in "$@"; do
      sqlite3 "$src" ".mode insert $t" "SELECT * FROM $t"
    done
    case $1 in
      event) echo "INSERT INTO event_fts(rowid, title, venue, notes) SELECT id, replace(replace(title, 'ё', 'е'), 'Ё', 'Е'),"
             echo "  replace(replace(venue, 'ё', 'е'), 'Ё', 'Е'), replace(replace(notes, 'ё', 'е'), 'Ё', 'Е') FROM event;" ;;
      organization) echo "INSERT INTO organization_fts(rowid, name) SELECT id, replace(replace(name, 'ё', 'е'), 'Ё', 'Е') FROM organization;" ;;
      agreement) echo "INSERT INTO agreement_fts(rowid, number, title) SELECT id, number, replace(replace(title, 'ё', 'е'), 'Ё', 'Е') FROM agreement;" ;;
    esac
    echo "DELETE FROM fts_deferred;"
    echo "COMMIT;"
  } >"$out"
}

# Records of any kind as Taskwarrior tasks: the description, every other
# scalar field an attribute of its own (Taskwarrior keeps unknown ones).
as_tasks() {
  jq -c 'map({description: (.name // .title // .number), status: "pending", entry: "20261127T030000Z"}
    + (with_entries(select(.value | type == "string" or type == "number"))
       | with_entries(.key |= ("x" + gsub("_"; ""))) | map_values(tostring)))' "$1"
}

# compare_import N WHAT FILE TW_FILE PREPARE SUBCOMMAND…: `omskplan --db DB
# SUBCOMMAND… FILE` into a database PREPARE made (a shell command, DB in it
# replaced by the database), the floor (the rows it wrote, of the tables in
# $floor_tables, into a database PREPARE made) and Taskwarrior's import of
# TW_FILE; and the database's bytes per record.
compare_import() {
  local n=$1 what=$2 file=$3 twfile=$4 pre=$5
  shift 5
  local db="$work/$what-$n.db" floor="$work/$what-floor-$n.db"
  time_it "$n" "import: omskplan $what" --prepare "rm -f $db $db-wal $db-shm && ${pre//DB/$db} >/dev/null" -- \
    "$bin" --db "$db" "$@" "$file"
  local bytes
  bytes=$(cat "$db" "$db-wal" 2>/dev/null | wc -c)
  printf '%s\t%s\t%s\t%s\n' "$n" "$what: database bytes per record" "$((bytes / n))" "" >>"$results"
  printf '%9s  %-46s %12s B\n' "$n" "$what: database bytes per record" "$((bytes / n))"
  if [ "$n" -le "$compare_max" ]; then
    rm -f "$floor"*
    bash -c "${pre//DB/$floor}" >/dev/null
    # omskplan leaves its last commands in the WAL: into the file before it is copied.
    sqlite3 "$floor" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    mv "$floor" "$work/floor-start.db"
    rm -f "$floor"*
    # shellcheck disable=SC2086
    floor_sql "$db" "$work/floor.sql" $floor_tables
    time_it "$n" "import: floor of $what (sqlite3 shell)" \
      --prepare "rm -f $floor $floor-wal $floor-shm && cp $work/floor-start.db $floor" -- \
      sqlite3 "$floor" ".read $work/floor.sql"
    time_it "$n" "import: task import of $what (Taskwarrior)" --prepare "rm -rf $TASKDATA && mkdir -p $TASKDATA" -- \
      task import "$twfile"
  fi
  rm -f "$floor"* "$work/floor.sql" "$work/floor-start.db"
}

# fsync + fdatasync calls of a command.
syncs() {
  strace -f -c -e trace=fsync,fdatasync -o "$work/strace.txt" "$@" >/dev/null 2>&1
  awk '$NF == "fsync" || $NF == "fdatasync" { n += $4 } END { print n + 0 }' "$work/strace.txt"
}
# The median of 7 runs of syncs, each run undone by $work/undo-add.sh: about one
# add in seven also checkpoints omskplan's WAL (2 more syncs; 2 a plain add).
syncs_median() {
  local i counts=()
  for i in 1 2 3 4 5 6 7; do
    counts+=("$(syncs "$@")")
    bash "$work/undo-add.sh"
  done
  printf '%s\n' "${counts[@]}" | sort -n | sed -n 4p
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

  floor_tables="event event_tag participant task program_item lesson event_exdate venue venue_alias"
  compare_import "$n" events "$ev" "$tw" "$bin --db DB db init" event import
  db="$work/events-$n.db"
  [ "$n" -le "$compare_max" ] || rm -f "$tw"

  time_it "$n" "export: omskplan --json event list" -- "$bin" --db "$db" --json event list
  if [ "$n" -le "$compare_max" ]; then
    time_it "$n" "export: task export (Taskwarrior)" -- task export
  fi

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
  # 30 runs each at every size: a run is milliseconds, and the VM's noise is of that order.
  RUNS=30 time_it "$n" "event add" --prepare "bash $work/undo-add.sh" -- "${add[@]}"
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
  RUNS=30 time_it "$n" "event add: floor (sqlite3, FULL, WAL kept)" --prepare "bash $work/undo-add.sh" -- "${kept[@]}"
  RUNS=30 time_it "$n" "event add: sqlite3 defaults (FULL)" --prepare "bash $work/undo-add.sh" -- "${plain[@]}"
  bash "$work/undo-add.sh"
  a=$(syncs_median "${add[@]}")
  f=$(syncs_median "${kept[@]}")
  d=$(syncs_median "${plain[@]}")
  printf '%s\t%s\t%s\t%s\n' "$n" "event add: fsync calls (omskplan / floor / sqlite3 defaults)" "$a / $f / $d" "" >>"$results"
  printf '%9s  %-46s %12s\n' "$n" "event add: fsync calls (omskplan / floor / defaults)" "$a / $f / $d"
  rm -f "$db"* "$ev" "$tw"
  rm -rf "$TASKDATA"

  # Organizations, agreements (2–8 obligations each) and sites, N of each.
  if [ "$n" -le "$compare_max" ]; then
    "$gen_agreements" "$n" "$n" "$work/orgs.json" "$work/agreements.json" 1716
    as_tasks "$work/orgs.json" >"$work/tw-orgs.json"
    as_tasks "$work/agreements.json" >"$work/tw-agreements.json"
    floor_tables="organization"
    compare_import "$n" organizations "$work/orgs.json" "$work/tw-orgs.json" "$bin --db DB db init" agreement org import
    floor_tables="agreement obligation"
    compare_import "$n" agreements "$work/agreements.json" "$work/tw-agreements.json" \
      "$bin --db DB agreement org import $work/orgs.json" agreement import
    # The lists of what was imported, written record by record.
    time_it "$n" "export: --json agreement org list" -- "$bin" --db "$work/agreements-$n.db" --json agreement org list
    time_it "$n" "export: --json agreement list" -- "$bin" --db "$work/agreements-$n.db" --json agreement list
    awk -v n="$n" 'BEGIN {
      srand(1716); print "code;name;address;lat;lon;program;work;risk"
      split("construction reconstruction capital-repair construction", work, " "); split("low medium high extreme", risk, " ")
      for (i = 1; i <= n; i++)
        printf "OB-%06d;Объект № %d, мкр. Амурский-%d;ул. %d-я Северная, %d;%.4f;%.4f;НП «Жильё и городская среда»;%s;%s\n",
          i, i, i % 9 + 1, i % 40 + 1, i % 200 + 1, 54.9 + rand() * 0.2, 73.2 + rand() * 0.3, work[i % 4 + 1], risk[i % 4 + 1]
    }' | sed 's/\([0-9]\)\.\([0-9]\)/\1,\2/g' >"$work/sites.csv"
    jq -R -s -c 'split("\n")[1:] | map(select(length > 0) | split(";")
      | {code: .[0], name: .[1], address: .[2], lat: .[3], lon: .[4], program: .[5], work: .[6], risk: .[7]})' \
      "$work/sites.csv" >"$work/sites.json"
    as_tasks "$work/sites.json" >"$work/tw-sites.json"
    floor_tables="site"
    compare_import "$n" sites "$work/sites.csv" "$work/tw-sites.json" "$bin --db DB db init" inspection site import
    time_it "$n" "export: --json inspection site list" -- "$bin" --db "$work/sites-$n.db" --json inspection site list
    time_it "$n" "export: inspection site list --format csv" -- "$bin" --db "$work/sites-$n.db" --format csv inspection site list
    rm -f "$work"/organizations-* "$work"/agreements-* "$work"/sites-* "$work"/*.json "$work/sites.csv"
    rm -rf "$TASKDATA"
  fi
done

# 1 110 obligations added one by one to one agreement: what the audit log and
# the undo changes keep of it (a whole agreement before and after each add was 126 MB).
ob="$work/obligations.db"
"$gen_agreements" 1 1 "$work/o1.json" "$work/a1.json" 1716
"$bin" --db "$ob" agreement org import "$work/o1.json" >/dev/null
"$bin" --db "$ob" agreement import "$work/a1.json" >/dev/null
for i in $(seq 1 1110); do
  "$bin" --db "$ob" --quiet agreement obligation add 1 --text "Обязательство № $i: поставка оборудования" \
    --due 2027-06-30 --value 10000 >/dev/null
done
audit=$(sqlite3 "$ob" "SELECT coalesce(sum(length(before) + length(after)), 0) FROM audit")
changes=$(sqlite3 "$ob" "SELECT coalesce(sum(length(changeset)), 0) FROM command_change")
printf '%9s  %-46s %12s B (audit %s B, undo %s B in all)\n' 1110 "obligation adds: audit + undo bytes per add" \
  "$(((audit + changes) / 1110))" "$audit" "$changes"

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
    printf "\nbaseline (omskplan --version): %s ms\n\nratios (the median times of one run):\n", base
    split("events organizations agreements sites", what, " ")
    for (i = 1; i <= ns; i++) {
      n = size[i]
      for (w = 1; w <= 4; w++) {
        o = ms["import: omskplan " what[w], n]; f = ms["import: floor of " what[w] " (sqlite3 shell)", n]
        t = ms["import: task import of " what[w] " (Taskwarrior)", n]
        if (o > 0 && f > 0 && t > 0)
          printf "  %s %s: import %.2f× the floor; Taskwarrior %.2f× omskplan\n", n, what[w], o / f, t / o
      }
      e = ms["export: omskplan --json event list", n]; te = ms["export: task export (Taskwarrior)", n]
      if (e > 0 && te > 0) printf "  %s: export: Taskwarrior %.2f× omskplan\n", n, te / e
      a = ms["event add", n]; af = ms["event add: floor (sqlite3, FULL, WAL kept)", n]
      if (a > 0 && af > 0) printf "  %s: event add %.2f× the sqlite3 durable insert\n", n, a / af
    }
  }' "$results"
