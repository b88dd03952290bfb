#!/usr/bin/env bash
# Runs every libFuzzer harness for SECONDS (default 60) each, growing the
# committed corpora in tests/fuzz/<name>/corpus and saving any crash input
# in tests/fuzz/<name>/crashes (replayed by the test suite from then on).
# Prints one line per harness: `fuzz_<name>_execs <count> execs` and crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
tools/deps.sh
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DSAMENSPEL_FUZZ=ON \
  -DBUILD_TESTING=OFF -DCMAKE_C_COMPILER=clang >/dev/null
cmake --build build-fuzz -j"$(nproc 2>/dev/null || echo 2)" --target fuzzers >/dev/null
status=0
for bin in build-fuzz/tests/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin"); short=${name#fuzz_}
  dir=tests/fuzz/$short
  mkdir -p "$dir/corpus" "$dir/crashes"
  dict=(); [ -f "$dir/dict" ] && dict=(-dict="$dir/dict")
  log=$(mktemp)
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$dir/crashes/" "${dict[@]}" \
       "$dir/corpus" >"$log" 2>&1; then
    status=1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  crashes=$(find "$dir/crashes" -type f | wc -l)
  echo "${name}_execs ${execs:-0} execs"
  echo "${name}_saved_crashes ${crashes} files"
  rm -f "$log"
done
exit $status
