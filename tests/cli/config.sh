#!/usr/bin/env bash
# omskplan config: layers (default < file < environment < command line), each
# setting's origin, `config init`, positioned errors in the file.
. "$(dirname "$0")/lib.sh"
CFG="$XDG_CONFIG_HOME/omskplan/config.toml"

# No file: every setting is a default, except what lib.sh exports.
run config show
expect_rc 0
expect_out "inspection.day_start"
if grep -aE '^inspection\.day_start +09:00 +default$' "$TMP/out" >/dev/null; then pass; else fail "day_start default"; fi
if grep -aE '^timezone +Asia/Omsk +OMSKPLAN_TZ$' "$TMP/out" >/dev/null; then pass; else fail "timezone from env"; fi
if grep -aE '^color +never +NO_COLOR$' "$TMP/out" >/dev/null; then pass; else fail "NO_COLOR"; fi
run config path
expect_out_is "$CFG"

# config init: a commented file that changes nothing; never overwritten without --force.
run config init
expect_rc 0
expect_err "wrote $CFG"
if [ -f "$CFG" ] && grep -q '^# day_start = "09:00"$' "$CFG"; then pass; else fail "commented file"; fi
run config show --json
expect_rc 0
expect_eq "$(jq '[.[] | select(.origin as $o | ["default","OMSKPLAN_TZ","OMSKPLAN_DB","OMSKPLAN_NOW","NO_COLOR"] | index($o) | not)] | length' "$TMP/out")" 0 \
  "settings from the commented file"
before=$(sha256sum <"$CFG")
run config init
expect_rc 1
expect_err "already exists; --force replaces it"
expect_eq "$(sha256sum <"$CFG")" "$before" "file untouched"
run config init --output -
expect_rc 0
expect_out "[inspection.max_interval_days]"
run config init --force
expect_rc 0

# The layers: a file, then the environment, then the command line.
cat >"$CFG" <<'TOML'
timezone = "Asia/Novosibirsk"   # overridden by OMSKPLAN_TZ from lib.sh
[inspection]
day_start = "08:30"
visit_days = ["wed"]
[inspection.max_interval_days]
high = 10
TOML
run config show
if grep -aE "^inspection\.day_start +08:30 +$CFG:3\$" "$TMP/out" >/dev/null; then pass; else fail "file origin with line"; fi
if grep -aE "^inspection\.max_interval_days\.high +10 +$CFG:6\$" "$TMP/out" >/dev/null; then pass; else fail "table key"; fi
OMSKPLAN_INSPECTION_DAY_START=09:15 run config show
if grep -aE '^inspection\.day_start +09:15 +OMSKPLAN_INSPECTION_DAY_START$' "$TMP/out" >/dev/null; then pass; else fail "env origin"; fi
OMSKPLAN_INSPECTION_DAY_START=09:15 run --set inspection.day_start=10:00 --tz UTC config show
if grep -aE '^inspection\.day_start +10:00 +--set$' "$TMP/out" >/dev/null; then pass; else fail "--set origin"; fi
if grep -aE '^timezone +UTC +--tz$' "$TMP/out" >/dev/null; then pass; else fail "--tz origin"; fi
run config get inspection.visit_days
expect_out_is "wed"
run config get inspection.nope
expect_rc 1
expect_err "unknown setting 'inspection.nope'"
run config show --format csv
expect_out "key,value,origin,help"

# A setting changes behaviour: the same event shown in two zones.
run event add --title "Совещание" --start "2023-08-01 10:00" --duration 1h
expect_rc 0
run event list --year 2023 --json
expect_out '"start": "2023-08-01T10:00:00+06:00"'
run --set timezone=Europe/Moscow event list --year 2023 --json
expect_out '"start": "2023-08-01T07:00:00+03:00"'

# Errors: positioned, one line, non-zero, and every command refuses to run.
printf '[inspection]\nday_strat = "08:00"\n' >"$CFG"
expect_unchanged event add --title "X" --start "2023-08-02 10:00"
expect_err "$CFG:2:1: unknown key 'inspection.day_strat', did you mean 'inspection.day_start'?"
run config show
expect_rc 1
expect_err_is "omskplan: error: $CFG:2:1: unknown key 'inspection.day_strat', did you mean 'inspection.day_start'?"
printf 'timezone = "Asia/Omsk\n' >"$CFG"
run config show
expect_rc 1
expect_err "$CFG:1:"
printf '[event]\ntravel_buffer = 30\n' >"$CFG"
run config show
expect_err "$CFG:2:17: event.travel_buffer must be a string"
# `config init --force` mends a broken file.
run config init --force
expect_rc 0
run config show
expect_rc 0
rm "$CFG"
run --set colour=never config show
expect_rc 1
expect_err "--set 'colour=never': unknown key 'colour', did you mean 'color'?"
OMSKPLAN_INSPECTION_MAX_SITES=many run config show
expect_rc 1
expect_err "OMSKPLAN_INSPECTION_MAX_SITES: inspection.max_sites must be a whole number, not 'many'"
run --config "$TMP/none.toml" config show
expect_rc 1
expect_err "--config '$TMP/none.toml': no such config file"
OMSKPLAN_CONFIG="$TMP/none.toml" run config show
expect_err "OMSKPLAN_CONFIG '$TMP/none.toml': no such config file"
printf 'lang = "ru"\n' >"$TMP/other.toml"
run --config "$TMP/other.toml" config get lang
expect_out_is "ru"
run --lang de config show
expect_rc 2

# docs/config.md lists every setting.
run config show --json
for key in $(jq -r '.[].key' "$TMP/out" | grep -v -e '^agreement\.titles_per_year\.' -e '^inspection\.max_interval_days\.'); do
  if grep -qF "\`$key\`" "$SRC/docs/config.md"; then pass; else fail "docs/config.md does not list $key"; fi
done
