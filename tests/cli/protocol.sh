#!/usr/bin/env bash
# Protocol: guests and their personal data, the order of precedence, guest
# lists with their statuses, delegations with their programme and timing,
# the seating plan, place cards and badges, the speakers' order — City Day
# 2023 with delegations from Новосибирск, Томск and Павлодар.
. "$(dirname "$0")/lib.sh"
need jq chromium pdftotext node /usr/bin/python3 || { finish; exit; }
export OMSKPLAN_NOW="2023-07-20 09:00"

run event new --template city-day --date 2023-08-05
expect_rc 0
run --json event list
day=$(out | jq -r '[.[] | select(.title | startswith("День города"))][0].id')
flag=$(out | jq -r '[.[] | select(.title | contains("флага"))][0].id')
concert=$(out | jq -r '[.[] | select(.title | contains("концерт"))][0].id')
run event add --title "Открытие аллеи городов-побратимов" --start "2023-08-05 10:30" --duration 1h --kind opening \
  --venue "Иртышская набережная"
alley=$(sql "SELECT id FROM event WHERE title LIKE 'Открытие аллеи%'")

# ---- people ----
run guest add --name "Шелест Сергей Николаевич" --position "Мэр города Омска" --org "Администрация города Омска" --rank mayor
expect_rc 0
expect_out "registered guest 1: Шелест Сергей Николаевич"
run guest add --name "Хоценко Виталий Павлович" --position "Губернатор Омской области" \
  --org "Правительство Омской области" --rank governor
run guest add --name "Соколов Андрей Викторович" --position "Мэр города Новосибирска" --org "Мэрия города Новосибирска" \
  --city Новосибирск --rank intercity-head --phone "+7 383 000-00-00" --email mayor@example.ru --consent 2023-07-10
expect_rc 0
run guest add --name "Петров Пётр Петрович" --position "Заместитель мэра города Новосибирска" \
  --org "Мэрия города Новосибирска" --city Новосибирск --rank delegation-member
run guest add --name "Ёлкина Анна Сергеевна" --position "Почётный гражданин города Омска" --rank "Почётные граждане города Омска"
expect_rc 0
# The same person twice; what is not a phone, an e-mail, a rank, a day: one error, nothing written.
expect_unchanged guest add --name "петров  ПЁТР петрович" --org "мэрия города новосибирска"
expect_err "is on the register already"
expect_unchanged guest add --name "Иванов Иван" --email "ivanov at mail"
expect_err "--email 'ivanov at mail' is not an e-mail address"
expect_unchanged guest add --name "Иванов Иван" --phone "звонить секретарю"
expect_err "is not a phone number"
expect_unchanged guest add --name "Иванов Иван" --rank intercity-haed
expect_err "did you mean 'intercity-head'?"
expect_unchanged guest add --name "Иванов Иван" --consent 2023-08-01
expect_err "in the future"
expect_unchanged guest add --name " "
expect_err "the guest's full name is empty"

# Search: case and ё aside, any words of name, position, organization, city.
run guest list --search ЕЛКИНА
expect_out "Ёлкина Анна Сергеевна"
run --json guest list --search "новосибирск сокол"
expect_eq "$(out | jq -r '[.[].name] | join(",")')" "Соколов Андрей Викторович"
run --json guest list --rank intercity-head
expect_eq "$(out | jq length)" "1"
run guest show соколов
expect_out "Мэр города Новосибирска"
expect_out "2023-07-10"
run guest show петр
expect_rc 0
run guest show иван
expect_rc 1
expect_err "no guest 'иван'"
run guest edit соколов --position "Мэр города Новосибирска" --notes "помощник: Сидоров С. С."
expect_rc 0

# Import: CSV (as Excel saves it) and JSON; the same name and organization update the record.
cat >"$TMP/guests.csv" <<'CSV'
name,position,org,city,country,rank
Кравченко Илья Игоревич,Мэр города Томска,Администрация Города Томска,Томск,,intercity-head
Левченко Олег Сергеевич,Заместитель мэра города Томска,Администрация Города Томска,Томск,,delegation-member
Петров Пётр Петрович,Первый заместитель мэра города Новосибирска,Мэрия города Новосибирска,Новосибирск,,
CSV
run guest import "$TMP/guests.csv"
expect_rc 0
expect_out "guests: 2 created, 1 updated, 0 unchanged"
expect_eq "$(sql "SELECT position || '|' || rank FROM guest WHERE name = 'Петров Пётр Петрович'")" \
  "Первый заместитель мэра города Новосибирска|delegation-member"
cat >"$TMP/guests.json" <<'JSON'
[{"name": "Жумабеков Ерлан Муратович", "position": "Аким города Павлодара", "org": "Акимат города Павлодара",
  "city": "Павлодар", "country": "Республика Казахстан", "rank": "foreign-delegation"},
 {"name": "Оспанов Арман Серикович", "position": "Заместитель акима города Павлодара",
  "org": "Акимат города Павлодара", "city": "Павлодар", "country": "Республика Казахстан", "rank": "delegation-member"}]
JSON
run guest import "$TMP/guests.json"
expect_out "guests: 2 created, 0 updated, 0 unchanged"
printf 'name,org\nНовый Гость,А\nновый гость,а\n' >"$TMP/twice.csv"
expect_unchanged guest import "$TMP/twice.csv"
expect_err "twice.csv:3:"
printf 'name,age\nА,1\n' >"$TMP/bad.csv"
expect_unchanged guest import "$TMP/bad.csv"
expect_err "unknown column 'age'"

# ---- the order of precedence: data, shipped and the user's ----
run guest ranks
expect_rc 0
expect_out "intercity-head"
run --json guest ranks
expect_eq "$(out | jq -r '.host')" "mayor"
expect_eq "$(out | jq -r '.ranks[0].id')" "federal"
run guest ranks --toml
expect_out 'host = "mayor"'

# ---- the guest list of the flag ceremony ----
run event guests "$flag" invite 1 2 соколов петров ёлкина --group "почётные гости"
expect_rc 0
expect_out "invited guest 3: Соколов Андрей Викторович"
run event guests "$flag" invite 3
expect_err "is invited already"
run --json event guests "$flag"
expect_eq "$(out | jq -r '[.guests[].guest.name] | join(",")')" \
  "Хоценко Виталий Павлович,Шелест Сергей Николаевич,Соколов Андрей Викторович,Ёлкина Анна Сергеевна,Петров Пётр Петрович"
expect_eq "$(out | jq -r '.guests[1].host')" "true"
expect_eq "$(out | jq -r '.counts.invited')" "5"
# The template's participants linked to the people on the list.
expect_eq "$(out | jq -r '.participants[] | select(.who == "Мэр города Омска") | .guest')" "1"
run event guests "$flag" set 1 2 3 confirmed
expect_rc 0
run event guests "$flag" set ёлкина declined
expect_rc 0
# Attended and absent are said after the event; a transition the model refuses; a guest not invited.
expect_unchanged event guests "$flag" set 3 attended
expect_err "has not begun yet"
expect_unchanged event guests "$flag" set 3 invited
expect_err "cannot become"
expect_unchanged event guests "$flag" set кравченко confirmed
expect_err "is not on the guest list of event $flag"
expect_unchanged event guests "$flag" set 3 maybe
expect_err "invalid guest status 'maybe'"
expect_unchanged event guests 999 invite 3
expect_unchanged event guests "$flag" invite никто
# For cron before the event: who has not answered, exit 3.
run event guests "$flag" --fail-if-unconfirmed
expect_rc 3
expect_err "1 guest has not answered the invitation"
run event guests "$flag" set петров confirmed
run event guests "$flag" --fail-if-unconfirmed
expect_rc 0
run event guests "$flag"
expect_err "5 guests: confirmed: 4, declined: 1"
run --json event guests "$flag" --status confirmed --order name
expect_eq "$(out | jq -r '[.guests[] | "\(.no):\(.guest.id)"] | join(",")')" "5:4,3:3,1:2,2:1"
# Badges and place cards: CSV for a mail merge (Excel on Russian Windows), HTML to print.
run --format csv --csv excel event guests "$flag" --status confirmed
expect_rc 0
expect_eq "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" "efbbbf"
expect_out "no;id;name;short_name;initials_first;position;org;city;country;rank;rank_name;group;status;speaks;note"
expect_out "Соколов А.${NBSP}В.;А.${NBSP}В.${NBSP}Соколов;Мэр города Новосибирска"
run --format html event guests "$flag" -o "$TMP/cards.html"
expect_rc 0
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$TMP/chromium" \
  --print-to-pdf="$TMP/cards.pdf" "file://$TMP/cards.html" >/dev/null 2>&1
pdftotext "$TMP/cards.pdf" "$TMP/cards.txt" 2>/dev/null && pass || fail "place cards: Chromium printed no PDF"
grep -qF "Хоценко" "$TMP/cards.txt" && pass || fail "place cards: the Governor's card is not printed"
grep -qF "Ёлкина" "$TMP/cards.txt" && fail "place cards: a guest who declined has a card" || pass
expect_eq "$(pdfinfo "$TMP/cards.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" "2" "(4 cards, 3 to an A4 page)"

# ---- the seating plan: the host in the centre, the guest of honour to the host's right ----
run --json event seating "$flag" --layout presidium:1x3,hall:2x4
expect_rc 0
expect_eq "$(out | jq -r '[.seats[] | select(.block == "presidium") | "\(.seat):\(.guest)"] | join(",")')" "1:2,2:1,3:3"
expect_eq "$(out | jq -r '.seats[] | select(.guest == 4) | "\(.block) \(.row) \(.seat)"')" "hall 1 3"
run --format html event seating "$flag" --layout presidium:1x9,hall:10x20 -o "$TMP/seating.html"
expect_rc 0
grep -qF "<svg" "$TMP/seating.html" && pass || fail "seating: no SVG"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$TMP/chromium" \
  --print-to-pdf="$TMP/seating.pdf" "file://$TMP/seating.html" >/dev/null 2>&1
pdftotext -layout "$TMP/seating.pdf" "$TMP/seating.txt" 2>/dev/null && pass || fail "seating: Chromium printed no PDF"
grep -qF "Шелест" "$TMP/seating.txt" && pass || fail "seating: the host is not in the printed plan"
grep -qF "Соколов Андрей Викторович" "$TMP/seating.txt" && pass || fail "seating: the list of places is not printed"
run event seating "$flag" --layout presidium:1x2
expect_rc 0
expect_err "2 guests have no seat"
run event seating "$flag" --layout presidium
expect_rc 1
expect_err "is not NAME:ROWSxSEATS"

# ---- the speakers' order, written into the run of show ----
run event guests "$flag" edit 2 1 3 --speaks
expect_rc 0
run --json event guests "$flag" speakers
expect_eq "$(out | jq -r '[.[].guest] | join(",")')" "2,1,3"
run event guests "$flag" speakers --into-programme --at 10:20 --minutes 3
expect_rc 0
expect_out "Выступление: В.${NBSP}П.${NBSP}Хоценко, Губернатор Омской области"
run --json event show "$flag"
expect_eq "$(out | jq -r '[.program[] | select(.title | startswith("Выступление")) | .at] | join(",")')" \
  "2023-08-05T10:20:00+06:00,2023-08-05T10:23:00+06:00,2023-08-05T10:26:00+06:00"
run event guests "$flag" speakers --into-programme --at 10:20
expect_err "3 speakers are in the run of show already"
run undo
expect_rc 0
run --json event show "$flag"
expect_eq "$(out | jq -r '[.program[] | select(.title | startswith("Выступление"))] | length')" "0"
run event guests "$flag" speakers --into-programme --at 10:20 --minutes 3
expect_rc 0

# ---- delegations: Новосибирск, Томск, Павлодар ----
run delegation add --event "$day" --event "$flag" --event "$concert" --from "г. Новосибирск" --head соколов \
  --member петров --arrive "2023-08-04 15:40" --arrive-by "поезд № 12" --depart "2023-08-06 10:00" \
  --depart-by "рейс S7 5232" --hotel "Ибис Сибирь" --escort "Иванов И. И."
expect_rc 0
expect_out "registered delegation 1: г. Новосибирск"
expect_no_err "arrives"
run delegation add --event "$flag" --event "$alley" --from "г. Томск" --head кравченко --member левченко \
  --arrive "2023-08-05 10:15" --arrive-by "автомобиль" --hotel "Ибис Сибирь" --escort "Петрова А. А."
expect_rc 0
# It arrives after the flag is raised, and the flag and the alley overlap.
expect_err "arrives 2023-08-05 10:15, after event $flag"
expect_err "due at two events at once"
run delegation add --event "$day" --from "Республика Казахстан, г. Павлодар" --head жумабеков --member оспанов \
  --arrive "2023-08-04 21:10" --arrive-by "автобус Павлодар — Омск" --depart "2023-08-06 12:00" --hotel "Маяк" --escort "Сидорова Е. В."
expect_rc 0
# The people of a delegation are on the guest lists of its programme.
run --json event guests "$alley"
expect_eq "$(out | jq -r '[.guests[].group] | unique | join(",")')" "делегация: г. Томск"
expect_unchanged delegation add --from "г. Барнаул" --head 3 --arrive "2023-08-05 10:00" --depart "2023-08-04 10:00"
expect_err "--depart is not after --arrive"
expect_unchanged delegation add --from "г. Барнаул" --head 3 --arrive "2023-08-05"
expect_err "has no time of day"
expect_unchanged delegation add --from "г. Барнаул" --event 999 --head 3
expect_unchanged delegation add --from "г. Барнаул"
expect_err "needs its head"
expect_unchanged delegation add --from " " --head 3
run delegation list
expect_rc 0
expect_out "Ибис Сибирь"
run --json delegation list --event "$alley"
expect_eq "$(out | jq -r '[.[].from] | join(",")')" "г. Томск"
run delegation show 2
expect_out "Кравченко Илья Игоревич"
expect_out "!"
run delegation edit 2 --arrive "2023-08-04 19:00" --remove-event "$flag"
expect_rc 0
expect_no_err "arrives"
run delegation show 2
expect_no_out "!"
expect_unchanged delegation edit 2 --remove-member соколов
expect_unchanged delegation edit 9 --hotel "Маяк"

# The delegation's own programme as a calendar: ical.js reads it.
run --format ics delegation programme 1 -o "$TMP/nsk.ics"
expect_rc 0
if node "$SRC/tests/cli/icaljs-check.cjs" "$OMSKPLAN_ICALJS" "$TMP/nsk.ics" >"$TMP/nsk.txt" 2>"$TMP/node.err"; then pass; else
  fail "ical.js: $(head -3 "$TMP/node.err")"; fi
expect_eq "$(grep -c '|Asia/Omsk|' "$TMP/nsk.txt")" "3"
grep -qF "|Торжественная церемония поднятия флага города Омска" "$TMP/nsk.txt" && pass || fail "the flag ceremony is not in the programme"
grep -qF "Иванов И. И." "$TMP/nsk.ics" && pass || fail "the escort is not in the calendar"
run delegation programme 1
expect_out "Праздничный концерт"

# ---- documents: the guest list and the delegations' summary ----
run --json report run guest-list --event "$flag"
expect_rc 0
expect_eq "$(out | jq -r '.sections[0].rows[0].name')" "Хоценко Виталий Павлович"
run --format docx report run guest-list --event "$flag" -o "$TMP/guests.docx"
expect_rc 0
/usr/bin/python3 -c 'import docx, sys; d = docx.Document(sys.argv[1]); print("\n".join(c.text for t in d.tables for r in t.rows for c in r.cells))' \
  "$TMP/guests.docx" >"$TMP/guests.txt" 2>&1
grep -qF "Соколов Андрей Викторович" "$TMP/guests.txt" && pass || fail "guest list DOCX: $(head -3 "$TMP/guests.txt")"
run report run delegations --event "$day"
expect_rc 0
expect_out "Ожидается 2 делегации, всего 4 человека."
expect_out "Республика Казахстан, г. Павлодар"
expect_out "4 августа"
run report run guest-list
expect_rc 1
expect_err "report 'guest-list' needs --event"
run report run guest-list --event abc
expect_rc 1
expect_err "invalid --event 'abc'"

# ---- after the event: attended, absent ----
OMSKPLAN_NOW="2023-08-05 11:30" run event guests "$flag" set 1 2 3 attended
expect_rc 0
OMSKPLAN_NOW="2023-08-05 11:30" run event guests "$flag" set петров absent
expect_rc 0
run --json event guests "$flag"
expect_eq "$(out | jq -r '"\(.counts.attended) \(.counts.absent) \(.counts.declined)"')" "3 1 1"

# ---- undo and history ----
run event guests "$alley" remove кравченко
expect_rc 0
run undo
expect_rc 0
run --json event guests "$alley"
expect_eq "$(out | jq -r '.guests | length')" "2"
run --json history --entity guest_list --id "$flag"
expect_rc 0
expect_eq "$(out | jq -r '.[0].entity')" "guest_list"
run --json history --entity guest --id 3
expect_eq "$(out | jq -r '.[-1].action')" "insert"

# ---- forget (152-ФЗ): the person erased, history keeps the id only ----
expect_unchanged guest forget соколов
expect_err "add --yes"
run guest forget соколов --yes
expect_rc 0
expect_out "erased guest 3"
expect_eq "$(sql "SELECT count(*) FROM guest WHERE id = 3")" "0"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE coalesce(before, '') || coalesce(after, '') LIKE '%Соколов%' OR coalesce(before, '') || coalesce(after, '') LIKE '%example.ru%'")" "0"
expect_eq "$(sql "SELECT count(*) FROM command WHERE argv LIKE '%Соколов%' OR argv LIKE '%соколов%' OR argv LIKE '%example.ru%'")" "0"
expect_eq "$(sql "SELECT count(*) FROM event_guest WHERE guest_id = 3")" "0"
# Their speech left the run of show; the command lines that named them say «***».
run --json event show "$flag"
expect_eq "$(out | jq -r '[.program[].title] | join(";")')" \
  "Выступление: В.${NBSP}П.${NBSP}Хоценко, Губернатор Омской области;Выступление: С.${NBSP}Н.${NBSP}Шелест, Мэр города Омска"
expect_eq "$(sql "SELECT argv FROM command WHERE argv LIKE 'omskplan guest edit%'")" \
  "omskplan guest edit '***' --position 'Мэр города Новосибирска' --notes 'помощник: Сидоров С. С.'"
run delegation show 1
expect_rc 0
expect_no_out "Соколов"
# Not undoable: it would bring the person back.
run undo
expect_eq "$(sql "SELECT count(*) FROM guest WHERE id = 3")" "0"

finish
