#!/usr/bin/env bash
# Sets up everything a fresh Debian 12 machine needs, builds with
# AddressSanitizer + UndefinedBehaviorSanitizer (warnings are errors) in
# build-test/, and runs the whole ctest suite. Exit status non-zero on any
# failure; the last line is ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug \
  -DSAMENSPEL_SANITIZE=ON -DSAMENSPEL_WERROR=ON -DBUILD_TESTING=ON \
  -DCMAKE_C_COMPILER="${CC:-gcc}" >/dev/null
cmake --build build-test -j"$jobs"

# Fuzz harnesses need clang's libFuzzer; they get their own build tree.
if command -v clang >/dev/null 2>&1; then
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DSAMENSPEL_FUZZ=ON \
    -DBUILD_TESTING=OFF -DCMAKE_C_COMPILER=clang >/dev/null
  cmake --build build-fuzz -j"$jobs" --target fuzzers
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd build-test
ctest --output-on-failure -j"$jobs" --timeout 600 2>&1 | tee ctest.log | tail -n 40
exit "${PIPESTATUS[0]}"
