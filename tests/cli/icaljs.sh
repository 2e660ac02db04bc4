#!/usr/bin/env bash
# The exported calendar as a real client reads it: ical.js (Thunderbird's parser)
# must see every time in Asia/Omsk (not floating) at the right instant.
# node and ical.js are installed by .ci/install-deps (ical.js into build/npm).
. "$(dirname "$0")/lib.sh"
ICALJS=${OMSKPLAN_ICALJS:-}
need node || exit 1
if [ ! -f "$ICALJS" ]; then
  fail "ical.js is not installed at $ICALJS (.ci/install-deps installs it)"
  exit 1
fi

run event new --template city-day --date 2023-08-05
run event add --title "Круглый стол: итоги; планы, задачи — длинный заголовок, чтобы строка была сложена" \
  --start "2023-10-10 15:00" --kind round-table
run event add --title "Выставка" --start 2023-09-01 --duration 2d --kind exhibition
run --format ics event list
cp "$TMP/out" "$TMP/plan.ics"
run --json event list
jq -r '.[] | [.uuid + "@omskplan", .all_day, .start, .end, .title] | @tsv' "$TMP/out" >"$TMP/expected.tsv"
node "$(dirname "$0")/icaljs-check.cjs" "$ICALJS" "$TMP/plan.ics" >"$TMP/parsed.txt" 2>"$TMP/err"
rc=$?
expect_rc 0
while IFS=$'\t' read -r uid all_day start end title; do
  if [ "$all_day" = "true" ]; then
    want="$uid|DATE|${start:0:10}|$(date -d "${end:0:10}" +%F)|$title"
  else
    want="$uid|Asia/Omsk|$(date -d "$start" +%s)|$(date -d "$end" +%s)|$title"
  fi
  if grep -qxF -- "$want" "$TMP/parsed.txt"; then pass; else fail "ical.js read differently: $want"; fi
done <"$TMP/expected.tsv"
# City Day and its four parts, each part related to the day as its parent.
expect_eq "$(grep -vc '^part|' "$TMP/parsed.txt")" "7"
day=$(sql "SELECT uuid FROM event WHERE id = 1")@omskplan
expect_eq "$(grep -c "^part|.*|$day|PARENT$" "$TMP/parsed.txt")" "4"
