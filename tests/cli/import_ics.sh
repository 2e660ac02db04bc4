#!/usr/bin/env bash
# omskplan event import-ics: calendars from Google, Outlook and Thunderbird,
# idempotent by UID, all or nothing, and export → import → export stable.
. "$(dirname "$0")/lib.sh"
DATA="$SRC/tests/data/ics"
export OMSKPLAN_NOW="2024-03-01 09:00"

run event import-ics "$DATA/google.ics"
expect_rc 0
# The weekly meeting is one series (with its moved Monday); the first Thursdays another.
expect_out_is "4 created, 0 updated, 0 unchanged"
run event import-ics "$DATA/outlook.ics"
expect_out_is "5 created, 0 updated, 0 unchanged"
# Standard input ("-"); `run` reads /dev/null, so the binary directly.
"$BIN" event import-ics - <"$DATA/thunderbird.ics" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0
expect_out_is "3 created, 0 updated, 0 unchanged"

run event list --year 2024 --json
expect_rc 0
expect_eq "$(jq length "$TMP/out")" 15
expect_eq "$(jq -r '.[] | select(.title == "Планёрка у Мэра (перенесена)") | .start' "$TMP/out")" "2024-04-16T15:00:00+06:00"
expect_eq "$(jq -r '.[] | select(.title == "Видеоконференция с городом-побратимом") | .start' "$TMP/out")" \
  "2024-06-20T14:00:00+06:00"
expect_eq "$(jq -r '.[] | select(.title == "День города") | "\(.all_day) \(.start)"' "$TMP/out")" \
  "true 2024-08-04T00:00:00+06:00"
expect_eq "$(jq -r '.[] | select(.title == "Открытие аллеи Славы") | "\(.kind) \(.status) \(.venue)"' "$TMP/out")" \
  "opening planned Парк 30-летия ВЛКСМ"
expect_eq "$(jq -r '[.[] | select(.title == "Заседание оргкомитета")] | length' "$TMP/out")" 3

# Importing again changes nothing; a changed event is updated in place.
for f in google outlook thunderbird; do
  run event import-ics "$DATA/$f.ics"
  expect_out "0 created, 0 updated"
done
sed 's/^SUMMARY:День Победы/SUMMARY:День Победы — 79 лет/' "$DATA/google.ics" >"$TMP/changed.ics"
run event import-ics "$TMP/changed.ics"
expect_out_is "0 created, 1 updated, 3 unchanged"
run event list --year 2024 --json
expect_eq "$(jq -r '[.[] | select(.title == "День Победы — 79 лет")] | length' "$TMP/out")" 1

# Round trip: omskplan's own export comes back as the same events, and exports the same.
run event new --template city-day --date 2024-08-03
id=$(jq -r '.id' <("$BIN" --json event list --year 2024 --kind city-day | jq '.[0]'))
run event status "$id" held
expect_rc 0
run --format ics event list --year 2024
cp "$TMP/out" "$TMP/a.ics"
run event import-ics "$TMP/a.ics"
expect_rc 0
expect_out_is "0 created, 0 updated, 17 unchanged"
run --format ics event list --year 2024
if cmp -s "$TMP/out" "$TMP/a.ics"; then pass; else fail "export → import → export changed: $(diff "$TMP/a.ics" "$TMP/out" | head -5)"; fi
run event show "$id" --json
expect_out '"status": "held"'  # CONFIRMED in iCalendar; held stays held
# …and into another database: the same calendar comes out.
OMSKPLAN_DB="$TMP/other.db" run db init
OMSKPLAN_DB="$TMP/other.db" run event import-ics "$TMP/a.ics"
expect_out_is "17 created, 0 updated, 0 unchanged"
OMSKPLAN_DB="$TMP/other.db" run --format ics event list --year 2024
if diff <(grep -v '^STATUS' "$TMP/a.ics") <(grep -v '^STATUS' "$TMP/out") >/dev/null; then pass; else
  fail "another database exports differently: $(diff "$TMP/a.ics" "$TMP/out" | head -6)"
fi

# Bad input: one line naming the file and the event, exit 1, nothing written.
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:mars\r\nDTSTART;TZID=Mars/Olympus:20240301T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$TMP/mars.ics"
expect_unchanged event import-ics "$TMP/mars.ics"
expect_err_is "omskplan: error: $TMP/mars.ics: UID mars: TZID 'Mars/Olympus' is neither a known time zone nor defined by a VTIMEZONE"
cat "$DATA/google.ics" >"$TMP/half.ics"
head -c 700 "$DATA/outlook.ics" >>"$TMP/half.ics"
expect_unchanged event import-ics "$TMP/half.ics"
expect_unchanged event import-ics "$TMP/none.ics"
expect_err "none.ics: cannot read"
expect_unchanged event import-ics - 
expect_err "<stdin>: not an iCalendar stream: no VCALENDAR"
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:s\r\nDTSTART:20240301T100000Z\r\nRRULE:FREQ=YEARLY;BYWEEKNO=10\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20240302T100000Z\r\nSUMMARY:Хорошее\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$TMP/setpos.ics"
expect_unchanged event import-ics "$TMP/setpos.ics"
expect_err "UID s: line 5: invalid RRULE 'FREQ=YEARLY;BYWEEKNO=10': BYWEEKNO is not supported (--skip-unsupported skips such events)"
run event import-ics --skip-unsupported "$TMP/setpos.ics"
expect_rc 0
expect_out_is "1 created, 0 updated, 0 unchanged"
expect_err "omskplan: warning: $TMP/setpos.ics: skipped UID s: line 5: invalid RRULE 'FREQ=YEARLY;BYWEEKNO=10': BYWEEKNO is not supported"
before=$(db_hash)
run event import-ics --dry-run "$DATA/google.ics"
expect_rc 0
expect_out "dry run: "
expect_eq "$(db_hash)" "$before" "dry run wrote"
run event import-ics --horizon 0 "$DATA/google.ics"
expect_rc 2

# A weekly planning meeting from another client's calendar: one series, not a
# copy per week. The file's calendar knows nothing of Russian holidays: every
# occurrence it makes is held (as in the client: 1 and 8 January 2024, New Year
# holidays, too), and the import says which in the year ahead fall on days off,
# and how to leave them out.
export OMSKPLAN_DB="$TMP/weekly.db"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nBEGIN:VEVENT\r\nUID:planerka@google.com\r\nDTSTART;TZID=Asia/Omsk:20231225T090000\r\nDTEND;TZID=Asia/Omsk:20231225T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nEXDATE;TZID=Asia/Omsk:20240212T090000\r\nSUMMARY:Аппаратное совещание у Мэра\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$TMP/weekly.ics"
run event import-ics "$TMP/weekly.ics"
expect_rc 0
expect_out_is "1 created, 0 updated, 0 unchanged"
expect_err "UID planerka@google.com: 4 occurrences in the year ahead fall on days off (2024-04-29, 2024-11-04, 2024-12-30, …); they are held, as the calendar says; omskplan event edit 1 --days-off skip leaves such days out"
expect_eq "$(sql "SELECT count(*) FROM event")" "1"
run --json event list --from 2023-12-25 --to 2024-02-29
expect_eq "$(out | jq -r '[.[].start[0:10]] | join(" ")')" \
  "2023-12-25 2024-01-01 2024-01-08 2024-01-15 2024-01-22 2024-01-29 2024-02-05 2024-02-19 2024-02-26"
run event edit 1 --days-off skip
run --json event list --from 2023-12-25 --to 2024-02-29
expect_eq "$(out | jq -r '[.[].start[0:10]] | join(" ")')" \
  "2023-12-25 2024-01-15 2024-01-22 2024-01-29 2024-02-05 2024-02-19 2024-02-26"
run event import-ics "$TMP/weekly.ics"
expect_out_is "0 created, 0 updated, 1 unchanged"
