#!/usr/bin/env bash
# JSON import: the format --json prints, all or nothing, idempotent.
. "$(dirname "$0")/lib.sh"

run event new --template city-day --date 2023-08-05
run event new --template conference --date 2023-10-12
run event lesson add 1 "Нужна вторая сцена"
run --json event list
cp "$TMP/out" "$TMP/export.json"

export OMSKPLAN_DB="$TMP/other.db"
run event import "$TMP/export.json"
expect_rc 0
expect_out_is "6 created, 0 updated, 0 unchanged"
h1=$(db_hash)
run event import "$TMP/export.json"
expect_out_is "0 created, 0 updated, 6 unchanged"
run --json event list
jq 'map(del(.id, .created, .updated, .cloned_from))' "$TMP/export.json" >"$TMP/a.json"
out | jq 'map(del(.id, .created, .updated, .cloned_from))' >"$TMP/b.json"
if cmp -s "$TMP/a.json" "$TMP/b.json"; then pass; else fail "round trip differs: $(diff "$TMP/a.json" "$TMP/b.json" | head -5)"; fi

# stdin, dry run.
jq '.[0].title = "День города (изменён)"' "$TMP/export.json" >"$TMP/changed.json"
before=$(db_hash)
"$BIN" event import --dry-run - <"$TMP/changed.json" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0
expect_out_is "dry run: 0 created, 1 updated, 5 unchanged"
expect_eq "$(db_hash)" "$before" "(dry run wrote)"
run event import "$TMP/changed.json"
expect_out_is "0 created, 1 updated, 5 unchanged"

# All or nothing, errors name the record and the field.
jq '. + [{"title": "Новое", "kind": "concert", "start": "2023-11-01T18:00:00+06:00", "end": "2023-11-01T20:00:00+06:00"}, {"title": "Плохое", "kind": "concert", "start": "2023-11-31T18:00:00+06:00", "end": "2023-11-31T20:00:00+06:00"}]' \
  "$TMP/export.json" >"$TMP/bad.json"
expect_unchanged event import "$TMP/bad.json"
expect_err "bad.json: record 8: field 'start': invalid date '2023-11-31': no such day"
echo '{"events": [{"title": 1}]}' >"$TMP/shape.json"
expect_unchanged event import "$TMP/shape.json"
expect_err "record 1: field 'title': must be a string"
echo '[{"title": "x", "kind": "concert", "start": "2023-11-01T18:00:00+06:00", "end": "2023-11-01T20:00:00+06:00", "tasks": [{"title": "a", "due": "2023-13-01"}]}]' >"$TMP/task.json"
expect_unchanged event import "$TMP/task.json"
expect_err "field 'tasks[0].due': invalid date '2023-13-01': expected YYYY-MM-DD"
printf '[{"title": "x",' >"$TMP/broken.json"
expect_unchanged event import "$TMP/broken.json"
expect_err "not valid JSON"
expect_unchanged event import "$TMP/missing.json"
expect_err "missing.json: cannot read"
