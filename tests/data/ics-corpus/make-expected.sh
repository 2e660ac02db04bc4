#!/usr/bin/env bash
# Writes NAME.expected beside each NAME.ics of the corpus: the occurrences that
# start in the window, one "start|end|summary" line each (Unix seconds; dates
# for all-day ones), as ical.js (Thunderbird's parser) expands the file — the
# oracle, computed once and kept. Files in refused.tsv have none; those in
# reviewed.tsv keep the reviewed one unless REVIEWED=1 (then omskplan's own
# output is written for them, to be checked by hand before it is committed).
# Usage: make-expected.sh ICAL_JS [OMSKPLAN]   (from any directory)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
icaljs=${1:?usage: make-expected.sh ICAL_JS [OMSKPLAN]}
bin=${2:-}
FROM=1990-01-01 TO=2030-01-01
listed() { grep -v '^#' "$here/$1" | cut -f1 | grep -qxF "$2"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"
for f in */*.ics; do
  listed refused.tsv "$f" && continue
  if listed reviewed.tsv "$f"; then
    [ "${REVIEWED:-}" = 1 ] || continue
    export OMSKPLAN_DB="$tmp/c.db" OMSKPLAN_TZ=Asia/Omsk OMSKPLAN_NOW="2020-01-01 00:00"
    rm -f "$tmp/c.db"
    "$bin" event import-ics --from "$FROM" --to "$TO" "$f" >/dev/null 2>&1
    "$bin" --json event list --from "$FROM" --to "$TO" >"$tmp/ours.json"
    python3 "$here/../../cli/ics_corpus_compare.py" --dump "$tmp/ours.json" "$FROM" "$TO" >"${f%.ics}.expected"
    continue
  fi
  node "$here/../../cli/icaljs-expand.cjs" "$icaljs" "$f" "$TO" "$FROM" >"${f%.ics}.expected"
done
