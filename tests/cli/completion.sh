#!/usr/bin/env bash
# Shell completions generated from the CLI definition: every subcommand is in
# each script, and the bash function completes commands, options, enum values
# and ids of existing events and templates.
. "$(dirname "$0")/lib.sh"

run event new --template city-day --date 2024-08-03
expect_rc 0
for sh in bash zsh fish; do
  run completion "$sh"
  expect_rc 0
  cp "$TMP/out" "$TMP/omskplan.$sh"
  for sub in event agreement inspection report template db history undo completion \
    new add list show edit status delete task agenda conflicts lesson clone import \
    org obligation due patrons award badge ceremony site agency member schedule plan visit finding overdue \
    run check backup restore migrate; do
    if grep -qw -- "$sub" "$TMP/omskplan.$sh"; then pass; else fail "$sh script lacks the subcommand $sub"; fi
  done
done
run completion tcsh
expect_rc 1
expect_err "shell 'tcsh' is not one of bash, zsh, fish"
bash -n "$TMP/omskplan.bash"
expect_eq "$?" "0" "(the bash script does not parse)"

# complete WORDS…: what the bash function offers for the last word.
complete() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _omskplan; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$TMP/omskplan.bash" "$@" | sort | tr '\n' ' '
}
expect_eq "$(complete "$BIN" ev)" "event "
expect_eq "$(complete "$BIN" event ta)" "task "
expect_eq "$(complete "$BIN" event task "")" "add cancel done edit list move reopen "
expect_eq "$(complete "$BIN" event list --kind ci)" "city-day "
expect_eq "$(complete "$BIN" --format j)" "json "
expect_eq "$(complete "$BIN" -f x)" "xlsx "
expect_eq "$(complete "$BIN" event add --ti)" "--title "
expect_eq "$(complete "$BIN" --js)" "--json "
expect_eq "$(complete "$BIN" event show "")" "1 2 3 4 5 "
expect_eq "$(complete "$BIN" --db "$OMSKPLAN_DB" event edit "")" "1 2 3 4 5 "
expect_eq "$(complete "$BIN" event new --template vic)" "victory-day "
expect_eq "$(complete "$BIN" report run mon)" "monthly-plan "
# A value that follows an option is not taken for a subcommand.
expect_eq "$(complete "$BIN" event list --venue event "")" ""
# Settings for `config get`, languages for --lang.
expect_eq "$(complete "$BIN" config get inspection.day_s)" "inspection.day_start "
expect_eq "$(complete "$BIN" --lang r)" "ru "
run completion ids planet
expect_rc 1
expect_err "id kind 'planet' is not one of event, site, unit, plan, template, report, setting"

# zsh runs the same candidate logic; fish has its own script. Checked where installed (.ci/run installs both).
if need zsh; then
  zsh -n "$TMP/omskplan.zsh"
  expect_eq "$?" "0" "(the zsh script does not parse)"
  zc() { zsh -c 'source "$1" 2>/dev/null; shift; _omskplan_candidates "$@"' _ "$TMP/omskplan.zsh" "$@" | sort | tr '\n' ' '; }
  expect_eq "$(zc 1 "$BIN" ev)" "event "
  expect_eq "$(zc 3 "$BIN" event task "")" "add cancel done edit list move reopen "
  expect_eq "$(zc 4 "$BIN" event list --kind ci)" "city-day "
  expect_eq "$(zc 2 "$BIN" event "")" "$(complete "$BIN" event "")"
  expect_eq "$(zc 2 "$BIN" --db "")" "::file "
  expect_eq "$(zc 3 "$BIN" event show "")" "1 2 3 4 5 "
else
  echo "zsh: skipped (not installed)"
fi
if need fish; then
  fish -n "$TMP/omskplan.fish"
  expect_eq "$?" "0" "(the fish script does not parse)"
  mkdir -p "$TMP/bin"
  ln -sf "$BIN" "$TMP/bin/omskplan"
  fc() { fish -c "set PATH $TMP/bin \$PATH; source $TMP/omskplan.fish; complete -C '$1'" | cut -f1 | sort | tr '\n' ' '; }
  expect_eq "$(fc 'omskplan ev')" "event "
  expect_eq "$(fc 'omskplan event task ')" "add cancel done edit list move reopen "
  expect_eq "$(fc 'omskplan event list --kind ci')" "city-day "
  expect_eq "$(fc 'omskplan --format j')" "json "
  expect_eq "$(fc 'omskplan event show ')" "1 2 3 4 5 "
else
  echo "fish: skipped (not installed)"
fi
