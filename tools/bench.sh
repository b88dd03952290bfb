#!/usr/bin/env bash
# Builds a release build in build/ and runs every benchmark. Each prints one
# line per figure: `name value unit` (baselines measured in the same run).
# Extra benchmark scripts tools/bench/*.sh (taking the build dir) run too;
# tools/bench/web.sh (browser player: 8 and 64 WebSockets against TCP, host
# RSS with 64 browsers, hostile browsers) needs node, /usr/bin/chromium and
# tools/web-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" --target samenspel benchmarks >/dev/null
export SAMENSPEL_DATA_DIR="$PWD"
for b in build/tools/bench/bench_*; do
  [ -x "$b" ] || continue
  "$b"
done
for s in tools/bench/*.sh; do
  [ -f "$s" ] || continue
  bash "$s" "$PWD/build"
done
