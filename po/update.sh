#!/usr/bin/env bash
# Regenerates po/omskplan.pot — the messages marked in lib/ and cmd/ (tr, trf,
# trnf, N_) and the texts of the command-line definition (from the built
# binary) — and merges it into po/ru.po. Then translate what msgmerge marked
# new or fuzzy and rebuild; the i18n_catalog test checks nothing is left.
#   po/update.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
po/extract.sh "$build/cmd/omskplan/omskplan" "$tmp/omskplan.pot"
cp "$tmp/omskplan.pot" po/omskplan.pot
msgmerge --quiet --update --backup=none --no-wrap po/ru.po po/omskplan.pot
msgfmt --check --statistics -o /dev/null po/ru.po
