#!/usr/bin/env bash
# Agreements, obligations and «Меценат года» as a user drives them.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2023-06-01 09:00"

run agreement org add --name "ООО «Сибирский строитель»" --inn 5504945804 --ogrn 1045573021570 --kind company
expect_rc 0
expect_out "registered organization 1: ООО «Сибирский строитель» (INN 5504945804)"
expect_unchanged agreement org add --name "ИП Иванов Иван Иванович" --inn 550100000001 --kind entrepreneur
expect_err_is "omskplan: error: INN 550100000001: the check digits do not match"
run agreement org add --name "ИП Петров Пётр Петрович" --inn 123456789047 --ogrn 385768585948949 --kind entrepreneur \
  --contact "Петров П. П." --phone "+7 3812 00-00-00" --email petrov@example.ru
expect_rc 0
run agreement org add --name "ПАО «Сибирский банк»" --inn 7707083893 --kind company
run agreement org list --search сибир
expect_rc 0
expect_out "ООО «Сибирский строитель»"
expect_out "ПАО «Сибирский банк»"
expect_no_out "Петров"
run --quiet agreement org list --search "ПЁТР"
expect_out_is "2"
run agreement org show 5504945804
expect_out "#1 ООО «Сибирский строитель»"

run agreement add --org 1 --title "О сотрудничестве в сфере развития детского спорта" \
  --number 12-С/2023 --signed 2023-06-01 --valid-to 2026-05-31 --sphere sport --value 2500000
expect_rc 0
expect_out "registered agreement 1: № 12-С/2023 «О сотрудничестве в сфере развития детского спорта», active, 2${NBSP}500${NBSP}000,00${NBSP}₽"
expect_eq "$(sql "SELECT value_kop FROM agreement WHERE id = 1")" "250000000"
run agreement add --org 7707083893 --title "О благоустройстве сквера на ул. Ленина" --number 15-Б/2023 \
  --signed 2023-05-10 --valid-to 2023-08-15 --sphere improvement --value "2 500 000,50"
expect_rc 0
expect_eq "$(sql "SELECT value_kop FROM agreement WHERE id = 2")" "250000050"
run agreement add --org 2 --title "О поддержке детского творчества" --number 3-К/2023 --sphere culture
expect_out "draft"

run --json agreement list --status active --expiring 90d
expect_rc 0
expect_eq "$(out | jq -r 'length')" "1"
expect_eq "$(out | jq -r '.[0].number')" "15-Б/2023"
expect_eq "$(out | jq -r '.[0].value')" "2500000.50"
run agreement show 1
expect_out "#1 № 12-С/2023 «О сотрудничестве в сфере развития детского спорта»"
expect_out "signed       1 июня 2023${NBSP}г."

run agreement obligation add 1 --party partner --text "Построить хоккейную коробку" --due 2024-10-01 --value 1800000
expect_out "added obligation 1 to agreement 1"
run agreement obligation add 2 --party administration --text "Выделить участок под сквер" --due 2023-06-10
run agreement obligation add 2 --party partner --text "Высадить 40 деревьев" --due 2023-07-01 --value 400000

run agreement due --within 30d
expect_rc 0
expect_out "Выделить участок под сквер"
expect_out "Высадить 40 деревьев"
run agreement due --within 30d --fail-if-any
expect_rc 3
run --quiet agreement due --within 30d
expect_out_is "$(printf '2 1\n2 2')"
OMSKPLAN_NOW="2023-09-01 09:00" run --json agreement due --within 30d
expect_eq "$(out | jq -r '.overdue')" "2"

OMSKPLAN_NOW="2024-09-25 09:00" run agreement obligation done 1 1 --on 2024-09-20
expect_rc 0
expect_out "obligation 1 of agreement 1 fulfilled on 2024-09-20"
OMSKPLAN_NOW="2023-07-02 09:00" run agreement obligation done 2 2 --on 2023-06-28
OMSKPLAN_NOW="2023-06-09 09:00" run agreement obligation done 2 1

# Expired is derived from the dates; renew brings it back.
OMSKPLAN_NOW="2023-09-01 09:00" run --quiet agreement list --status expired
expect_out_is "2"
OMSKPLAN_NOW="2023-09-01 09:00" run agreement renew 2 --valid-to 2024-08-15
expect_out "renewed agreement 2"
expect_out "active"

OMSKPLAN_NOW="2024-12-01 09:00" run agreement patrons --year 2024
expect_rc 0
expect_out "ООО «Сибирский строитель»"
expect_out "1${NBSP}800${NBSP}000,00${NBSP}₽"
OMSKPLAN_NOW="2024-12-01 09:00" run --json agreement patrons --year 2023
expect_eq "$(out | jq -r '.patrons[0].name')" "ПАО «Сибирский банк»"
expect_eq "$(out | jq -r '.patrons[0].fulfilled')" "400000.00"

OMSKPLAN_NOW="2023-11-25 09:00" run agreement award add --year 2023 --org 3 --title "Меценат года"
expect_rc 0
OMSKPLAN_NOW="2023-11-25 09:00" expect_unchanged agreement award add --year 2023 --org 1
expect_err "2023 already has 1 «Меценат года» title (at most 1 a year)"
expect_unchanged agreement award add --year 2023 --org 2
expect_err "has no signed cooperation agreement"
OMSKPLAN_NOW="2023-11-25 09:00" run agreement badge issue --org 3 --year 2023
expect_out "badge «Меценат» №1 of 2023 issued to organization 3"
OMSKPLAN_NOW="2023-11-25 09:00" run agreement badge issue --org 1 --year 2023
expect_out "№2 of 2023"
expect_unchanged agreement badge issue --org 1 --year 2023
expect_err "already has badge №2 for 2023"
run agreement award list --org 3
expect_out "Меценат года"
run agreement badge list --year 2023
expect_out "№${NBSP}2"
run --json agreement badge list --org 3
expect_eq "$(out | jq -r '.[0].number')" "1"
run agreement org edit 3 --phone "+7 3812 00-11-22"
expect_out "organization 3: ПАО «Сибирский банк»"
expect_unchanged agreement org edit 3 --inn 1234567895
expect_err "INN 1234567895: the check digit does not match"

OMSKPLAN_NOW="2023-11-25 09:00" run agreement ceremony --year 2023 --date 2023-12-15
expect_rc 0
expect_out "created event 1: Торжественная церемония присвоения звания «Меценат года» по итогам 2023 года (2023-12-15 15:00–17:00), 2 awardees invited ('omskplan event guests 1')"
# The awardees are the ceremony's guests (by precedence), not free-text participants.
expect_err "«ООО „Сибирский строитель“» names no contact person"
run --json event show 1
expect_eq "$(out | jq -r '[.participants[].who] | join("|")')" "Мэр города Омска|Председатель Омского городского Совета"
run --json event guests 1
expect_eq "$(out | jq -r '[.guests[] | "\(.guest.org)|\(.guest.rank)|\(.group)"] | join(";")')" \
  "ООО «Сибирский строитель»|business|награждаемые;ПАО «Сибирский банк»|business|награждаемые"
expect_eq "$(out | jq -r '[.guests[].note] | join(";")')" "знак «Меценат» №2;звание «Меценат года» 2023; знак «Меценат» №1"
expect_unchanged agreement ceremony --year 2023 --date 2023-12-16
expect_err "the ceremony of 2023 exists already: event 1"

OMSKPLAN_NOW="2025-01-20 09:00" run agreement terminate 1 --on 2025-01-15 --reason "По соглашению сторон"
expect_rc 0
expect_out "terminated"
expect_unchanged agreement renew 1 --valid-to 2029-05-31
expect_err "agreement 1 is terminated; only a signed, active or expired one can be renewed"
expect_unchanged agreement status 3 fulfilled
expect_err "agreement 3 is draft; it cannot become fulfilled"
run agreement status 3 signed
expect_rc 0

run history --entity agreement --id 1
expect_rc 0
expect_out "omskplan agreement terminate 1 --on 2025-01-15 --reason"
expect_out "status, terminated on, termination rea"
run --json history --entity organization --id 1 --limit 1
# Created whole: the command that created it, no snapshot (store::NewRecord).
expect_eq "$(out | jq -r '.[0].action + " " + (.[0].command_id | tostring)')" "insert 1"
expect_eq "$(out | jq -r '.[0].command')" "omskplan agreement org add --name 'ООО «Сибирский строитель»' --inn 5504945804 --ogrn 1045573021570 --kind company"

# Bad input leaves the database byte-identical.
expect_unchanged agreement add --org 1 --title X --number 12-С/2023 --sphere sport --signed 2023-06-01
expect_err "agreement number 12-С/2023 is already taken by agreement 1"
expect_unchanged agreement add --org 99 --title X --number N1 --sphere sport
expect_err "no organization with id 99"
expect_unchanged agreement add --org 1 --title X --number N1 --sphere space
expect_err "invalid sphere 'space'"
expect_unchanged agreement add --org 1 --title X --number N1 --sphere sport --value -100
expect_err "invalid amount '-100': must not be negative"
expect_unchanged agreement add --org 1 --title X --number N1 --sphere sport --value 99999999999999999999
expect_err "too large"
expect_unchanged agreement add --org 1 --title X --number N1 --sphere sport --signed 2023-02-30
expect_unchanged agreement add --org 1 --title X --number N1 --sphere sport --signed 2023-06-01 --valid-to 2023-01-01
expect_err "valid to 2023-01-01 is before"
expect_unchanged agreement obligation add 1 --party nobody --text X
expect_err "invalid party 'nobody'; expected one of: administration, partner"
expect_unchanged agreement obligation done 2 9
expect_unchanged agreement due --within soon
expect_err "invalid --within 'soon'"
expect_unchanged agreement org add --name "ООО «Копия»" --inn 5504945804
expect_err "INN 5504945804 is already registered: organization 1"
expect_unchanged agreement org add --name "ООО «Ошибка»" --inn 5504945804 --ogrn 1022500001328
expect_unchanged agreement org add --name "X" --inn 12345
expect_unchanged history --entity planet
expect_unchanged agreement show 42
expect_err "no agreement with id 42"

# JSON export → import into another database → import again changes nothing.
run --json agreement org list
cp "$TMP/out" "$TMP/orgs.json"
run --json agreement list
cp "$TMP/out" "$TMP/agreements.json"
# Both lists are written record by record: still one array, byte for byte as a whole dump(2);
# the organizations in Russian alphabetical order (SQLite sorts them: any number in bounded memory).
for f in orgs agreements; do
  expect_eq "$(python3 -c 'import json, sys; t = open(sys.argv[1]).read(); print(t == json.dumps(json.loads(t), indent=2, ensure_ascii=False) + "\n")' "$TMP/$f.json")" True "$f.json as one dump"
done
expect_eq "$(jq -r '.[].name' "$TMP/orgs.json" | tr '\n' '|')" "ИП Петров Пётр Петрович|ООО «Сибирский строитель»|ПАО «Сибирский банк»|" "org list in Russian order"
run --format csv agreement list
expect_eq "$(head -1 "$TMP/out")" $'id,number,org,title,sphere,signed_on,valid_to,value,status\r' "agreement list CSV header"
expect_eq "$(wc -l <"$TMP/out")" 4 "agreement list CSV: the header and three rows"
run --quiet --format csv agreement org list
expect_eq "$(wc -l <"$TMP/out")" 4 "org list CSV with --quiet: still the CSV"
export OMSKPLAN_DB="$TMP/copy.db"
run agreement org import "$TMP/orgs.json"
expect_out_is "3 created, 0 updated, 0 unchanged"
run agreement import "$TMP/agreements.json"
expect_out_is "3 created, 0 updated, 0 unchanged"
h=$(db_hash)
run agreement import "$TMP/agreements.json"
expect_out_is "0 created, 0 updated, 3 unchanged"
jq '.[0].obligations[0].due = "2024-13-01"' "$TMP/agreements.json" >"$TMP/bad.json"
expect_unchanged agreement import "$TMP/bad.json"
expect_err "bad.json: record 1: field 'obligations[0].due': invalid date '2024-13-01': expected YYYY-MM-DD"
