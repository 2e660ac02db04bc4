#!/usr/bin/env bash
# Trust (issue 12): undo never takes someone else's work, restore restores,
# temporary files are safe, reading commands never write, dry runs take no
# lock, files get the modes they should. Each block reproduces what was found.
. "$(dirname "$0")/lib.sh"

# ---- Undo: a command that changed nothing is undone as itself ----
run agreement org import "$SRC/examples/demo/organizations.json"
expect_out "6 created"
run agreement org import "$SRC/examples/demo/organizations.json"
expect_out "0 created, 0 updated, 6 unchanged"
run undo
expect_rc 0
expect_out "undid command 2 of $(id -un)"
expect_out "which changed nothing"
expect_eq "$(sql "SELECT count(*) FROM organization")" "6" "(undo of a no-op reverted the import before it)"
run undo
expect_out "undid command 1"
expect_eq "$(sql "SELECT count(*) FROM organization")" "0"

# ---- Undo a named command; a later change to the same rows stops it ----
run event add --title "Первое" --start "2024-09-01 10:00"
first=$(sql "SELECT max(id) FROM command WHERE argv LIKE '%Первое%'")
run event add --title "Второе" --start "2024-09-02 10:00"
run event edit 1 --title "Первое, исправлено"
edit=$(sql "SELECT max(id) FROM command WHERE argv LIKE '%исправлено%'")
run undo --dry-run --command "$first"
expect_rc 1
expect_err "command $edit of $(id -un)"
expect_err "changed the same rows since; undo that first, or use --force"
run undo --command "$first" --force --dry-run
expect_rc 0
expect_out "would undo command $first"
expect_out "  event 1: delete (it was inserted)"
expect_out "--force: the changes of command $edit to these rows are reverted too"
expect_eq "$(sql "SELECT title FROM event WHERE id = 1")" "Первое, исправлено" "(a dry run wrote)"
run undo --dry-run
expect_out "  event 1: put back title, sequence"
run undo --command "$first" --force
expect_rc 0
expect_eq "$(sql "SELECT group_concat(title) FROM event")" "Второе"
run history --commands --limit 5
expect_out "USER"
expect_out "undone by"
# Ids are never used again: the next event is not the undone one's.
run event add --title "Третье" --start "2024-09-03 10:00"
expect_eq "$(sql "SELECT id FROM event WHERE title = 'Третье'")" "3"

# ---- Undo is per user: another user's later command is not taken ----
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
  chmod 0666 "$OMSKPLAN_DB" "$OMSKPLAN_DB-wal" "$OMSKPLAN_DB-shm" 2>/dev/null
  chmod 0777 "$TMP"
  run event add --title "Опечатка" --start "2024-10-01 10:00"
  setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
    "$BIN" inspection site add --code CRON-1 --name "Объект cron" --work construction --risk low >"$TMP/out" 2>"$TMP/err"
  expect_eq "$?" "0" "(nobody could not write: $(cat "$TMP/err"))"
  run undo
  expect_out "of root"
  expect_out "Опечатка"
  expect_eq "$(sql "SELECT count(*) FROM site WHERE code = 'CRON-1'")" "1" "(undo took another user's work)"
  expect_eq "$(sql "SELECT count(*) FROM event WHERE title = 'Опечатка'")" "0"
  run history --commands --user nobody
  expect_out "nobody"
  expect_out "inspection site add"
  chmod 0700 "$TMP"
else
  fail "the per-user undo check runs as root (setpriv to nobody)"
fi

# ---- The audit log keeps what changed: an obligation, not the agreement twice ----
run agreement org add --name "ООО «Тест»" --inn 5504945804
run agreement add --org 5504945804 --title "О спорте" --number 1-С --sphere sport --signed 2023-06-01
agr=$(sql "SELECT max(id) FROM agreement")
for i in $(seq 1 40); do
  "$BIN" agreement obligation add "$agr" --text "Обязательство $i" >/dev/null 2>&1
done
expect_eq "$(sql "SELECT count(*) FROM obligation")" "40"
last=$(sql "SELECT length(before) + length(after) FROM audit WHERE entity = 'agreement' ORDER BY id DESC LIMIT 1")
expect_eq "$([ "$last" -lt 1500 ] && echo small)" "small" "(the 40th obligation's audit row is $last bytes)"

# ---- Temporary files: exclusive, never through a planted symlink ----
echo "секрет" >"$TMP/victim"
mkdir -p "$TMP/shared"
# Symlinks at the names older versions used (".NAME.tmp-PID") for the next 400 PIDs, planted
# by one process so that the commands below get PIDs in that range.
perl -e 'for my $p ($$ + 1 .. $$ + 400) { for my $n (qw(plan.html backup.db config.toml)) {
  symlink($ARGV[0], "$ARGV[1]/.$n.tmp-$p") or die "$!" } }' "$TMP/victim" "$TMP/shared"
run report run monthly-plan --month 2024-09 --format html -o "$TMP/shared/plan.html"
expect_rc 0
run db backup "$TMP/shared/backup.db"
expect_rc 0
run config init -o "$TMP/shared/config.toml"
expect_rc 0
expect_eq "$(cat "$TMP/victim")" "секрет" "(a planted symlink was followed)"
expect_eq "$(find "$TMP/shared" -name '*omskplan-tmp*' | wc -l)" "0" "(temporary files left)"
expect_eq "$(stat -c %a "$TMP/shared/backup.db")" "600"

# ---- Killed in the middle: the next run of the command cleans up after it ----
for i in $(seq 1 30); do
  "$BIN" event add --title "Событие $i" --start "2024-11-0$((i % 9 + 1)) 10:00" >/dev/null 2>&1
done
mkdir "$TMP/k"
kills=0
for i in 1 2 3 4 5 6 7 8; do
  "$BIN" db backup "$TMP/k/b.db" >/dev/null 2>&1 &
  pid=$!
  sleep "0.00$i"
  kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
  wait "$pid" 2>/dev/null
  rm -f "$TMP/k/b.db"
done
# And one left as a killed run of an older version or another process leaves it.
mkdir "$TMP/k/.b.db.omskplan-tmp-99999999-abcdef"
echo half >"$TMP/k/.b.db.omskplan-tmp-99999999-abcdef/b.db"
echo half >"$TMP/k/.b.db.tmp-99999999"
run db backup "$TMP/k/b.db"
expect_rc 0
expect_eq "$(ls -A "$TMP/k")" "b.db" "(stale temporaries of killed runs ($kills kills) were not cleaned)"
ls -A "$TMP/k" >"$TMP/out"

# ---- Restore: whatever state the live database is in ----
export OMSKPLAN_DB="$TMP/r.db"
run event add --title "В копии" --start "2024-09-01 10:00"
run db backup "$TMP/good.bak"
run event add --title "После копии" --start "2024-09-02 10:00"
# A damaged live database.
printf 'garbage' | dd of="$OMSKPLAN_DB" bs=1 seek=100 conv=notrunc 2>/dev/null
head -c 8192 /dev/urandom | dd of="$OMSKPLAN_DB" bs=1024 seek=1 conv=notrunc 2>/dev/null
run db restore "$TMP/good.bak"
expect_rc 0
expect_out "the previous database is in $TMP/r.db.before-restore.bak"
run --quiet event list
expect_out_is "1"
# An older live schema.
sqlite3 "$OMSKPLAN_DB" "PRAGMA user_version = 4;"
run event list
expect_rc 5
run db restore "$TMP/good.bak"
expect_rc 0
run --quiet event list
expect_out_is "1"
# A backup with another page size.
cp "$TMP/good.bak" "$TMP/big-pages.bak"
sqlite3 "$TMP/big-pages.bak" "PRAGMA journal_mode = DELETE; PRAGMA page_size = 16384; VACUUM;" >/dev/null
expect_eq "$(sqlite3 "$TMP/big-pages.bak" 'PRAGMA page_size')" "16384"
run db restore "$TMP/big-pages.bak"
expect_rc 0
run --quiet event list
expect_out_is "1"
run event add --title "Запись после восстановления" --start "2024-09-03 10:00"
expect_rc 0
# A bad backup: refused, and nothing is left behind.
kept_before=$(ls "$TMP" | grep -c 'before-restore')
head -c 4096 /dev/urandom >"$TMP/junk.bak"
run db restore "$TMP/junk.bak"
expect_rc 5
expect_eq "$(ls "$TMP" | grep -c 'before-restore')" "$kept_before" "(a failed restore left a file)"
expect_eq "$(sqlite3 "$OMSKPLAN_DB" 'PRAGMA integrity_check')" "ok"

# ---- Reading commands never write ----
: >"$TMP/empty.db"
OMSKPLAN_DB="$TMP/empty.db" run event list
expect_rc 5
expect_err "is an empty file, not an omskplan database"
expect_eq "$(stat -c %s "$TMP/empty.db")" "0"
beside_null=$(ls /dev/null-journal /dev/null-wal 2>/dev/null | wc -l)
OMSKPLAN_DB=/dev/null run event list
expect_rc 5
expect_err "is not a regular file"
expect_eq "$(ls /dev/null-journal /dev/null-wal 2>/dev/null | wc -l)" "$beside_null" "(a file was made beside /dev/null)"
OMSKPLAN_DB="$TMP/none.db" run event list
expect_rc 5
expect_eq "$(ls "$TMP"/none.db* 2>/dev/null | wc -l)" "0"

# ---- A dry run takes no lock; a writer waits, and says so on a terminal ----
export OMSKPLAN_DB="$TMP/r.db"
printf '[{"title":"Импорт","kind":"concert","start":"2024-12-01T18:00:00+06:00","end":"2024-12-01T20:00:00+06:00"}]' >"$TMP/one.json"
mkfifo "$TMP/hold"
(echo "BEGIN IMMEDIATE; INSERT INTO command(at_utc, os_user, argv) VALUES ('x', 'x', 'x');"; cat "$TMP/hold") |
  sqlite3 "$OMSKPLAN_DB" >/dev/null 2>&1 &
holder=$!
exec 9>"$TMP/hold"
sleep 0.5
# With the write lock held, a dry run goes through at once (a writer would wait up to 60 s).
timeout 30 "$BIN" event import --dry-run "$TMP/one.json" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0
expect_out "dry run: 1 created"
timeout 30 "$BIN" undo --dry-run >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0
# A writer on a terminal says that it waits (script(1) gives it one).
timeout 3 script -qec "$BIN event add --title Ждёт --start '2024-12-02 10:00'" /dev/null >"$TMP/out" 2>&1
expect_out "waiting for another command to finish writing $OMSKPLAN_DB"
# It goes through once the other writer commits.
"$BIN" event add --title "Дождался" --start "2024-12-03 10:00" >"$TMP/out" 2>"$TMP/err" &
writer=$!
sleep 1.5
echo "COMMIT;" >&9
exec 9>&-
wait "$holder"
wait "$writer"
rc=$?
expect_rc 0
expect_eq "$(sql "SELECT count(*) FROM event WHERE title = 'Дождался'")" "1"
expect_eq "$(sql "SELECT count(*) FROM event WHERE title = 'Импорт'")" "0" "(the dry run wrote)"

# ---- Files and directories: the account's home, explicit modes, a shared database ----
home=$(getent passwd "$(id -u)" | cut -d: -f6)
env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u OMSKPLAN_DB "$BIN" --quiet db path >"$TMP/out" 2>"$TMP/err"
expect_out_is "$home/.local/share/omskplan/omskplan.db"
XDG_DATA_HOME=relative/data run --quiet db path
OMSKPLAN_DB= XDG_DATA_HOME=relative/data "$BIN" --quiet db path >"$TMP/out" 2>/dev/null
expect_out_is "$HOME/.local/share/omskplan/omskplan.db"
(
  umask 000
  "$BIN" config init -o "$TMP/modes.toml" >/dev/null 2>&1
  "$BIN" report run monthly-plan --month 2024-09 --format html -o "$TMP/modes.html" >/dev/null 2>&1
  OMSKPLAN_DB="$TMP/newdir/sub/plan.db" "$BIN" db init >/dev/null 2>&1
)
expect_eq "$(stat -c %a "$TMP/modes.toml")" "600" "(config init under umask 000)"
expect_eq "$(stat -c %a "$TMP/modes.html")" "600" "(report -o under umask 000)"
expect_eq "$(stat -c %a "$TMP/newdir") $(stat -c %a "$TMP/newdir/sub") $(stat -c %a "$TMP/newdir/sub/plan.db")" "700 700 600"
group=$(id -gn)
OMSKPLAN_DB="$TMP/team/plan.db" run db init --shared "$group"
expect_rc 0
expect_out "shared with group $group"
expect_eq "$(stat -c '%a %G' "$TMP/team/plan.db") $(stat -c '%a %G' "$TMP/team")" "660 $group 2770 $group"
OMSKPLAN_DB="$TMP/team2/plan.db" run db init --shared no-such-group-omskplan
expect_rc 1
expect_err "--shared 'no-such-group-omskplan': no such group"
expect_eq "$(ls "$TMP/team2" 2>/dev/null | wc -l)" "0" "(an unknown group still created the database)"
