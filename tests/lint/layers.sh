#!/usr/bin/env bash
# The layers of docs/ARCHITECTURE.md, checked on the sources:
#   1. each lib/ directory includes only the directories below it (no cycles);
#   2. a domain's repository (all its SQL) is included only by its own .cpp files;
#   3. SQL text is written only in repositories and store/;
#   4. cmd/ includes no repository and says no repo:: (the compiler refuses it
#      too: cmd/ is built with OMSKPLAN_FRONT_END, and every repository.hpp
#      stops with #error there — this check also catches what is not compiled);
#   5. every lib module has its unit test file, tests/unit/test_<dir>_<module>.cpp.
set -u
root=${OMSKPLAN_SRC:?}
cd "$root" || exit 1
bad=0
report() { echo "lint: $1"; bad=$((bad + 1)); }

# What each directory may include besides itself, lowest first.
declare -A may=(
  [core]=""
  [time]="core"
  [store]="core time"
  [render]="core time"
  [config]="core time"
  [shell]="core config"
  [unit]="core time store render config"
  [venue]="core time store render config unit"
  [event]="core time store render config unit venue"
  [guest]="core time store render config unit venue event"
  [agreement]="core time store render config unit venue event guest"
  [inspection]="core time store render config unit venue event guest agreement"
  [plan]="core time store render config unit venue event guest agreement inspection"
  [report]="core time store render config unit venue event guest agreement inspection plan"
)
known=" ${!may[*]} "

for dir in lib/*/; do
  d=$(basename "$dir")
  [ -n "${may[$d]+set}" ] || { report "lib/$d/ is not in the layer table of tests/lint/layers.sh (and docs/ARCHITECTURE.md)"; continue; }
  while IFS=: read -r file line inc; do
    target=${inc%%/*}
    [ "$target" = "$d" ] && continue
    case " ${may[$d]} " in
      *" $target "*) ;;
      *) if [[ $known == *" $target "* ]]; then
           report "$file:$line includes $inc: lib/$d/ may include only ${may[$d]:-nothing of lib/} (docs/ARCHITECTURE.md)"
         fi ;;
    esac
  done < <(grep -noE '#include "[a-z_]+/[a-z_]+\.hpp"' "$dir"*.hpp "$dir"*.cpp 2>/dev/null |
           sed -E 's/#include "([^"]+)"/\1/')
done

# 2. Repositories belong to their domain.
while IFS=: read -r file line inc; do
  domain=${inc%%/*}
  case $file in
    lib/"$domain"/*.cpp) ;;
    tests/unit/*|bench/*) ;;
    *) report "$file:$line includes $inc: only lib/$domain/*.cpp may (others call its service)" ;;
  esac
done < <(grep -rnoE '#include "[a-z_]+/repository\.hpp"' lib cmd tests bench 2>/dev/null |
         sed -E 's/#include "([^"]+)"/\1/')

# 3. SQL only in repositories and the store.
while IFS= read -r file; do
  case $file in
    lib/*/repository.cpp|lib/store/*) ;;
    *) report "$file writes SQL: it belongs in a repository" ;;
  esac
done < <(grep -rlE '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM)\b' lib cmd || true)

# 4. The front end calls services.
while IFS= read -r hit; do report "$hit (cmd/ calls services, never a repository)"; done < <(
  grep -rnE '\brepo::|repository\.hpp|sqlite3' cmd/ || true)

# 5. A test file per module.
for f in lib/*/*.cpp; do
  d=$(basename "$(dirname "$f")")
  m=$(basename "$f" .cpp)
  [ -f "tests/unit/test_${d}_${m}.cpp" ] || report "$f has no tests/unit/test_${d}_${m}.cpp"
done
for t in tests/unit/test_*.cpp; do
  grep -q "$(basename "$t")" tests/unit/CMakeLists.txt || report "$t is not built (tests/unit/CMakeLists.txt)"
done

if [ "$bad" -gt 0 ]; then
  echo "layers: $bad problem(s)"
  exit 1
fi
echo "layers: ok"
