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

# A Google daily series from 2012 without an end, in a zone with daylight
# saving (America/Los_Angeles): one series on that zone's clock, endless,
# nothing cut — July 2023 is there, every day of it, at 05:00 Pacific time.
export OMSKPLAN_DB="$TMP/daily.db" OMSKPLAN_NOW="2023-07-20 09:00"
CORPUS="$SRC/tests/data/ics-corpus"
run event import-ics "$CORPUS/icaljs/daily_recur.ics"
expect_rc 0
expect_out_is "1 created, 0 updated, 0 unchanged"
run --json event list --from 2023-07-01 --to 2023-07-31
expect_eq "$(out | jq length)" 31
expect_eq "$(out | jq -r '.[0].start')" "2023-07-01T18:00:00+06:00"  # 05:00 in Los Angeles (PDT)
expect_eq "$(out | jq -r '.[0].repeat.zone')" "America/Los_Angeles"
run --json event list --from 2023-01-01 --to 2023-01-01
expect_eq "$(out | jq -r '.[0].start')" "2023-01-01T19:00:00+06:00"  # 05:00 PST
run --json event list --from 2040-07-01 --to 2040-07-01
expect_eq "$(out | jq -r '.[0].start')" "2040-07-01T18:00:00+06:00"
run event show 1
expect_out "daily (FREQ=DAILY), on the clock of America/Los_Angeles"
# The same rule with a second RRULE cannot be one series: within the window,
# a year back and two ahead, and the import says exactly what it imported.
export OMSKPLAN_DB="$TMP/daily2.db"
sed 's/^RRULE:FREQ=DAILY/RRULE:FREQ=DAILY\r\nRRULE:FREQ=WEEKLY/' "$CORPUS/icaljs/daily_recur.ics" >"$TMP/daily2.ics"
run event import-ics "$TMP/daily2.ics"
expect_out_is "1098 created, 0 updated, 0 unchanged"
expect_err "UID tgh9qho17b07pk2n2ji3gluans@google.com: repeats without end; 1098 occurrences imported, from 2022-07-19 to 2025-07-20 (the window 2022-07-19 … 2025-07-20; --from and --to set it)"
run --json event list --from 2023-07-01 --to 2023-07-31
expect_eq "$(out | jq length)" 31
# An explicit window, in the past: only what is there, said so.
run event import-ics --from 2012-08-01 --to 2012-08-31 "$TMP/daily2.ics"
expect_out_is "31 created, 0 updated, 0 unchanged"
expect_err "31 occurrences imported, from 2012-08-01 to 2012-08-31 (the window 2012-08-01 … 2012-08-31"
run event import-ics --from 2024-02-30 "$CORPUS/icaljs/daily_recur.ics"
expect_rc 1
expect_err "2024-02-30"
run event import-ics --from 2025-01-01 --to 2024-01-01 "$CORPUS/icaljs/daily_recur.ics"
expect_rc 1
expect_err "the window ends (2024-01-01) before it starts (2025-01-01)"

# Export after edits reaches a subscriber: a calendar imported once and then
# again after the event was cancelled, an occurrence moved and another
# cancelled — the same events change in place (UID, SEQUENCE up, STATUS).
export OMSKPLAN_DB="$TMP/source.db" OMSKPLAN_NOW="2024-03-01 09:00"
run event add --title "Совещание по благоустройству" --start "2024-03-10 10:00"
run event add --title "Планёрка" --start "2024-03-04 09:00" --duration 1h --repeat "FREQ=WEEKLY;BYDAY=MO" --days-off keep
run --format ics event list --from 2024-03-01 --to 2024-04-30
cp "$TMP/out" "$TMP/before.ics"
OMSKPLAN_DB="$TMP/subscriber.db" run event import-ics "$TMP/before.ics"
expect_out_is "2 created, 0 updated, 0 unchanged"
OMSKPLAN_NOW="2024-03-02 10:00" run event status 1 cancelled
OMSKPLAN_NOW="2024-03-02 11:00" run event occurrence move 2 2024-03-11 --to "2024-03-12 10:00"
OMSKPLAN_NOW="2024-03-02 12:00" run event occurrence cancel 2 2024-03-18
expect_rc 0
run --format ics event list --from 2024-03-01 --to 2024-04-30
cp "$TMP/out" "$TMP/after.ics"
expect_eq "$(grep -c '^STATUS:CANCELLED' "$TMP/after.ics")" 1
expect_eq "$(grep -c '^SEQUENCE:1' "$TMP/after.ics")" 3
expect_eq "$(grep -c '^EXDATE;TZID=Asia/Omsk:20240318T090000' "$TMP/after.ics")" 1
expect_eq "$(grep -c '^RECURRENCE-ID;TZID=Asia/Omsk:20240311T090000' "$TMP/after.ics")" 1
OMSKPLAN_DB="$TMP/subscriber.db" run event import-ics "$TMP/after.ics"
expect_out_is "1 created, 2 updated, 0 unchanged"  # the moved occurrence is an event of its own
OMSKPLAN_DB="$TMP/subscriber.db" run --json event list --from 2024-03-01 --to 2024-03-31
expect_eq "$(out | jq -r '[.[] | "\(.start[0:16]) \(.status)"] | join(", ")')" \
  "2024-03-04T09:00 planned, 2024-03-10T10:00 cancelled, 2024-03-12T10:00 planned, 2024-03-25T09:00 planned"
run --json event list --from 2024-03-01 --to 2024-03-31
expect_eq "$(OMSKPLAN_DB="$TMP/subscriber.db" "$BIN" --json event list --from 2024-03-01 --to 2024-03-31 | jq -c '[.[] | [.start, .end, .title, .status]]')" \
  "$(jq -c '[.[] | [.start, .end, .title, .status]]' "$TMP/out")"
