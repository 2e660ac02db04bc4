#!/usr/bin/env bash
# Real clients' calendars (tests/data/ics-corpus: Google, Outlook, Exchange,
# Zimbra, SabreDAV, DAVx5, Cyrus, Evolution, Thunderbird…, unchanged from the
# public test suites of ical.js and python-recurring-ical-events): each file is
# imported into an empty database, and the occurrences omskplan then lists in
# the window are exactly those its .expected file holds (ical.js's expansion,
# or a reviewed one: reviewed.tsv). A file in refused.tsv must be refused with
# one error line saying what is wrong, and nothing written. The counts must be
# those docs/icalendar.md states.
. "$(dirname "$0")/lib.sh"
# Not shadowed in Russian: what is checked here is what is imported; the import's
# messages are checked in Russian by cli_import_ics (the files' own words would
# read as untranslated English here).
unset OMSKPLAN_SHADOW_RU
CORPUS="$SRC/tests/data/ics-corpus"
FROM=1990-01-01 TO=2030-01-01
export OMSKPLAN_NOW="2020-01-01 00:00"
listed() { grep -v '^#' "$CORPUS/$1" | awk -F'\t' -v f="$2" '$1 == f {print $2; found=1} END {exit !found}'; }
# ICS_CORPUS_EVERY=N: every Nth file only (the sanitizer pass of .ci/run; the
# normal build reads them all, and only then are the counts checked).
every=${ICS_CORPUS_EVERY:-1}
files=0 matched=0 reviewed=0 refused=0
cd "$CORPUS" || exit 1
for f in */*.ics; do
  files=$((files + 1))
  [ $((files % every)) -eq 0 ] || continue
  # A new database each file (the import creates it).
  export OMSKPLAN_DB="$TMP/corpus.db"
  rm -f "$OMSKPLAN_DB"
  if says=$(listed refused.tsv "$f"); then
    run event import-ics --from "$FROM" --to "$TO" "$f"
    if [ "$rc" = 1 ] && [ "$(grep -c 'omskplan: error:' "$TMP/err")" = 1 ] && grep -qF -- "$says" "$TMP/err" &&
      [ "$(sql "SELECT count(*) FROM event")" = 0 ]; then
      pass
      refused=$((refused + 1))
    else
      fail "$f: expected a refusal saying '$says', got rc $rc: $(head -c 300 "$TMP/err")"
    fi
    continue
  fi
  run event import-ics --from "$FROM" --to "$TO" "$f"
  if [ "$rc" != 0 ]; then
    fail "$f: import failed: $(grep error "$TMP/err" | head -c 300)"
    continue
  fi
  run --json event list --from "$FROM" --to "$TO"
  cp "$TMP/out" "$TMP/ours.json"
  if python3 "$SRC/tests/cli/ics_corpus_compare.py" "$TMP/ours.json" "${f%.ics}.expected" "$FROM" "$TO" >"$TMP/cmp"; then
    pass
    if listed reviewed.tsv "$f" >/dev/null; then reviewed=$((reviewed + 1)); else matched=$((matched + 1)); fi
  else
    fail "$f: $(head -c 400 "$TMP/cmp")"
  fi
done
echo "ics corpus: $files files, $matched as ical.js expands them, $reviewed as reviewed, $refused refused" >&2
# The counts docs/icalendar.md states.
[ "$every" = 1 ] || files=$(ls */*.ics | wc -l)
line="$files files: $matched imported as ical.js expands them, $reviewed as reviewed where ical.js fails or is wrong, $refused refused with the reason"
if [ "$every" != 1 ]; then :; elif grep -qF -- "$line" "$SRC/docs/icalendar.md"; then pass; else
  fail "docs/icalendar.md does not say: $line"
fi
# Importing again changes nothing (matched by UID and occurrence).
export OMSKPLAN_DB="$TMP/again.db"
run db init
run event import-ics --from "$FROM" --to "$TO" recurring-ical-events/issue_75_range_parameter.ics
expect_rc 0
run event import-ics --from "$FROM" --to "$TO" recurring-ical-events/issue_75_range_parameter.ics
expect_out "0 created, 0 updated"
finish
