#!/usr/bin/env bash
# Structural units and work plans as the department drives them: a quarterly
# plan gathered from the units, approved, amended, watched and carried over.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2024-03-20 09:00"

# ---- units ----
run unit add --code АГО --name "Администрация города Омска"
expect_rc 0
expect_out "registered unit АГО: Администрация города Омска"
run unit add --code ДК --name "Департамент культуры Администрации города Омска" --short "департамент культуры" \
  --head "Иванова И. И." --parent аго
expect_rc 0
for u in "ДО|Департамент образования Администрации города Омска" "ДТ|Департамент транспорта Администрации города Омска" \
  "ДГХ|Департамент городского хозяйства Администрации города Омска"; do
  run unit add --code "${u%%|*}" --name "${u#*|}" --parent АГО
  expect_rc 0
done
expect_unchanged unit add --code дк --name "Другой"
expect_err_is "omskplan: error: unit code дк is taken: «Департамент культуры Администрации города Омска»"
expect_unchanged unit add --code "Д К" --name "Пробел"
expect_unchanged unit edit АГО --parent ДК
expect_err_is "omskplan: error: unit АГО cannot be under ДК: ДК is already under АГО"
expect_unchanged unit show ДКК
expect_err_is "omskplan: error: no unit with code 'ДКК'; did you mean ДК?"
expect_rc 1
run unit list
expect_rc 0
expect_out "  Департамент культуры Администрации города Омска"
run --quiet unit list
expect_out_is "$(printf 'АГО\nДГХ\nДК\nДО\nДТ')"
run unit list --json
expect_out '"parent": "АГО"'
cp "$TMP/out" "$TMP/units.json"
run unit import "$TMP/units.json"
expect_out "0 created, 0 updated, 5 unchanged"
run unit rename ДТ --name "Департамент транспорта и дорог Администрации города Омска" --code ДТД --on 2024-07-01 \
  --act "постановление № 100-п"
expect_rc 0
run unit show дтд
expect_out "until 2024-07-01: ДТ — Департамент транспорта Администрации города Омска (постановление № 100-п)"

# ---- a plan, its items ----
run plan templates
expect_out "quarterly (quarterly): План работы Администрации города Омска {period}"
run plan templates --json
expect_out '"approver": "Мэр города Омска"'
run plan new --kind quarterly --period 2024-Q2
expect_rc 0
expect_out "made plan 1: План работы Администрации города Омска на II квартал 2024 года (2024-Q2, a draft)"
expect_unchanged plan new --kind quarterly --period 2024-Q2
expect_unchanged plan new --kind quarterly --period 2024-05
expect_err "invalid --period '2024-05': expected a quarter such as 2024-Q2"
run plan item add 1 --section meetings --text "О ходе подготовки к празднованию 79-й годовщины Победы" \
  --unit ДК --co ДО,ДТД --due 2024-04-25 --basis "распоряжение Мэра от 15.01.2024 № 3-р" --result "информация"
expect_rc 0
expect_out "plan 1, item 1 (1.1.): added — planned"
run plan item add 1 --text "Проведение месячника по благоустройству" --unit ДГХ --due april --recurring monthly
expect_out "item 2 (1.2.)"
run plan item add 1 --section population --text "Приём граждан по личным вопросам" --unit ДО --due ежемесячно
expect_out "item 3 (5.1.)"
run plan item add 1 --section control --text "Контроль за ходом ремонта дорог" --unit ДТД --due "II квартал"
expect_out "item 4 (4.1.)"
expect_unchanged plan item add 1 --text "Вне периода" --unit ДК --due 2024-07-02
expect_err_is "omskplan: error: invalid due '2024-07-02': it is outside the plan's period 2024-Q2 (2024-04-01 – 2024-06-30)"
expect_unchanged plan item add 1 --text "Сам себе соисполнитель" --unit ДК --co ДК
expect_unchanged plan item add 1 --section meetngs --text "Опечатка"
expect_err "did you mean 'meetings'?"
expect_unchanged plan item done 1 1 --on 2024-03-19
expect_err_is "omskplan: error: plan 1 is draft; execution is marked in an approved plan"

# Proposals of a unit from CSV as Excel in a Russian locale saves it: ';', the usual headers.
printf 'Раздел;Наименование мероприятия;Срок исполнения;Ответственный исполнитель;Соисполнители;Основание;Форма завершения\n' >"$TMP/dk.csv"
printf 'events;Праздничный концерт «Омск — город Победы»;2024-05-09;ДК;ДО;;мероприятие\n' >>"$TMP/dk.csv"
printf 'meetings;о ходе подготовки к празднованию 79-й годовщины Победы.;2024-04-25;ДК;;;\n' >>"$TMP/dk.csv"
printf 'events;Открытие аллеи;июнь;ДК;;;мероприятие\n' >>"$TMP/dk.csv"
run plan import 1 "$TMP/dk.csv" --dry-run
expect_out "dry run: 2 added, 1 duplicates skipped"
expect_eq "$(sql "SELECT count(*) FROM plan_item")" "4"
run plan import 1 "$TMP/dk.csv"
expect_rc 0
expect_out "2 added, 1 duplicates skipped"
expect_err "dk.csv:3: a duplicate of item 1, skipped"
printf 'section,text,unit,due\nevents,Хорошая строка,ДК,май\nevents,Плохая строка,ДЖ,май\n' >"$TMP/bad.csv"
expect_unchanged plan import 1 "$TMP/bad.csv"
expect_err "bad.csv:3:3: no unit with code 'ДЖ'"
printf 'section,text,when\nevents,x,май\n' >"$TMP/bad2.csv"
expect_unchanged plan import 1 "$TMP/bad2.csv"
expect_err "bad2.csv:1:3: unknown column 'when'"
run plan show 1
expect_rc 0
expect_out "1. Вопросы для рассмотрения на совещаниях у Мэра города Омска"
expect_out "1.2.     2  Проведение месячника по благоустройству                 ежемесячно"
expect_out "3.1."
run --quiet plan show 1
expect_out_is "$(printf '1\n2\n5\n6\n4\n3')"
run plan show 1 --format csv
expect_out "number,no,section,text,due,control,unit,co,person,basis,form,status"
run plan item show 1 2
expect_out "2024-04-27"
expect_out "2024-05-31"
expect_out "2024-06-28"

# ---- approval, amendments ----
expect_unchanged plan approve 1 --on 2024-03-28
run plan approve 1 --on 2024-03-28 --act "распоряжение Администрации города Омска от 28.03.2024 № 45-р"
expect_rc 0
expect_out "approved plan 1:"
run plan list --json
expect_out '"approved_by": "Мэр города Омска"'
expect_unchanged plan item add 1 --text "Поздний пункт" --unit ДК --due 2024-05-15
expect_err "it changes only by an amendment"
run plan item add 1 --text "Поздний пункт" --unit ДК --due 2024-05-15 --act "распоряжение № 50-р" --on 2024-04-05
expect_out "item 7"
expect_unchanged plan item edit 1 1 --due 2024-05-01 --act "№ 1"
expect_err "a new date is a postponement"
export OMSKPLAN_NOW="2024-04-20 10:00"
run plan item done 1 1 --on 2024-04-19 --report "Информация направлена письмом № 01-15/234"
expect_out "marked done — done on time"
run plan item postpone 1 4 --to 2024-07-20 --reason "перенос по решению Мэра" --act "резолюция от 12.04.2024"
expect_err_is "omskplan: error: --to 2024-07-20 is not a working day"
run plan item postpone 1 7 --to 2024-06-20 --reason "перенос по решению Мэра" --act "резолюция от 12.04.2024" --on 2024-04-12
expect_out "postponed — postponed"
run plan item drop 1 3 --reason "утратило актуальность"
expect_out "dropped — dropped"
run plan amendments 1 --json
expect_out '"what": "пункт 7: срок перенесён с 15.05.2024 на 20.06.2024 (перенос по решению Мэра)"'
run plan amendments 1
expect_out "резолюция от 12.04.2024  due postponed     7"
run plan diff 1
expect_out "+ 7 Поздний пункт"
expect_out "~ 3 Приём граждан по личным вопросам"
run plan show 1 --as-approved
expect_out "(the text as approved)"
expect_no_out "Поздний пункт"
expect_out "1.2. Проведение месячника по благоустройству — ежемесячно (2024-04-27, 2024-05-31, 2024-06-28); ДГХ"
run plan item done 1 2 --point май --on 2024-04-20
expect_rc 0
run history --entity plan_item --id 7
expect_out "omskplan plan item postpone 1 7"
expect_out "omskplan plan item add 1 --text 'Поздний пункт'"

# ---- control ----
export OMSKPLAN_NOW="2024-04-24 09:00"
run plan due --within 5wd
expect_rc 0
expect_out "Проведение месячника по благоустройству"
run plan due --within 5wd --unit ДК --fail-if-any
expect_rc 0
run plan due --within 5wd --unit ДГХ --fail-if-any
expect_rc 3
run --quiet plan due --within 2wd
expect_out_is ""
run plan due --within "5 days"
expect_rc 1
expect_err "invalid --within '5 days'"
run plan control --period 2024-Q2 --as-of 2024-06-30 --json
expect_rc 0
expect_out '"on_time_pct"'
run plan control --period 2024-Q2 --as-of 2024-06-30
expect_out "Total"
# The unit is named as it was in the period: renamed ДТД only from 1 July.
expect_out "ДТ    Департамент транспорта Администрации"
expect_no_out "ДТД"

# ---- links: an item realised by an event ----
run event add --title "Праздничный концерт «Омск — город Победы»" --start "2024-05-09 18:00" --kind concert
run plan link 1 5 --event 1
expect_out "linked"
run event show 1
expect_out "plan 1 · 3.1. Праздничный концерт"
expect_unchanged plan link 1 5 --event 99
expect_err_is "omskplan: error: no event 99"

# The items of plan show --json import elsewhere (here: all duplicates).
run plan show 1 --json
jq .items "$TMP/out" >"$TMP/plan1.json"
run plan import 1 "$TMP/plan1.json" --dry-run --act "№ 1"
expect_rc 0
expect_out "dry run: 0 added, 7 duplicates skipped"

# ---- carry over; close ----
export OMSKPLAN_NOW="2024-06-28 10:00"
run plan new --kind quarterly --period 2024-Q3 --quiet
expect_out_is "2"
run plan carry 1 --into 2 --dry-run
expect_out "dry run:"
expect_eq "$(sql "SELECT count(*) FROM plan_item WHERE plan_id = 2")" "0"
run plan carry 1 --into 2
expect_out "items carried into plan 2"
run plan carry 1 --into 2
expect_out "0 items carried into plan 2"
expect_eq "$(sql "SELECT count(*) FROM plan_item WHERE plan_id = 2 AND origin_id IS NOT NULL")" \
  "$(sql "SELECT count(*) FROM plan_item WHERE plan_id = 2")"
export OMSKPLAN_NOW="2024-07-02 10:00"
run plan close 1 --on 2024-07-01
expect_rc 0
expect_unchanged plan item done 1 1
run undo
expect_rc 0
run plan list --status approved --quiet
expect_out_is "1"

# ---- units as owners: a code resolves to the unit, a near miss is refused ----
run event add --title "Совещание" --start "2024-07-10 10:00" --organizer дк
expect_rc 0
run event show 2 --json
expect_out '"organizer": "ДК"'
expect_unchanged event add --title "Совещание" --start "2024-07-11 10:00" --organizer ДКК
expect_err_is "omskplan: error: no unit with code 'ДКК'; did you mean ДК?"
run event add --title "Встреча" --start "2024-07-12 10:00" --organizer "Управление делами"
expect_rc 0

# ---- documents: the plan to approve, the execution report, the week's plan ----
run report run work-plan --plan 1 --format docx -o "$TMP/plan.docx"
expect_rc 0
if unzip -tq "$TMP/plan.docx" >/dev/null; then pass; else fail "plan.docx is not a sound zip"; fi
expect_eq "$(unzip -Z1 "$TMP/plan.docx" | sort | tr '\n' ' ')" \
  "[Content_Types].xml _rels/.rels docProps/core.xml word/_rels/document.xml.rels word/document.xml word/styles.xml "
# (unzip reads [ ] in a name as a pattern: escaped)
for part in '\[Content_Types\].xml' _rels/.rels word/_rels/document.xml.rels word/document.xml word/styles.xml docProps/core.xml; do
  if unzip -p "$TMP/plan.docx" "$part" | xmllint --noout - 2>/dev/null; then pass; else fail "$part is not well-formed XML"; fi
done
unzip -p "$TMP/plan.docx" word/document.xml >"$TMP/document.xml"
expect_eq "$(grep -c 'w:orient="landscape"' "$TMP/document.xml")" "1"
for want in "УТВЕРЖДАЮ" "Мэр города Омска" "«28» марта 2024${NBSP}г." "распоряжение Администрации города Омска от 28.03.2024 №${NBSP}45-р" \
  "План работы Администрации города Омска на II квартал 2024 года" "Наименование мероприятия (вопроса)" \
  "О ходе подготовки к празднованию 79-й годовщины Победы" "Департамент культуры" "ежемесячно"; do
  if grep -qF -- "$want" "$TMP/document.xml"; then pass; else fail "plan.docx lacks: $want"; fi
done
expect_eq "$(stat -c %a "$TMP/plan.docx")" "600"
run report run work-plan --plan 1 --format html
expect_out '<div class="approval">'
expect_out "size: A4 landscape"
out >"$TMP/plan.html"
if xmllint --noout "$TMP/plan.html" 2>/dev/null; then pass; else fail "work-plan HTML is not well-formed"; fi
run report run work-plan --plan 1 --format md
expect_out "> **УТВЕРЖДАЮ**"
expect_out "## 1. Вопросы для рассмотрения на совещаниях у Мэра города Омска"
run report run work-plan --plan 1 --format json
expect_out '"approval": {'
run report run work-plan --plan 1 --format xlsx -o "$TMP/plan.xlsx"
expect_rc 0
run report run work-plan
expect_rc 1
expect_err "needs --plan"
run report run work-plan --plan 99
expect_err "no plan 99"
run report run work-plan --plan 1 --format docx
expect_rc 1
expect_err "DOCX is binary: give the file with -o FILE"
run report run plan-execution --period 2024-Q2 --as-of 2024-06-30 --format html
expect_rc 0
expect_out "Информация об исполнении планов работы Администрации города Омска на II квартал 2024 года"
expect_out "<svg"
expect_out "Департамент культуры (ДК)"
run report run plan-execution --period 2024-Q2 --as-of 2024-06-30 --format docx -o "$TMP/control.docx"
expect_rc 0
run report run weekly-plan --week 2024-W17
expect_out "О ходе подготовки к празднованию 79-й годовщины Победы"
expect_out "пункт 1.1. плана №${NBSP}1"
# An independent reader: python-docx opens the package (content types, relationships, parts).
# Debian's python3 (python3-docx is its module; another python3 earlier in PATH may lack it).
if [ -x /usr/bin/python3 ] || need python3; then
  /usr/bin/python3 - "$TMP/plan.docx" >"$TMP/docx.txt" 2>&1 <<'PY'
import sys
import docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
print("orientation", int(s.orientation), round(s.page_width.mm), round(s.page_height.mm), round(s.left_margin.mm))
for p in d.paragraphs:
    print(p.style.name, "|", p.text)
for t in d.tables:
    print("table", len(t.rows), "x", len(t.columns), "|", " / ".join(c.text for c in t.rows[0].cells))
PY
  rc=$?
  expect_eq "$rc" "0" "python-docx could not open plan.docx: $(head -c 300 "$TMP/docx.txt")"
  for want in "orientation 1 297 210 20" "Normal | УТВЕРЖДАЮ" "Title | План работы Администрации города Омска на II квартал 2024 года" \
    "Heading 1 | 1. Вопросы для рассмотрения на совещаниях у Мэра города Омска" \
    "| № п/п / Наименование мероприятия (вопроса) / Срок исполнения / Ответственный исполнитель / Соисполнители / Форма завершения"; do
    if grep -qF -- "$want" "$TMP/docx.txt"; then pass; else fail "python-docx reads no: $want"; fi
  done
fi
