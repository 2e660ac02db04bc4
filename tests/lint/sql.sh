#!/usr/bin/env bash
# Every SQL statement binds its values: no SQL text is built from anything but
# string literals and the column-list constants (k…Columns). And no shell or
# child process is ever started. Greps lib/ and cmd/.
set -u
root=${OMSKPLAN_SRC:?}
cd "$root" || exit 1
bad=0
report() { echo "lint: $1"; bad=$((bad + 1)); }

# 1. No SQL in the CLI layer at all.
while IFS= read -r hit; do report "$hit (SQL belongs in lib/)"; done < <(
  grep -rnE '"[^"]*\b(SELECT|INSERT|UPDATE|DELETE)\b[^"]*"' cmd/ || true)

# 2. fmt::format over SQL only with the k…Columns constants and fixed
#    conditions chosen by an enum (…_where(w): a switch of literals). Every
#    argument after the format string must be one of them.
while IFS= read -r hit; do
  args=${hit##*\"}
  args=${args#,}
  ok=1
  IFS=',' read -ra parts <<< "${args%%;*}"
  for a in "${parts[@]}"; do
    a=$(echo "$a" | tr -d ' )')
    [[ $a =~ ^(k[A-Z][A-Za-z]*Columns|[a-z_]+_where\([A-Za-z_:]+)$ ]] || ok=0
  done
  [ "$ok" -eq 1 ] || report "$hit"
done < <(grep -rPzo '(?s)fmt::format\(\s*"[^"]*\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^;]*;' lib/ |
  tr '\n' ' ' | tr '\0' '\n' | grep -v 'PRAGMA user_version' || true)

# 3. Appending to SQL text only with literals (or a choice between literals).
while IFS= read -r hit; do report "$hit"; done < <(
  grep -rnE '\bsql \+= ' lib/ | grep -vE 'sql \+= ("[^"]*"|[a-z.]+ \? "[^"]*" : "[^"]*"|i \? "[^"]*" : "[^"]*");' || true)

# 4. No literal SQL glued to a variable with +.
while IFS= read -r hit; do report "$hit"; done < <(
  grep -rnE '"[^"]*\b(WHERE|VALUES|SET|LIMIT|AND|OR)\b[^"]*" *\+ *[A-Za-z_]' lib/ || true)

# 5. No shell, no child process: nothing to inject into.
while IFS= read -r hit; do report "$hit (a shell or child process)"; done < <(
  grep -rnE '\b(system|popen|fork|vfork|posix_spawnp?|exec[lv]p?e?)\(' lib/ cmd/ || true)

if [ "$bad" -eq 0 ]; then
  echo "sql lint: 1 passed, 0 failed"
else
  echo "sql lint: 0 passed, 1 failed ($bad places)"
  exit 1
fi
