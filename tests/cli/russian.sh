#!/usr/bin/env bash
# The Russian interface from end to end: the demo (examples/demo.sh) run in
# Russian on a frozen day, then every list, card, report and document of its
# database in every format, warnings and errors, each checked by
# russian_check.py: no Latin word outside the allow-list (ids, codes, file
# names, options, what is typed), no «№1» or «#58», no value in ASCII quotes.
# The bad-input corpus is checked the same way in Russian by corpus.sh.
. "$(dirname "$0")/lib.sh"
need python3 jq || exit 1

export OMSKPLAN_NOW="2024-05-15 10:00" OMSKPLAN_LANG=ru
out_dir="$TMP/ru"
mkdir -p "$out_dir"
n=0

# capture LABEL ARGS…: runs omskplan, keeps what it printed (stdout and stderr) for the check.
capture() {
  local label=$1
  shift
  n=$((n + 1))
  # The label names the command: what the user typed may come back in the output.
  { echo "# $label: $*"; "$BIN" "$@" 2>&1 </dev/null; } >"$out_dir/$n.txt"
}
# doc LABEL FILE: a written document (docx, xlsx, html, md) for the check.
doc() { n=$((n + 1)); printf '%s\n' "$1" >"$out_dir/$n.label"; cp "$2" "$out_dir/$n.${2##*.}"; }

# 1. The demo, in Russian, with everything it prints.
{
  echo "# examples/demo.sh"
  OMSKPLAN_BIN="$BIN" OMSKPLAN_DEMO_DIR="$TMP/demo" bash "$SRC/examples/demo.sh" 2>&1
} >"$out_dir/0.txt"
rc=$?
expect_rc 0
export OMSKPLAN_DB="$TMP/demo/demo.db"
for f in "$TMP"/demo/*.docx "$TMP"/demo/*.html "$TMP"/demo/*.xlsx; do
  doc "demo: ${f##*/}" "$f"
done

# 2. Every list and card of the demo's database, in the formats people read.
series=$("$BIN" event list --from 2024-05-01 --to 2024-06-30 --json | jq -r '[.[] | select(.repeat != null)][0].id')
for fmt in table md; do
  capture "event list ($fmt)" event list --from 2023-01-01 --to 2025-12-31 --format "$fmt"
  capture "agreement list ($fmt)" agreement list --format "$fmt"
  capture "inspection site list ($fmt)" inspection site list --format "$fmt"
  capture "plan list ($fmt)" plan list --format "$fmt"
done
capture "event show 2" event show 2
capture "event show 8 (md)" event show 8 --format md
capture "event show series" event show "$series"
capture "event occurrence list" event occurrence list "$series" --from 2024-01-01 --limit 12
capture "event task list" event task list 8
capture "event program list" event program list 2
capture "event lesson list" event lesson list 8
capture "event agenda" event agenda --days 30
capture "event conflicts" event conflicts --from 2023-01-01 --to 2025-12-31
capture "venue list" venue list
capture "venue show" venue show "Соборная площадь"
capture "agreement show" agreement show 1
capture "agreement org list" agreement org list
capture "agreement org show" agreement org show 1
capture "agreement obligation list" agreement obligation list 1
capture "agreement due" agreement due --within 60d
capture "agreement patrons 2023" agreement patrons --year 2023
capture "agreement patrons 2024" agreement patrons --year 2024
capture "agreement award list" agreement award list
capture "agreement badge list" agreement badge list
capture "inspection site show" inspection site show OB-007
capture "inspection schedule --explain" inspection schedule --week next --explain --dry-run
capture "inspection plan" inspection plan --week next
capture "inspection plan (md)" inspection plan --week next --format md
capture "inspection overdue" inspection overdue
capture "inspection finding list" inspection finding list
capture "inspection finding history" inspection finding history 1
capture "inspection agency list" inspection agency list
capture "unit list" unit list
capture "unit show" unit show ОрО
capture "plan show" plan show 1
capture "plan item show" plan item show 1 1
capture "plan due" plan due --within 10wd
capture "plan control" plan control --plan 1
capture "plan amendments" plan amendments 1
capture "plan templates" plan templates
capture "history" history --limit 30
capture "history --commands" history --commands --limit 30
capture "history of an agreement" history --entity agreement --id 1
capture "config show" config show
capture "template list" template list
capture "template show" template show city-day
capture "report list" report list
capture "db check" db check

# 3. Every shipped report as text, Markdown and each document format.
reports="agreements-register annual experience monthly-plan patrons plan-execution weekly-inspections weekly-plan work-plan"
for r in $reports; do
  case $r in
    annual) args=(--year 2023) ;;
    experience) args=(--kind city-day --years 2023-2024) ;;
    monthly-plan) args=(--month 2024-05) ;;
    patrons) args=(--year 2023) ;;
    plan-execution) args=(--period 2024-Q2) ;;
    weekly-inspections) args=(--week 2024-W20) ;;
    weekly-plan) args=(--week 2024-W20) ;;
    work-plan) args=(--plan 1) ;;
    *) args=() ;;
  esac
  capture "report $r (text)" report run "$r" "${args[@]}" --format text
  capture "report $r (md)" report run "$r" "${args[@]}" --format md
  for fmt in html docx xlsx; do
    if "$BIN" report run "$r" "${args[@]}" --format "$fmt" -o "$TMP/$r.$fmt" >"$TMP/out" 2>&1; then
      doc "report $r ($fmt)" "$TMP/$r.$fmt"
    else
      fail "report run $r --format $fmt: $(head -c 300 "$TMP/out")"
    fi
  done
done
"$BIN" event show 8 --format docx -o "$TMP/event-8.docx" && doc "event show 8 (docx)" "$TMP/event-8.docx"
"$BIN" inspection plan --week next --format docx -o "$TMP/memo.docx" && doc "inspection memo (docx)" "$TMP/memo.docx"

# 4. Warnings and errors the suites produce, in Russian.
capture "event add: a VIP conflict warning" event add --title "Встреча" --start "2024-05-27 10:30" --with "Мэр города Омска" --dry-run
capture "event status: not allowed" event status 1 planned
capture "agreement status: not allowed" agreement status 1 draft
capture "agreement list: bad status" agreement list --status activ
capture "inspection finding status: not allowed" inspection finding status 1 verified
capture "plan item done: in a draft" plan item done 99 1
capture "unknown shell" completion tcsh
capture "an unknown command" evnet list
capture "a newer database" db check --database "$SRC/README.md"
capture "a broken iCalendar file" event import-ics "$SRC/tests/cli/russian.sh"

# Ids people type, allowed where they are listed: templates, reports, the sections of plan templates.
russian_allow >"$TMP/allow.txt"
# What the demo typed and imported comes back verbatim («распоряжение … № 56-р» as typed).
: >"$TMP/typed.txt"
if python3 "$(dirname "$0")/russian_check.py" "$out_dir" "$TMP/allow.txt" "$TMP/typed.txt" "$SRC/examples/demo.sh" \
  "$SRC"/examples/demo/* >"$TMP/check.log" 2>&1; then
  pass
else
  fail "Russian output with English in it (or «№1», or ASCII-quoted values):
$(head -60 "$TMP/check.log")"
fi
tail -1 "$TMP/check.log"
