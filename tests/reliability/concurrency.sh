#!/usr/bin/env bash
# Concurrency: WRITERS processes each doing WRITES mixed writes on one
# database at once (event add and edit, task done, finding add, agreement
# obligation done, the schedule of different weeks), with readers listing all
# the while. Every command must succeed (no "database is locked"), and every
# write must be there.
. "$(dirname "$0")/../cli/lib.sh"
WRITERS=${WRITERS:-4}
WRITES=${WRITES:-500}
export OMSKPLAN_NOW="2026-11-27 09:00"

run db init
run agreement org add --name "ООО «Сибирский строитель»" --inn 5504945804
run agreement add --org 1 --title "О сотрудничестве" --number 1 --sphere sport --signed 2026-01-10
# Obligations for the writers to fulfil, one per writer's turn.
sqlite3 "$OMSKPLAN_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $((WRITERS * WRITES)))
  INSERT INTO obligation(agreement_id, no, party, text, due) SELECT 1, i, 'partner', 'Обязательство ' || i, '2026-12-01' FROM n;"
run inspection site add --code S-1 --name "Объект" --work construction --risk high --lat 55.0 --lon 73.3
expect_rc 0

writer() { # id
  local w=$1 fails=0 locked=0 k op out
  for k in $(seq 1 "$WRITES"); do
    op=$((k % 6))
    case $op in
      0) out=$("$BIN" --quiet event add --title "Совещание $w-$k" --start "2027-01-$(printf '%02d' $((k % 28 + 1))) $((8 + w)):00" \
               --venue "Кабинет $w" 2>&1) ;;
      1) out=$("$BIN" --quiet event add --title "Встреча $w-$k" --start "2027-02-$(printf '%02d' $((k % 28 + 1))) $((8 + w)):30" 2>&1) ;;
      2) out=$("$BIN" inspection finding add --site S-1 --text "Замечание $w-$k" --due 2027-01-01 2>&1) ;;
      3) out=$("$BIN" agreement obligation done 1 $(((w - 1) * WRITES + k)) --on 2026-11-20 2>&1) ;;
      4) out=$("$BIN" inspection schedule --week "$((2027 + w))-W$(printf '%02d' $((k % 50 + 1)))" 2>&1) ;;
      5) out=$("$BIN" event list --venue "Кабинет $w" --quiet 2>&1) ;;
    esac
    if [ $? -ne 0 ]; then
      fails=$((fails + 1))
      echo "writer $w op $op: $out" >>"$TMP/failures.txt"
    fi
    case $out in *locked*) locked=$((locked + 1)) ;; esac
  done
  echo "$fails $locked" >"$TMP/writer-$w.txt"
}

reader() {
  while [ ! -e "$TMP/stop" ]; do
    "$BIN" event list --quiet >/dev/null 2>>"$TMP/reader-errors.txt" || echo "reader failed" >>"$TMP/reader-errors.txt"
  done
}

reader & r1=$!
reader & r2=$!
start=$(date +%s)
for w in $(seq 1 "$WRITERS"); do writer "$w" & done
wait $(jobs -p | grep -v -e "^$r1$" -e "^$r2$") 2>/dev/null
touch "$TMP/stop"
wait "$r1" "$r2"
end=$(date +%s)

total_fails=0
total_locked=0
for w in $(seq 1 "$WRITERS"); do
  read -r f l <"$TMP/writer-$w.txt"
  total_fails=$((total_fails + f))
  total_locked=$((total_locked + l))
done
expect_eq "$total_fails" "0" "(failed commands; see $TMP/failures.txt)"
expect_eq "$total_locked" "0" "(database is locked)"
expect_eq "$(cat "$TMP/reader-errors.txt" 2>/dev/null | wc -l)" "0" "(reader errors)"
per_op() { # how many k in 1..WRITES have k % 6 == op
  if [ "$1" = 0 ]; then echo $((WRITES / 6)); else echo $(( (WRITES - $1) / 6 + 1 )); fi
}
expect_eq "$(sql "SELECT count(*) FROM event")" "$((WRITERS * ($(per_op 0) + $(per_op 1))))"
expect_eq "$(sql "SELECT count(*) FROM finding")" "$((WRITERS * $(per_op 2)))"
expect_eq "$(sql "SELECT count(*) FROM obligation WHERE done_on IS NOT NULL")" "$((WRITERS * $(per_op 3)))"
expect_eq "$(sql "SELECT count(DISTINCT week) FROM visit")" "$(sql "SELECT count(*) FROM (SELECT DISTINCT week FROM visit)")"
expect_eq "$(sql "PRAGMA integrity_check")" "ok"
echo "concurrency: $WRITERS writers × $WRITES writes in $((end - start)) s, $total_fails failed, $total_locked locked, 2 readers"

# Undo under concurrency: each writer is another OS user (as root, through
# setpriv) who adds an event and undoes at once, while the others do the same.
# Every undo must take its own user's command, never another writer's.
if [ "$(id -u)" -eq 0 ]; then
  users=(root nobody daemon bin)
  chmod 0777 "$TMP"
  # The sqlite3 shell of the checks above deleted the WAL and its index when it
  # closed (omskplan keeps them). Made again before the users race: SQLite
  # creates each with the database's mode through open() and then fchmod()
  # (the umask in between), and a user who opens it in that window gets it
  # read-only ("attempt to write a readonly database"). A reading command
  # makes both; omskplan never deletes them.
  "$BIN" --quiet event list --limit 1 >/dev/null
  chmod 0666 "$OMSKPLAN_DB" "$OMSKPLAN_DB-wal" "$OMSKPLAN_DB-shm"
  undo_writer() { # index
    local w=$1 u=${users[$1]} k out wrong=0 fails=0
    local as=()
    [ "$u" = root ] || as=(setpriv --reuid="$u" --regid="$(id -g "$u")" --clear-groups)
    for k in $(seq 1 $((WRITES / 10 + 1))); do
      "${as[@]}" "$BIN" event add --title "Отмена $u-$k" --start "2028-03-01 10:00" >/dev/null 2>>"$TMP/undo-failures.txt" ||
        fails=$((fails + 1))
      out=$("${as[@]}" "$BIN" undo 2>&1) || fails=$((fails + 1))
      case $out in *"of $u at"*"Отмена $u-$k"*) ;; *) wrong=$((wrong + 1)); echo "$u: $out" >>"$TMP/undo-wrong.txt" ;; esac
    done
    echo "$fails $wrong" >"$TMP/undo-$w.txt"
  }
  for w in 0 1 2 3; do undo_writer "$w" & done
  wait
  undo_fails=0 undo_wrong=0
  for w in 0 1 2 3; do
    read -r f x <"$TMP/undo-$w.txt"
    undo_fails=$((undo_fails + f))
    undo_wrong=$((undo_wrong + x))
  done
  expect_eq "$undo_fails" "0" "(failed adds or undos; see $TMP/undo-failures.txt)"
  expect_eq "$undo_wrong" "0" "(undos that took another user's command; see $TMP/undo-wrong.txt)"
  expect_eq "$(sql "SELECT count(*) FROM event WHERE title LIKE 'Отмена %'")" "0"
  chmod 0700 "$TMP"
  echo "undo: 4 users × $((WRITES / 10 + 1)) add-and-undo pairs at once, $undo_wrong took another user's command"
else
  fail "the concurrent per-user undo runs as root (setpriv to other users)"
fi
