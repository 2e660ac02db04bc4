#!/usr/bin/env bash
# po/extract.sh BINARY OUT.pot: every message omskplan can print, as a .pot.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$1
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
find lib cmd \( -name '*.cpp' -o -name '*.hpp' \) | LC_ALL=C sort >"$tmp/files"
xgettext --from-code=UTF-8 --language=C++ --keyword= --keyword=tr --keyword=trf --keyword=trnf:1,2 --keyword=trc:1c,2 --keyword=NC_:1c,2 --keyword=N_ \
  --flag=trf:1:no-c-format --flag=trnf:1:no-c-format --flag=trnf:2:no-c-format --flag=tr:1:no-c-format --flag=trc:2:no-c-format \
  --flag=N_:1:no-c-format --flag=NC_:2:no-c-format --add-location=file --sort-by-file --no-wrap --package-name=omskplan \
  --msgid-bugs-address=omskplan@example.org -f "$tmp/files" -o "$tmp/code.pot"
"$bin" --lang en completion strings >"$tmp/cli.po"
# The header, then the CLI texts the code does not already have.
msgcat --use-first --no-wrap --sort-by-file "$tmp/code.pot" "$tmp/cli.po" -o "$out"
