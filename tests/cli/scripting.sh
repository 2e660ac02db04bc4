#!/usr/bin/env bash
# For scripts: every list prints JSON with --json and only ids with --quiet,
# and no command waits for input when standard input is not a terminal.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2023-11-25 09:00"

run db init
run event new --template city-day --date 2023-08-05
run event lesson add 1 "Нужна вторая сцена"
run agreement org add --name "ООО «Сибирский строитель»" --inn 5504945804
run agreement add --org 1 --title "О спорте" --number 12-С/2023 --sphere sport --signed 2023-06-01
run agreement obligation add 1 --party partner --text "Построить площадку" --due 2023-12-01 --value 1800000
run agreement obligation done 1 1 --on 2023-11-20
run agreement award add --year 2023 --org 1 --title "Меценат года"
run agreement badge issue --org 1 --year 2023
run inspection site add --code OB-017 --name "Школа" --work construction --risk high --lat 55.03 --lon 73.26
run inspection agency add --name "Госстройнадзор" --kind oversight
run inspection agency member add 1 --name "Петров П. П." --position "инспектор"
run inspection finding add --site OB-017 --text "Не закрыт котлован" --severity major --due 2023-11-20
expect_rc 0

# Every list: --json parses; --quiet prints one id a line and nothing else.
lists=(
  "event list" "event task list 1" "event lesson list 1" "event agenda --days 30" "event conflicts --from 2023-01-01 --to 2023-12-31"
  "agreement list" "agreement org list" "agreement obligation list 1" "agreement award list" "agreement badge list"
  "agreement patrons --year 2023" "agreement due --within 30d" "inspection site list" "inspection agency list"
  "inspection finding list" "inspection finding history 1" "inspection overdue" "inspection plan --week next"
  "template list" "report list" "history" "config show"
)
for cmd in "${lists[@]}"; do
  # shellcheck disable=SC2086
  run --json $cmd
  if [ "$rc" -eq 0 ] && jq -e 'type == "array" or type == "object"' "$TMP/out" >/dev/null 2>&1; then pass; else
    fail "--json $cmd: exit $rc, $(head -c 200 "$TMP/out")"
  fi
  # shellcheck disable=SC2086
  run --quiet $cmd
  # (agenda and due print "EVENT TASK" and "AGREEMENT OBLIGATION" pairs, for xargs -n2.)
  if [ "$rc" -eq 0 ] && ! grep -qvE '^[A-Za-z0-9._-]+( [0-9]+)?$' "$TMP/out"; then pass; else
    fail "--quiet $cmd: exit $rc, $(head -c 200 "$TMP/out")"
  fi
done
# Lists that have something print their ids.
run --quiet event list
expect_out_is "$(seq 1 5)"
run --quiet agreement patrons --year 2023
expect_out_is "1"
run --quiet inspection site list
expect_out_is "OB-017"

# No prompt, ever: commands that replace or delete run through with standard input closed
# or not a terminal, and finish (timeout 20 s each).
run db backup "$TMP/backup.db"
expect_rc 0
for cmd in "event delete 1 --with-parts" "undo" "db restore $TMP/backup.db" "config init --force"; do
  # shellcheck disable=SC2086
  timeout 20 "$BIN" $cmd </dev/null >"$TMP/out" 2>"$TMP/err"
  rc=$?
  if [ "$rc" -ne 124 ] && [ "$rc" -eq 0 ]; then pass; else fail "$cmd: exit $rc (124: it waited): $(cat "$TMP/err")"; fi
  # shellcheck disable=SC2086
  yes | timeout 20 "$BIN" --quiet event list >/dev/null 2>&1
  [ $? -ne 124 ] && pass || fail "waited for input after $cmd"
done
