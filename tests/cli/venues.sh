#!/usr/bin/env bash
# The register of venues: one place however it is typed, conflicts by the
# place, unknown venues offered as new, a venue registered twice merged.
. "$(dirname "$0")/lib.sh"
export OMSKPLAN_NOW="2023-06-20 09:00"

# Without a register, typed venues that name one place are still one place.
run event add --title "Концерт" --start "2023-08-05 20:00" --venue "Соборная площадь, Омск"
run event add --title "Митинг" --start "2023-08-05 21:00" --venue "соборная  площадь"
expect_rc 0
expect_err "conflict: venue «Соборная площадь, Омск»: #1 «Концерт»"
run undo
run undo

run venue add "Соборная площадь" --alias "Соборная пл." --alias "Площадь у Успенского собора" \
  --address "ул. Ленина" --lat 54.98512 --lon 73.36861 --capacity 20000 --owner "Департамент культуры"
expect_rc 0
expect_out "registered venue 1: Соборная площадь"
run venue add "Концертный зал Омской филармонии" --alias "Филармония" --address "ул. Ленина, 90/1" --capacity 900
expect_out "registered venue 2"
run venue add "Набережная Тухачевского"
# One name, one place.
expect_unchanged venue add "Филармония"
expect_rc 1
expect_err "'Филармония' already names venue #2 «Концертный зал Омской филармонии»"
expect_unchanged venue add "Парк" --lat 54.9
expect_err "give both --lat and --lon, or neither"
expect_unchanged venue add "Парк" --lat 95 --lon 73
expect_err "the point is not on Earth"
expect_unchanged venue add " "
expect_err "the venue's name is empty"

run venue list
expect_rc 0
expect_out "Соборная пл.; Площадь у Успенского собора"
run --json venue list
expect_eq "$(out | jq -r '.[0].name')" "Концертный зал Омской филармонии"
expect_eq "$(out | jq -r '.[] | select(.name == "Соборная площадь") | .capacity')" "20000"
run venue show "соборная пл."
expect_out "#1 Соборная площадь"
expect_out "54.98512, 73.36861"
run venue show "Соборная площать"
expect_rc 1
expect_err "no venue 'Соборная площать'; did you mean «Соборная площадь»?"

# An event names its venue as people type it; the register's name is kept.
run event add --title "Праздничный концерт" --start "2023-08-05 20:00" --duration 2h \
  --venue "Соборная пл., г. Омск" --with "Мэр города Омска"
expect_rc 0
expect_no_err "not in the register"
expect_eq "$(sql "SELECT venue || '|' || venue_id FROM event WHERE title = 'Праздничный концерт'")" "Соборная площадь|1"
# The same place under another of its names: a venue conflict.
run event add --title "Молодёжный флешмоб" --start "2023-08-05 21:00" --duration 1h --venue "Площадь у Успенского собора"
expect_rc 0
expect_err "conflict: venue «Соборная площадь»"
# A venue not in the register: free text, said, with the nearest name.
run event add --title "Выставка" --start "2023-08-06 10:00" --venue "Филармонея"
expect_rc 0
expect_err "venue «Филармонея» is not in the register; did you mean «Концертный зал Омской филармонии»? (or omskplan venue add \"Филармонея\")"
expect_eq "$(sql "SELECT venue_id IS NULL FROM event WHERE title = 'Выставка'")" "1"
x=$(sql "SELECT id FROM event WHERE title = 'Выставка'")
run --json event show "$x"
expect_eq "$(out | jq -r '.venue_id')" "null"
run event edit "$x" --venue "филармония"
expect_eq "$(sql "SELECT venue || '|' || venue_id FROM event WHERE id = $x")" "Концертный зал Омской филармонии|2"

# A rename keeps the old name as a way in.
run venue edit "Набережная Тухачевского" --name "Набережная имени Тухачевского"
expect_out "venue 3: Набережная имени Тухачевского"
run venue show "набережная тухачевского"
expect_out "#3 Набережная имени Тухачевского"

# Registered twice: merged, the events move, the names stay a way in.
run venue add "Площадь Бухгольца"
run event add --title "Открытие памятника" --start "2023-08-05 12:00" --venue "Площадь Бухгольца"
run venue add "Сквер у памятника Бухгольцу" --lat 54.9843 --lon 73.3671
run event add --title "Возложение цветов" --start "2023-08-06 12:00" --venue "Сквер у памятника Бухгольцу"
run venue merge "Сквер у памятника Бухгольцу" --into "Площадь Бухгольца"
expect_rc 0
expect_out "merged venue 5 «Сквер у памятника Бухгольцу» into 4 «Площадь Бухгольца»: 1 event moved"
expect_eq "$(sql "SELECT count(*) FROM event WHERE venue_id = 4")" "2"
expect_eq "$(sql "SELECT venue FROM event WHERE title = 'Возложение цветов'")" "Площадь Бухгольца"
run --json venue show "Площадь Бухгольца"
expect_eq "$(out | jq -r '.aliases[0]')" "Сквер у памятника Бухгольцу"
expect_eq "$(out | jq -r '.lat')" "54.9843"
expect_unchanged venue merge "Площадь Бухгольца" --into "#4"
expect_err "are the same venue"
expect_unchanged venue merge "Нет такой" --into "#4"
expect_rc 1
expect_err "no venue 'Нет такой'"
# The merge is one command: undo brings the venue and its event back.
run undo
expect_eq "$(sql "SELECT count(*) FROM venue")" "5"
expect_eq "$(sql "SELECT venue_id FROM event WHERE title = 'Возложение цветов'")" "5"
expect_eq "$(sql "PRAGMA foreign_key_check" | wc -l)" "0"

# Russian.
run --lang ru venue show "#1"
expect_out "другие названия"
expect_out "вместимость"

# The inspection days can start at a registered venue's point.
export OMSKPLAN_NOW="2024-05-03 09:00"
run inspection site add --code OB-017 --name "Школа, мкр. Амурский-2" --address "ул. 21-я Амурская" \
  --lat 55.0312 --lon 73.2644 --work construction --risk high
run inspection site add --code OB-020 --name "Мост через Омь" --address "ул. Гагарина" \
  --lat 54.9870 --lon 73.3791 --work reconstruction --risk extreme
run --json inspection schedule --week 2024-W19 --dry-run
expect_rc 0
cp "$TMP/out" "$TMP/from-admin.json"
run venue add "Администрация Ленинского округа" --lat 54.9480 --lon 73.3950
run --set "inspection.start_venue=Администрация Ленинского округа" --json inspection schedule --week 2024-W19 --dry-run
expect_rc 0
if cmp -s "$TMP/out" "$TMP/from-admin.json"; then fail "the start venue changed nothing"; else pass; fi
expect_eq "$(out | jq '[.visits[]] | length')" "$(jq '[.visits[]] | length' "$TMP/from-admin.json")"
run venue add "Дом культуры"
expect_unchanged --set "inspection.start_venue=Дом культуры" inspection schedule --week 2024-W19
expect_rc 1
expect_err "inspection.start_venue «Дом культуры» has no coordinates"
expect_unchanged --set "inspection.start_venue=Дом культуреы" inspection schedule --week 2024-W19
expect_err "no venue 'Дом культуреы'; did you mean «Дом культуры»?"
