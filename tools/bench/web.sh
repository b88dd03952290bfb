#!/usr/bin/env bash
# Browser player figures (issue 13), as `name value unit` lines:
#   web_page_weight                 bytes of the page's files together (limit 200 KiB)
#   web_first_render_median         chromium's first contentful paint on loopback, median of 5
#   web_action_to_all_p50/p99_8ws   action -> all 8 WebSocket peers updated, in chromium
#   web_tcp_action_to_all_p50/p99_8conn  the same for 8 TCP peers of the same kind of headless
#                                   host, the baseline of this run
# Usage: tools/bench/web.sh [BUILD_DIR] (default build/).
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j2 --target samenspel >/dev/null || {
  echo "web.sh: could not build samenspel in $build" >&2; exit 1; }
if ! command -v node >/dev/null || [ ! -x /usr/bin/chromium ] || [ ! -d tests/web/node_modules/puppeteer-core ]; then
  echo "web.sh: needs node, /usr/bin/chromium and tools/web-deps.sh" >&2
  exit 1
fi
export SAMENSPEL_DATA_DIR="$PWD"
status=0
node tests/web/bench_web.mjs "$build/src/app/samenspel" 47871 47872 || status=1
exit $status
