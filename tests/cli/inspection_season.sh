#!/usr/bin/env bash
# The spring of 2024 replayed as the department lives it: every Friday at 14:00 the cron job
# plans next week (`inspection schedule --week next --explain`), and the week's visits are
# recorded as held. The May holidays move the visit day (Wed 8 May), the New Year never comes
# in, a site with a typo in its latitude is ~100 km away. Checked over the whole season:
# no site ever goes past its interval when a visit day existed in time, no valid site is left
# out because of another, and every explanation is true (the last visit it names is the last
# visit held, the next visit day it names is the day next week's plan used, the deadline it
# names has passed or not).
. "$(dirname "$0")/lib.sh"
need jq sqlite3 || exit 1
export OMSKPLAN_NOW="2024-02-26 09:00"

sites=(
  # code risk lat lon deadline progress name
  "RD-002|extreme|54.9702|73.4211|2024-09-30|30|Реконструкция ул. 10 лет Октября"
  "MO-001|high|54.9905|73.3680|2024-10-31|45|Реконструкция Юбилейного моста"
  "SH-001|high|55.0312|73.2644|2025-09-01|35|Школа на 1100 мест, мкр. Амурский-2"
  "SP-001|significant|54.9501|73.4102|2024-04-15|70|Спортивный комплекс с бассейном"
  "RD-003|significant|55.0551|73.3108|2024-11-30|20|Капремонт ул. 70 лет Октября"
  "PO-001|medium|54.9989|73.3398|2024-12-20|50|Поликлиника на 500 посещений"
  "SH-002|moderate|54.9613|73.3052|2025-06-01|10|Капремонт школы № 12"
  "KL-001|low|55.0107|73.4590|2024-12-01|60|Капремонт детской поликлиники № 4"
  "A-1|low|55.9|73.37|2025-01-01|0|Детский сад (опечатка в широте)"
)
for s in "${sites[@]}"; do
  IFS='|' read -r code risk lat lon deadline progress name <<<"$s"
  run inspection site add --code "$code" --name "$name" --work construction --risk "$risk" --lat "$lat" \
    --lon "$lon" --deadline "$deadline" --progress "$progress"
  expect_rc 0
done

# Records as held what was planned up to `day` (the morning's paperwork).
hold_until() {
  local id
  for id in $(sql "SELECT id FROM visit WHERE status = 'planned' AND day <= '$1' ORDER BY id"); do
    OMSKPLAN_NOW="$1 09:00" run --quiet inspection visit held "$id"
    [ "$rc" -eq 0 ] || fail "visit held $id on $1: $(err)"
  done
}

fridays=()
d=2024-03-01
while [[ "$d" < 2024-06-22 ]]; do
  fridays+=("$d")
  d=$(date -u -d "$d + 7 days" +%F)
done

weeks=0
for f in "${fridays[@]}"; do
  hold_until "$f"
  # What the database says at the moment of the cron job: each site's last visit held.
  sql "SELECT s.code, coalesce(max(v.held_on), '') FROM site s LEFT JOIN visit v ON v.site_id = s.id
       AND v.status = 'held' GROUP BY s.id ORDER BY s.code" >"$TMP/truth-$f"
  if [ "$f" = 2024-04-05 ]; then
    run inspection finding add --site PO-001 --text "Не представлена исполнительная документация" \
      --responsible "Сидоров С. С." --due 2024-04-12
    expect_rc 0
  fi
  if [ "$f" = 2024-05-17 ]; then
    run inspection finding status 1 resolved --note "Документация представлена"
    expect_rc 0
  fi
  OMSKPLAN_NOW="$f 14:00" run --json inspection schedule --week next --explain
  expect_rc 0
  cp "$TMP/out" "$TMP/plan-$f.json"
  cp "$TMP/err" "$TMP/err-$f"
  weeks=$((weeks + 1))
done
hold_until 2024-06-28
expect_eq "$weeks" "17"

# Every week the far site is left out with a warning that names it, and the rest is planned.
for f in "${fridays[@]}"; do
  grep -q "site A-1 «Детский сад (опечатка в широте)» left out: cannot be visited within the working day: 102 km" \
    "$TMP/err-$f" && pass || fail "$f: no warning for A-1"
  # No valid due site is left out because of another (eight places, eight valid sites).
  expect_eq "$(jq -c '[.candidates[] | select(.tier != "none" and .code != "A-1" and (.chosen | not)) | .code]' \
    "$TMP/plan-$f.json")" "[]" "(due but not chosen, plan of $f)"
  expect_eq "$(jq -c '[.candidates[] | select(.code == "A-1") | .chosen]' "$TMP/plan-$f.json")" "[false]"
done

# The first week: everything is new; risk decides (significant SP-001 before low KL-001), then the code.
expect_eq "$(jq -c '[.candidates[] | .code]' "$TMP/plan-2024-03-01.json")" \
  '["RD-002","MO-001","SH-001","RD-003","SP-001","PO-001","SH-002","A-1","KL-001"]'
expect_eq "$(jq -r '[.candidates[] | select(.code == "KL-001") | .why] | .[0]' "$TMP/plan-2024-03-01.json")" \
  "not visited yet"
expect_eq "$(jq '.visits | length' "$TMP/plan-2024-03-01.json")" "8"

# The May holidays: RD-002 visited Thursday 2 May; 2024-W19's visit day is Wednesday 8 May, the
# next one Thursday 16 May, 14 days after the last visit: due now, not "visited recently".
expect_eq "$(jq -r '.days | join(",")' "$TMP/plan-2024-05-03.json")" "2024-05-08"
expect_eq "$(jq -r '.candidates[] | select(.code == "RD-002") | "\(.chosen) \(.tier) \(.why)"' \
  "$TMP/plan-2024-05-03.json")" \
  "true risk last visited on 2024-05-02; by the next visit day, 2024-05-16, 14 days would have passed; the limit is 7 days"

# No site past its interval when a visit day existed in time: at every visit day of the season,
# a site whose last visit is more than its interval ago had no visit day between that visit and
# the interval's end (only the holiday week may stretch a gap: 8 → 16 May, 8 days for RD-002).
for f in "${fridays[@]}"; do
  jq -r '.days[]' "$TMP/plan-$f.json"
done | sort -u >"$TMP/days"
expect_eq "$(wc -l <"$TMP/days")" "17" "(visit days)"
printf 'CREATE TABLE vday(day TEXT PRIMARY KEY);\n.import %s vday\n' "$TMP/days" | sqlite3 "$TMP/check.db"
expect_eq "$(sqlite3 "$TMP/check.db" "SELECT count(*) FROM vday")" "17" "(visit days loaded for the check)"
late=$(sqlite3 -bail "$OMSKPLAN_DB" "ATTACH '$TMP/check.db' AS c;
  WITH iv(risk, lim) AS (VALUES ('extreme', 7), ('high', 14), ('significant', 21), ('medium', 28),
                                ('moderate', 42), ('low', 91)),
  h AS (SELECT v.site_id, v.held_on AS day FROM visit v WHERE v.status = 'held'),
  o AS (SELECT s.code, s.risk, d.day AS at,
               (SELECT max(h.day) FROM h WHERE h.site_id = s.id AND h.day <= d.day) AS last
        FROM site s, c.vday d WHERE s.code != 'A-1')
  SELECT o.code || ' ' || o.last || ' → ' || o.at FROM o JOIN iv USING (risk)
  WHERE o.last IS NOT NULL AND julianday(o.at) - julianday(o.last) > iv.lim
    AND EXISTS (SELECT 1 FROM c.vday d WHERE d.day > o.last AND julianday(d.day) <= julianday(o.last) + iv.lim)")
expect_eq "$?:$late" "0:" "(past the interval with a visit day in time)"
# The holiday gap is there, so the check above is not vacuous, and it is the only one for RD-002.
expect_eq "$(sql "SELECT group_concat(held_on, ',') FROM (SELECT held_on FROM visit WHERE status = 'held'
  AND site_id = (SELECT id FROM site WHERE code = 'RD-002') AND held_on BETWEEN '2024-05-01' AND '2024-05-20'
  ORDER BY held_on)")" "2024-05-02,2024-05-08,2024-05-16"
expect_eq "$(sql "SELECT count(*) FROM visit WHERE site_id = (SELECT id FROM site WHERE code = 'RD-002')
  AND status = 'held'")" "17" "(RD-002, extreme: every week)"

# Every explanation is true.
prev=""
for f in "${fridays[@]}"; do
  p="$TMP/plan-$f.json"
  day=$(jq -r '.days[0]' "$p")
  # The last visit it names is the last visit held when the job ran.
  expect_eq "$(jq -r '.candidates | sort_by(.code)[] | "\(.code)|\(.last_visit // "")"' "$p")" \
    "$(tr '\t' '|' <"$TMP/truth-$f")" "(last visits, plan of $f)"
  # Never visited ⇔ «not visited yet»; otherwise it names the day of the last visit.
  expect_eq "$(jq -c '[.candidates[] | select((.last_visit == null) != (.why | startswith("not visited yet")))
    | .code]' "$p")" "[]" "(not visited yet, $f)"
  expect_eq "$(jq -c '[.candidates[] | select(.last_visit != null) | . as $c
    | select($c.why | contains("last visited on \($c.last_visit)") | not) | .code]' "$p")" "[]" "(last visited on, $f)"
  # The days it counts are the days between the last visit and the next visit day, and due
  # by interval means exactly that they are more than the interval. (jq 1.6's mktime reads the
  # time zone: UTC here.)
  expect_eq "$(TZ=UTC jq -c 'def d: strptime("%Y-%m-%d") | mktime / 86400;
    [.candidates[] | select(.last_visit != null)
     | select(.days_by_next_visit_day != ((.next_visit_day | d) - (.last_visit | d))
              or ((.risk == "extreme" or .risk == "high")
                  and ((.tier == "risk") != (.days_by_next_visit_day > .interval_days)))
              or (.tier == "interval" and .days_by_next_visit_day <= .interval_days)
              or (.tier == "none" and .days_by_next_visit_day > .interval_days)) | .code]' "$p")" "[]" \
    "(due by interval, $f)"
  # The next visit day it names is the day the next week's plan used.
  if [ -n "$prev" ]; then
    expect_eq "$(jq -r '[.candidates[].next_visit_day] | unique | join(",")' "$TMP/plan-$prev.json")" "$day" \
      "(next visit day named on $prev)"
  fi
  # The deadline: passed after 15 April, near before it, never both.
  why=$(jq -r '.candidates[] | select(.code == "SP-001") | .why' "$p")
  if [[ "$day" > 2024-04-15 ]]; then
    [[ "$why" == *"the deadline passed on 2024-04-15, 70% done"* ]] && pass || fail "$f SP-001: $why"
  else
    [[ "$why" != *"deadline passed"* ]] && pass || fail "$f SP-001: $why"
  fi
  prev=$f
done

# The overdue finding puts the medium-risk clinic among findings until it is resolved.
expect_eq "$(jq -r '.candidates[] | select(.code == "PO-001") | "\(.tier) \(.chosen)"' \
  "$TMP/plan-2024-04-12.json")" "findings true"
expect_eq "$(jq -r '.candidates[] | select(.code == "PO-001") | .why' "$TMP/plan-2024-04-12.json")" \
  "last visited on 2024-04-04; the next visit day, 2024-04-25, is in time: 21 days of the 28 allowed; 1 open finding, 1 overdue"

# The same season in Russian reads in Russian: dates in words, «ещё не посещался».
OMSKPLAN_NOW="2024-06-28 14:00" run --lang ru inspection schedule --week next --explain --dry-run
expect_rc 0
expect_out "последнее посещение — 27 июня 2024${NBSP}г.; к следующему дню выездов, 11 июля 2024${NBSP}г., прошло бы 14 дней, допустимо 7 дней"
expect_out "ещё не посещался"
expect_err "объект A-1 «Детский сад (опечатка в широте)» не включён: не успеть за рабочий день: 102 км от места сбора"
