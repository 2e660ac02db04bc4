#!/usr/bin/env bash
# The demo: a database built from examples/ (the plans and lessons of 2023,
# this year's City Day cloned from 2023's, upcoming events from the shipped
# templates), then this year's plan, the agenda of the next two weeks and the
# conflicts. Uses the real clock (or OMSKPLAN_NOW, as the tests do); the
# database is kept for you to explore.
#
#   examples/demo.sh [BUILD_DIR]        (default: build)
#   OMSKPLAN_BIN, OMSKPLAN_DEMO_DIR     another binary, another directory (tests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
bin=${OMSKPLAN_BIN:-$build/cmd/omskplan/omskplan}
demo_dir=${OMSKPLAN_DEMO_DIR:-$build/demo}
export OMSKPLAN_DB="$demo_dir/demo.db"
mkdir -p "$demo_dir"
rm -f "$OMSKPLAN_DB" "$OMSKPLAN_DB-wal" "$OMSKPLAN_DB-shm"
op() { "$bin" "$@"; }
# Today: the real clock, or OMSKPLAN_NOW ("2024-05-15 10:00") as omskplan reads it.
today=$(date -d "${OMSKPLAN_NOW:-now}" +%F)

echo "== Демонстрационная база данных: $OMSKPLAN_DB"
op db init >/dev/null
# The register of venues: one place, however an event names it.
op --quiet venue add "Соборная площадь" --alias "Соборная пл." --address "ул. Ленина" \
  --lat 54.98512 --lon 73.36861 --capacity 20000 >/dev/null
op --quiet venue add "Концертный зал Омской филармонии" --alias "Концертный зал" --alias "Филармония" \
  --address "ул. Ленина, 90/1" --lat 54.97803 --lon 73.38522 --capacity 900 >/dev/null
op --quiet venue add "Набережная Тухачевского" --lat 54.98920 --lon 73.36070 >/dev/null
op --quiet venue add "Мемориальный комплекс «Воинская слава омичей»" --lat 54.96870 --lon 73.42290 >/dev/null
op --quiet venue add "Администрация города Омска, большой зал (ул. Гагарина, 34)" --alias "Большой зал Администрации" \
  --lat 54.98470 --lon 73.37100 --capacity 300 >/dev/null
op --quiet venue add "Администрация города Омска, зал заседаний (ул. Гагарина, 34)" --alias "Зал заседаний Администрации" \
  --lat 54.98470 --lon 73.37100 --capacity 80 >/dev/null
op --quiet venue add "Сквер на ул. Ленина" --lat 54.98100 --lon 73.37600 >/dev/null
op event import "$here/demo/events-2023.json"
op agreement org import "$here/demo/organizations.json"
op agreement import "$here/demo/agreements.json"

# The next City Day (the first Saturday of August) and Victory Day, planned
# from the experience of 2023: City Day is cloned with its lessons.
year=$(date -d "$today" +%Y)
first_saturday_of_august() {
  for d in 01 02 03 04 05 06 07; do
    if [ "$(date -d "$1-08-$d" +%u)" = 6 ]; then echo "$1-08-$d"; fi
  done
}
city_day=$(first_saturday_of_august "$year")
[ "$city_day" \> "$today" ] || city_day=$(first_saturday_of_august $((year + 1)))
victory_day="$year-05-09"
[ "$victory_day" \> "$today" ] || victory_day="$((year + 1))-05-09"
op --quiet event clone 2 --date "$city_day" >/dev/null
op --quiet event new --template victory-day --date "$victory_day" >/dev/null
# Upcoming work, relative to today, so the agenda always has something to show.
op --quiet event new --template conference --date +12d >/dev/null
op --quiet event edit 10 --title "Конференция Ассоциации сибирских и дальневосточных городов" >/dev/null
op --quiet event new --template patron-ceremony --date +20d >/dev/null
op --quiet event new --template round-table --date +6d --time 15:00 >/dev/null
op --quiet event edit 12 --title "Круглый стол «Инициативное бюджетирование в округах»" >/dev/null
# The Mayor cannot be at the conference and at this meeting: a VIP conflict.
op --quiet event add --title "Рабочая встреча Мэра с предпринимателями Кировского округа" \
  --start "+12d 15:30" --duration 1h30m --kind meeting --venue "Администрация Кировского округа" \
  --with "Мэр города Омска" >/dev/null 2>&1
op --quiet event new --template opening --date +9d --venue "Сквер на ул. Ленина" >/dev/null
op --quiet event edit 14 --title "Открытие обновлённого сквера на ул. Ленина" >/dev/null
op --quiet event task done 10 1 >/dev/null
# A repeating event: the emergencies commission on the last Friday of every month, a holiday moving it
# to the working day before.
kchs=$(op --quiet event add --title "Заседание комиссии по чрезвычайным ситуациям и пожарной безопасности" \
  --start "today 15:00" --duration 1h30m --kind meeting --venue "Большой зал Администрации" \
  --with "Мэр города Омска" --repeat "FREQ=MONTHLY;BYDAY=-1FR" --days-off previous 2>/dev/null)
# Agreements: the 2023 awards, a renewal, this year's contributions and what is coming up.
op --quiet agreement award add --year 2023 --org 5503123456 --decided 2023-11-23 >/dev/null
for inn in 5503123456 5504945804 5504987650; do
  op --quiet agreement badge issue --org "$inn" --year 2023 --on 2023-12-15 >/dev/null
done
op --quiet agreement renew 1 --valid-to "$((year + 3))-05-31" >/dev/null
op --quiet agreement obligation add 1 --party partner --text "Отремонтировать раздевалки хоккейной коробки" \
  --due -5d --value 350000 >/dev/null
op --quiet agreement obligation done 1 4 --on today >/dev/null
op --quiet agreement obligation add 1 --party partner --text "Провести турнир «Золотая шайба» для дворовых команд" \
  --due +10d --value 150000 >/dev/null
op --quiet agreement obligation add 4 --party administration --text "Предоставить помещение для выставки работ" \
  --due -5d >/dev/null
op --quiet agreement add --org 5506222335 --title "О новогодних подарках для детей из малообеспеченных семей" \
  --number "27-С/$year" --signed -60d --valid-to +25d --sphere social --value "500 000" >/dev/null
op --quiet agreement obligation add 7 --party partner --text "Передать 1000 новогодних подарков" \
  --due +20d --value 500000 >/dev/null

# Inspections: Omsk sites, the agencies that come along, next week's route.
op inspection site import "$here/demo/sites.csv" >/dev/null
op --quiet inspection agency add --name "Главное управление государственного строительного надзора Омской области" \
  --kind oversight >/dev/null
op --quiet inspection agency member add 1 --name "Петров П. П." --position "заместитель начальника управления" >/dev/null
op inspection agency require 1 --work construction >/dev/null
op inspection agency require 1 --work reconstruction >/dev/null
op --quiet inspection agency add --name "Министерство образования Омской области" --kind regional >/dev/null
op --quiet inspection agency member add 2 --name "Сидорова А. В." --position "начальник отдела" >/dev/null
op inspection agency require 2 --program "НП «Образование»" >/dev/null
op --quiet inspection finding add --site OB-007 --text "Не закрыт доступ пешеходов в зону работ" \
  --responsible 5503123456 --due -3d --severity critical >/dev/null

# Work plans: the units, this quarter's plan of the Administration gathered
# from the units' proposals (a CSV as Excel saves it; the months of the quarter
# filled in), approved before the quarter began, and executed so far.
op unit import "$here/demo/units.json" >/dev/null
quarter_first=$(date -d "$year-$(printf %02d $(( ( ($(date -d "$today" +%-m) - 1) / 3) * 3 + 1 )))-01" +%F)
m1=$(date -d "$quarter_first" +%Y-%m)
m2=$(date -d "$quarter_first +1 month" +%Y-%m)
m3=$(date -d "$quarter_first +2 month" +%Y-%m)
sed -e "s/@M1@/$m1/g" -e "s/@M2@/$m2/g" -e "s/@M3@/$m3/g" "$here/demo/plan-proposals.csv" >"$demo_dir/plan-proposals.csv"
plan=$(op --quiet plan new --kind quarterly --period this)
op plan import "$plan" "$demo_dir/plan-proposals.csv" >/dev/null
op plan approve "$plan" --on "$(date -d "$quarter_first -4 days" +%F)" \
  --act "распоряжение Администрации города Омска № $(( 10#$(date -d "$today" +%j) % 90 + 10 ))-р" >/dev/null
# What came due so far: most of it done on its day, some late, some not yet.
n=0
while read -r item due; do
  n=$((n + 1))
  case $((n % 5)) in
    0) ;;  # left overdue
    1) op --quiet plan item done "$plan" "$item" --on "$(date -d "$due +2 days" +%F)" --report "Исполнено с опозданием" >/dev/null 2>&1 || true ;;
    *) op --quiet plan item done "$plan" "$item" --on "$due" --report "Информация направлена в организационный отдел" >/dev/null 2>&1 || true ;;
  esac
done < <(op plan due --plan "$plan" --within 0 --json | jq -r --arg today "$today" '.items[] | select(.due < $today) | "\(.no) \(.due)"')

# Protocol: the next City Day's guests and the delegations of Новосибирск, Томск and Павлодар;
# its presidium by precedence, the speakers written into its run of show.
op guest import "$here/demo/guests.csv" >/dev/null
eve=$(date -d "$city_day -1 day" +%F)
op --quiet delegation add --event 8 --from "г. Новосибирск" --head соколов --member петров \
  --arrive "$eve 15:40" --arrive-by "поезд № 12" --depart "$(date -d "$city_day +1 day" +%F) 10:00" \
  --hotel "Ибис Сибирь" --escort "Иванов И. И." >/dev/null
op --quiet delegation add --event 8 --from "г. Томск" --head кравченко --member левченко \
  --arrive "$eve 19:05" --arrive-by "автомобиль" --hotel "Ибис Сибирь" --escort "Петрова А. А." >/dev/null
op --quiet delegation add --event 8 --from "Республика Казахстан, г. Павлодар" --head жумабеков --member оспанов \
  --arrive "$eve 21:10" --arrive-by "автобус Павлодар — Омск" --hotel "Маяк" --escort "Сидорова Е. В." >/dev/null
op event guests 8 invite шелест хоценко корбут ёлкина --group "почётные гости" >/dev/null
op event guests 8 set шелест хоценко соколов кравченко confirmed >/dev/null
op event guests 8 edit шелест хоценко соколов --speaks >/dev/null
op --quiet event guests 8 speakers --into-programme --at +5m --minutes 5 >/dev/null

echo
echo "== План мероприятий на ближайший год"
op event list --from today --to +365d
echo
echo "== Повторяющееся мероприятие: ближайшие проведения"
op event occurrence list "$kchs" --from today --limit 4
echo
echo "== Задачи на ближайшие 14 дней и просроченные"
op event agenda --days 14 || true
echo
echo "== Конфликты (площадки и VIP) на 30 дней"
op event conflicts --from today --to +30d
echo
echo "== Уроки 2023 года, перенесённые в план Дня города $city_day"
op event lesson list 8
echo
echo "== Соглашения: обязательства и сроки на 30 дней"
op agreement due --within 30d || true
echo
echo "== Меценаты $year года (по исполненным обязательствам)"
op agreement patrons --year "$year"
echo
echo "== Меценаты 2023 года: звания и знаки «Меценат»"
op agreement patrons --year 2023
echo
echo "== Выездные проверки: маршрут следующей недели"
op inspection schedule --week next
echo
echo "== Просроченные замечания по объектам"
op inspection overdue || true
echo
echo "== План работы Администрации на квартал: сроки на 10 рабочих дней и просроченные"
op plan due --plan "$plan" --within 10wd || true
echo
echo "== Исполнительская дисциплина подразделений"
op plan control --plan "$plan"
echo
echo "== Гости Дня города $city_day в порядке протокольного старшинства"
op event guests 8
echo
echo "== Делегации на День города $city_day"
op delegation list --event 8
echo
echo "== Документы"
op report run work-plan --plan "$plan" --format docx -o "$demo_dir/work-plan.docx"
op report run plan-execution --period "$year-Q$(( ($(date -d "$today" +%-m) - 1) / 3 + 1 ))" --format html -o "$demo_dir/plan-execution.html"
op report run weekly-plan --week next --format docx -o "$demo_dir/weekly-plan.docx"
op report run monthly-plan --month next --format html -o "$demo_dir/plan-next-month.html"
op report run annual --year 2023 --narrative "$here/annual-2023.toml" --format html -o "$demo_dir/annual-2023.html"
op report run agreements-register --format xlsx -o "$demo_dir/agreements-register.xlsx"
op report run experience --kind city-day --years 2023-"$year" --format docx -o "$demo_dir/experience-city-day.docx"
op event show 8 --format docx -o "$demo_dir/city-day-plan.docx"
op report run guest-list --event 8 --format docx -o "$demo_dir/guest-list.docx"
op report run delegations --event 8 --format xlsx -o "$demo_dir/delegations.xlsx"
op --format html event seating 8 --layout presidium:1x7,hall:10x20 -o "$demo_dir/seating.html"
op --format html event guests 8 -o "$demo_dir/place-cards.html"
echo
echo "Посмотреть самим: OMSKPLAN_DB=$OMSKPLAN_DB $bin event show 8"
