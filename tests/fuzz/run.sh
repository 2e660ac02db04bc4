#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# SECONDS (default 600) on its seed corpus in tests/fuzz/corpus/<target>,
# two at a time. New inputs go to build-fuzz/corpus/<target>; crashes to build-fuzz/crashes/.
#   tests/fuzz/run.sh [SECONDS] [TARGET…]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(date_expr templates csv json_import ics ics_import tzif rrule)
build="$root/build-fuzz"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOMSKPLAN_FUZZ=ON -DOMSKPLAN_SANITIZE=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
mkdir -p "$build/crashes"
run_one() {
  local t=$1
  mkdir -p "$build/corpus/$t"
  "$build/tests/fuzz/fuzz_$t" "$build/corpus/$t" "$here/corpus/$t" -max_total_time="$seconds" \
    -artifact_prefix="$build/crashes/$t-" -print_final_stats=1 >"$build/fuzz_$t.log" 2>&1 || true
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz_$t.log" | grep -o '[0-9]*$' || echo 0)
  local crashes
  crashes=$(ls "$build/crashes" | grep -c "^$t-" || true)
  echo "fuzz_$t: $seconds s, $execs executions, $crashes crashes"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run_one "${targets[i]}" &
  [ $((i + 1)) -lt ${#targets[@]} ] && run_one "${targets[i + 1]}" &
  wait
done
