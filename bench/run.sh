#!/usr/bin/env bash
# Times omskplan as whole processes on generated data (see README.md here).
#
#   bench/run.sh [BUILD_DIR] [SIZES…]      default: build 10000 100000
#
# SIZES are numbers of events; "trust" runs task operations on a 50 000-task event and
# measures who waits during a 30 000-event import; "agreements" in SIZES runs the agreements part
# (50 000 organizations, 100 000 agreements), "inspections" the inspections part
# (10 000 sites, 100 000 past visits, 20 000 findings), "plans" an annual work plan of
# 5 000 items from 60 units (import, control, due), "series" a 10-year weekly series against the
# same 522 Mondays as single events (storage, list, conflicts), "routes" the day's route on
# 20–80-stop instances against their exact optima (bench/routes/optima.csv; with python3-scipy,
# bench/route_exact.py finds them again) and `inspection schedule` with 8 and 50 stops a day.
#
# Needs hyperfine and GNU time (apt-get install hyperfine time). Prints medians
# of several runs; "now" is frozen so every run sees the same agenda.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
bin="$build/cmd/omskplan/omskplan"
gen="$build/bench/gen_events"
work=$(mktemp -d "${TMPDIR:-/tmp}/omskplan-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export OMSKPLAN_NOW="2026-11-27 09:00" OMSKPLAN_TZ=Asia/Omsk NO_COLOR=1
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

median_ms() { # hyperfine JSON → median in ms
  jq -r '.results[0].median * 1000 | . * 100 | round / 100' "$1"
}
peak_rss_mb() { # command… → peak RSS in MB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}

run() { # label, command…  ($prepare, if set, runs before each timed run, untimed)
  local label=$1
  shift
  local cmd
  cmd=$(printf '%q ' "$@")
  local prep=()
  [ -z "${prepare:-}" ] || prep=(--prepare "$prepare")
  if ! hyperfine -N --warmup 3 --runs 30 "${prep[@]}" --export-json "$work/h.json" "$cmd" >"$work/h.log" 2>&1; then
    echo "failed: $cmd" >&2
    cat "$work/h.log" >&2
    return 1
  fi
  printf '%-44s %12s %12s\n' "$label" "$(median_ms "$work/h.json")" "$(peak_rss_mb "$@")"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "omskplan: $("$bin" --version)"
printf '%-44s %12s %12s\n' "operation" "median ms" "peak RSS MB"

agreements_bench() {
  local db="$work/agreements.db"
  "$build/bench/gen_agreements" 50000 100000 "$work/orgs.json" "$work/agreements.json"
  local start end
  start=$(date +%s%N)
  "$bin" --db "$db" agreement org import "$work/orgs.json" >/dev/null
  end=$(date +%s%N)
  printf '%-44s %12s %12s\n' "import 50000 organizations (one run)" "$(( (end - start) / 1000000 ))" ""
  start=$(date +%s%N)
  "$bin" --db "$db" agreement import "$work/agreements.json" >/dev/null
  end=$(date +%s%N)
  printf '%-44s %12s %12s\n' "import 100000 agreements (one run)" "$(( (end - start) / 1000000 ))" ""
  local inn
  inn=$(jq -r '.[12345].inn' "$work/orgs.json")
  run "agreement list --org INN" "$bin" --db "$db" agreement list --org "$inn"
  run "agreement list --sphere --expiring 30d" "$bin" --db "$db" agreement list --sphere sport --expiring 30d
  run "agreement list --search --status" "$bin" --db "$db" agreement list --search "благоустройства" \
    --status active --limit 50
  run "agreement due --within 30d" "$bin" --db "$db" agreement due --within 30d
  run "agreement patrons --year 2025" "$bin" --db "$db" agreement patrons --year 2025
  run "agreement org list --search" "$bin" --db "$db" agreement org list --search "прииртышский строитель"
}

inspections_bench() {
  local db="$work/inspections.db"
  local start end
  start=$(date +%s%N)
  "$build/bench/gen_inspections" "$db" 10000 100000 20000
  end=$(date +%s%N)
  printf '%-44s %12s %12s\n' "generate 10k sites, 100k visits, 20k findings" "$(( (end - start) / 1000000 ))" ""
  run "inspection schedule --week next --dry-run" "$bin" --db "$db" inspection schedule --week next --dry-run
  run "inspection finding list --overdue" "$bin" --db "$db" inspection finding list --overdue
  run "inspection overdue --json" "$bin" --db "$db" --json inspection overdue
  run "inspection site list --program" "$bin" --db "$db" --quiet inspection site list --program "НП «Демография»"
}

# Issue 12: task operations on an event with 50 000 tasks (against one with 10, the
# baseline in the same run), and who waits during a 30 000-event import.
trust_bench() {
  local db="$work/trust.db" i
  {
    printf '[{"title":"Большое мероприятие","kind":"concert","start":"2027-05-09T10:00:00+06:00","end":"2027-05-09T12:00:00+06:00","tasks":['
    for i in $(seq 1 50000); do
      [ "$i" -gt 1 ] && printf ','
      printf '{"title":"Задача %d","due":"2027-05-01"}' "$i"
    done
    printf ']},{"title":"Малое мероприятие","kind":"concert","start":"2027-05-10T10:00:00+06:00","end":"2027-05-10T12:00:00+06:00","tasks":['
    for i in $(seq 1 10); do
      [ "$i" -gt 1 ] && printf ','
      printf '{"title":"Задача %d","due":"2027-05-01"}' "$i"
    done
    printf ']}]'
  } >"$work/tasks.json"
  "$bin" --db "$db" event import "$work/tasks.json" >/dev/null
  run "event task add (event with 10 tasks)" "$bin" --db "$db" event task add 2 "Ещё задача" --due 2027-05-02
  run "event task add (event with 50000 tasks)" "$bin" --db "$db" event task add 1 "Ещё задача" --due 2027-05-02
  run "event task done (event with 50000 tasks)" "$bin" --db "$db" event task done 1 7
  "$gen" 30000 >"$work/events-30000.json"
  local big="$work/trust-import.db" start end
  "$bin" --db "$big" db init >/dev/null
  start=$(date +%s%N)
  "$bin" --db "$big" event import --dry-run "$work/events-30000.json" >/dev/null
  end=$(date +%s%N)
  printf '%-44s %12s %12s\n' "import 30000 events --dry-run (one run)" "$(( (end - start) / 1000000 ))" ""
  start=$(date +%s%N)
  "$bin" --db "$big" event import "$work/events-30000.json" >/dev/null &
  local importer=$!
  sleep 1
  local t0 t1
  t0=$(date +%s%N)
  "$bin" --db "$big" event import --dry-run "$work/tasks.json" >/dev/null
  t1=$(date +%s%N)
  printf '%-44s %12s %12s\n' "a dry run during that import (one run)" "$(( (t1 - t0) / 1000000 ))" ""
  t0=$(date +%s%N)
  "$bin" --db "$big" event add --title "Во время импорта" --start "2027-03-15 07:00" >/dev/null
  t1=$(date +%s%N)
  printf '%-44s %12s %12s\n' "event add during that import: waited (one)" "$(( (t1 - t0) / 1000000 ))" ""
  wait "$importer"
  end=$(date +%s%N)
  printf '%-44s %12s %12s\n' "import 30000 events: write lock held (one)" "$(( (end - start) / 1000000 ))" ""
}

# Issue 14: an annual plan of 5 000 items from 60 units. Targets: plan control and plan due
# within 50 ms, plan import of 5 000 rows within 1 s. `omskplan --version` is timed in the
# same run as the baseline (the cost of starting a process).
plans_bench() {
  local db="$work/plans.db" i start end
  {
    printf '['
    for i in $(seq 1 60); do
      [ "$i" -gt 1 ] && printf ','
      printf '{"code":"П%02d","name":"Подразделение %d Администрации города Омска","short_name":"подразделение %d"}' "$i" "$i" "$i"
    done
    printf ']'
  } >"$work/units.json"
  # 5 000 proposals: dates, months, quarters, the whole year; one in ten monthly, one in twenty quarterly.
  awk 'BEGIN {
    split("meetings council events control population other", sec, " ");
    split("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь", mon, " ");
    print "section;text;unit;co;due;basis;form";
    for (i = 1; i <= 5000; i++) {
      r = i % 20;
      if (i % 10 == 0) due = "ежемесячно";
      else if (r == 1) due = "ежеквартально";
      else if (r < 8) due = sprintf("2026-%02d-%02d", (i % 12) + 1, (i % 28) + 1);
      else if (r < 14) due = mon[(i % 12) + 1];
      else if (r < 17) due = sprintf("%d квартал", (i % 4) + 1);
      else due = "в течение года";
      printf "%s;Мероприятие № %d: вопрос для рассмотрения и принятия решения;П%02d;П%02d;%s;распоряжение № %d-р;информация\n",
        sec[(i % 6) + 1], i, (i % 60) + 1, ((i + 7) % 60) + 1, due, i;
    }
  }' >"$work/plan.csv"
  "$bin" --db "$db" unit import "$work/units.json" >/dev/null
  "$bin" --db "$db" plan new --kind annual --period 2026 >/dev/null
  start=$(date +%s%N)
  "$bin" --db "$db" plan import 1 "$work/plan.csv" --dry-run >/dev/null
  end=$(date +%s%N)
  printf '%-44s %12s %12s\n' "plan import 5000 rows --dry-run (one run)" "$(( (end - start) / 1000000 ))" ""
  # Each timed import starts from the plan before it: a copy, untimed.
  cp "$db" "$work/plans-empty.db"
  start=$(date +%s%N)
  "$bin" --db "$db" plan import 1 "$work/plan.csv" >/dev/null
  end=$(date +%s%N)
  printf '%-44s %12s %12s\n' "plan import 5000 rows (one run)" "$(( (end - start) / 1000000 ))" \
    "$(cp "$work/plans-empty.db" "$work/rss-plans.db" && peak_rss_mb "$bin" --db "$work/rss-plans.db" plan import 1 "$work/plan.csv")"
  "$bin" --db "$db" plan approve 1 --on 2025-12-25 --act "распоряжение № 1-р" >/dev/null
  # Execution so far (straight in SQL: 13 000 marks through the CLI would only time the CLI):
  # nine tenths of what came due done (one in eleven of them late), the rest overdue.
  sqlite3 "$db" "UPDATE plan_point SET state = 'done', done_on = CASE WHEN id % 11 = 0 THEN date(due_on, '+3 days')
    ELSE due_on END WHERE due_on < '2026-11-27' AND id % 10 != 0;"
  printf '%-44s %12s %12s\n' "(control points in the plan)" "$(sqlite3 "$db" 'SELECT count(*) FROM plan_point')" ""
  printf '%-44s %12s %12s\n' "(of them open and overdue)" \
    "$(sqlite3 "$db" "SELECT count(*) FROM plan_point WHERE state = 'open' AND due_on < '2026-11-27'")" ""
  run "omskplan --version (baseline)" "$bin" --version
  run "plan control --period 2026 (5000 items)" "$bin" --db "$db" plan control --period 2026
  run "plan due --within 5wd (5000 items)" "$bin" --db "$db" plan due --within 5wd
  run "plan due --within 5wd --unit (5000 items)" "$bin" --db "$db" plan due --within 5wd --unit П07
  run "plan show --json (5000 items)" "$bin" --db "$db" --json plan show 1
  prepare="cp $work/plans-empty.db $work/plans-import.db"
  run "plan import 5000 rows (into the empty plan)" "$bin" --db "$work/plans-import.db" plan import 1 "$work/plan.csv"
  run "plan import 5000 rows --dry-run" "$bin" --db "$work/plans-empty.db" plan import 1 "$work/plan.csv" --dry-run
  prepare=""
}

series_bench() {
  # A 10-year weekly series against the same 522 Mondays imported as single events.
  local s="$work/series.db" m="$work/singles.db" e="$work/empty.db" what
  "$bin" --db "$e" db init >/dev/null
  "$bin" --db "$s" --quiet event add --title "Аппаратное совещание у Мэра" --start "2024-01-01 09:00" \
    --duration 1h --with "Мэр города Омска" --repeat "FREQ=WEEKLY;BYDAY=MO;UNTIL=20331231" --days-off keep >/dev/null
  "$bin" --db "$s" --json event list 2>/dev/null |
    jq '[.[] | {title, start, "end": .["end"], participants, kind}]' >"$work/singles.json"
  "$bin" --db "$m" db init >/dev/null
  "$bin" --db "$m" event import "$work/singles.json" >/dev/null
  for db in "$e" "$s" "$m"; do sqlite3 "$db" VACUUM; done
  printf '%-44s %12s %12s\n' "(rows in event: series / singles)" \
    "$(sqlite3 "$s" 'SELECT count(*) FROM event') / $(sqlite3 "$m" 'SELECT count(*) FROM event')" ""
  printf '%-44s %12s %12s\n' "(bytes over an empty DB: series / singles)" \
    "$(( $(stat -c %s "$s") - $(stat -c %s "$e") )) / $(( $(stat -c %s "$m") - $(stat -c %s "$e") ))" ""
  run "omskplan --version (baseline)" "$bin" --version
  for what in "event list --year 2030" "event list" "event conflicts --from 2024-01-01 --to 2033-12-31"; do
    # shellcheck disable=SC2086
    run "$what [series]" "$bin" --db "$s" $what
    # shellcheck disable=SC2086
    run "$what [522 singles]" "$bin" --db "$m" $what
  done
}

routes_bench() {
  local db="$work/routes.db" optima="$here/routes/optima.csv" i
  if /usr/bin/python3 -c 'import scipy.optimize' 2>/dev/null; then
    mkdir -p "$work/routes"
    "$build/bench/route_bench" instances "$work/routes"
    /usr/bin/python3 "$here/route_exact.py" "$work/routes" >"$work/optima.csv"
    cmp -s "$work/optima.csv" "$optima" || echo "(the optima found now differ from bench/routes/optima.csv)"
    optima="$work/optima.csv"
  fi
  "$build/bench/route_bench" run "$optima" >"$work/gaps.csv"
  awk -F, 'NR > 1 { n = $1; g[n] += $6; c[n]++; if ($6 > m[n]) m[n] = $6; t[n] = t[n] " " $4 }
    END { for (n in c) printf "route, %2d stops: gap to exact mean %.3f%%, max %.3f%%; ms:%s\n", n, g[n] / c[n], m[n], t[n] }' \
    "$work/gaps.csv" | sort -t, -k2 -n
  # 60 due sites in the city; 8 and 50 places a day (5 minutes on site, 07:00–22:00, so that 50 fit).
  {
    echo "code,name,work,risk,lat,lon"
    for i in $(seq 0 59); do
      printf 'S-%03d,Объект %d,construction,high,%s,%s\n' "$i" "$i" "$(awk -v i="$i" 'BEGIN { srand(i); printf "%.5f", 54.90 + 0.16 * rand() }')" \
        "$(awk -v i="$i" 'BEGIN { srand(i + 1000); printf "%.5f", 73.20 + 0.30 * rand() }')"
    done
  } >"$work/sites.csv"
  OMSKPLAN_NOW="2024-05-03 14:00" "$bin" --db "$db" inspection site import "$work/sites.csv" >/dev/null
  run "omskplan --version (baseline)" "$bin" --version
  for places in 8 50; do
    run "schedule --dry-run, $places places (45 min on site)" env OMSKPLAN_NOW="2024-05-03 14:00" "$bin" --db "$db" \
      --set inspection.max_sites=$places inspection schedule --week next --dry-run
    run "schedule --dry-run, $places places (5 min, 07–22)" env OMSKPLAN_NOW="2024-05-03 14:00" "$bin" --db "$db" \
      --set inspection.max_sites=$places --set inspection.service_minutes=5 --set inspection.day_start=07:00 \
      --set inspection.day_end=22:00 inspection schedule --week next --dry-run
  done
}

for n in "${sizes[@]}"; do
  if [ "$n" = routes ]; then
    routes_bench
    continue
  fi
  if [ "$n" = series ]; then
    series_bench
    continue
  fi
  if [ "$n" = plans ]; then
    plans_bench
    continue
  fi
  if [ "$n" = trust ]; then
    trust_bench
    continue
  fi
  if [ "$n" = inspections ]; then
    inspections_bench
    continue
  fi
  if [ "$n" = agreements ]; then
    agreements_bench
    continue
  fi
  "$gen" "$n" >"$work/events-$n.json"
  db="$work/bench-$n.db"
  rm -f "$db"*
  start=$(date +%s%N)
  "$bin" --db "$db" event import "$work/events-$n.json" >/dev/null
  end=$(date +%s%N)
  rss=$(peak_rss_mb "$bin" --db "$work/rss-$n.db" event import "$work/events-$n.json")
  rm -f "$work/rss-$n.db"*
  printf '%-44s %12s %12s\n' "import $n events (one run)" "$(( (end - start) / 1000000 ))" "$rss"

  # Each timed add starts from the same database: the previous one is deleted first, untimed.
  cat >"$work/undo-add.sh" <<UNDO
"$bin" --db "$db" --quiet event list --venue "Кабинет 101" | xargs -r -n1 "$bin" --db "$db" --quiet event delete
UNDO
  prepare="bash $work/undo-add.sh"
  run "event add ($n events)" "$bin" --db "$db" event add --title "Совещание по подготовке" \
    --start "2027-03-15 07:00" --duration 1h --venue "Кабинет 101"
  prepare=""
  run "event list --from --to --kind ($n events)" "$bin" --db "$db" event list --from 2024-05-01 --to 2024-05-31 \
    --kind concert
  run "event list --year --json ($n events)" "$bin" --db "$db" --json event list --year 2025 --kind seminar
  run "event agenda --days 14 ($n events)" "$bin" --db "$db" event agenda --days 14
  run "event list --search ($n events)" "$bin" --db "$db" event list --search "ёлка желаний" --from 2025-01-01 \
    --to 2025-12-31
  run "report run monthly-plan ($n events)" "$bin" --db "$db" report run monthly-plan --month 2024-05
  run "report run annual --format html ($n events)" "$bin" --db "$db" --format html report run annual --year 2024 \
    --narrative "$(dirname "$0")/../examples/annual-2023.toml"
  run "event conflicts (one month, $n events)" "$bin" --db "$db" event conflicts --from 2026-12-01 --to 2026-12-31
  rm -f "$db"*
done
