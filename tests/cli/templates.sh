#!/usr/bin/env bash
# Templates: list, show, preview, check, user overrides.
. "$(dirname "$0")/lib.sh"

run template list
expect_rc 0
for id in city-day victory-day conference round-table seminar opening concert patron-ceremony; do
  expect_out "$id"
done
run --json template show city-day
expect_eq "$(out | jq -r '.anniversary_base')" "1716"
expect_eq "$(out | jq -r '[.parts[].venue] | join(", ")')" "Соборная площадь, Концертный зал Омской филармонии, Соборная площадь, Набережная Тухачевского"
expect_eq "$(out | jq -r '.parts[2].vips[0]')" "Мэр города Омска"
run template show victory-day --date 2024-05-09
expect_out "79-я годовщина Победы"
run template check "$SRC/examples/templates/city-day.toml"
expect_rc 0
expect_out "ok: template 'city-day'"

cat >"$TMP/bad.toml" <<'TOML'
id = "bad"
name = "Плохой"
kind = "concert"
title = "Концерт"
venu = "Зал"
TOML
run template check "$TMP/bad.toml"
expect_rc 1
expect_err_is "omskplan: error: $TMP/bad.toml:5:1: unknown key 'venu'; expected one of: anniversary_base, deadline_days_off, duration, id, kind, level, name, notes, organizer, part, participant, program, start_time, tags, task, title, venue"
printf 'id = "x"\nname = "x\n' >"$TMP/broken.toml"
run template check "$TMP/broken.toml"
expect_rc 1
expect_err "$TMP/broken.toml:2:"
printf '\xff\xfe' >"$TMP/binary.toml"
run template check "$TMP/binary.toml"
expect_err "not valid UTF-8"
run template check "$TMP/nothing.toml"
expect_err "cannot read: no such file or directory"

# A user template of the same id wins; a broken user template is reported by name.
mkdir -p "$XDG_CONFIG_HOME/omskplan/templates"
sed -e 's/anniversary_base = 1716/anniversary_base = 1628/' "$SRC/examples/templates/city-day.toml" \
  >"$XDG_CONFIG_HOME/omskplan/templates/city-day.toml"
run template list
expect_out "$XDG_CONFIG_HOME/omskplan/templates/city-day.toml (overrides another)"
run event new --template city-day --date 2028-08-05 --dry-run
expect_out "400-летие"
run event new --template city-day --date 2024-08-03 --base 1716 --dry-run
expect_out "308-летие"
# The base year can also come from config.toml.
rm "$XDG_CONFIG_HOME/omskplan/templates/city-day.toml"
printf '[anniversary_base]\ncity-day = 1628\n' >"$XDG_CONFIG_HOME/omskplan/config.toml"
run event new --template city-day --date 2028-08-05 --dry-run
expect_out "400-летие"
rm "$XDG_CONFIG_HOME/omskplan/config.toml"
cp "$TMP/bad.toml" "$XDG_CONFIG_HOME/omskplan/templates/bad.toml"
run template list
expect_rc 0
expect_err "omskplan: warning: skipping template $XDG_CONFIG_HOME/omskplan/templates/bad.toml:5:1: unknown key 'venu'"
run event new --template bad --date 2024-01-10
expect_rc 1
expect_err "bad.toml:5:1: unknown key 'venu'"

# A template from standard input.
"$BIN" template check - <"$SRC/examples/templates/city-day.toml" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0
expect_out "-: ok: template 'city-day'"
printf 'id = "x"\n' | "$BIN" template check - >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 1
expect_err "<stdin>"
