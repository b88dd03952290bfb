#!/usr/bin/env bash
# Browser player figures (issue 13), as `name value unit` lines:
#   web_page_weight                 bytes of the page's files together (limit 200 KiB)
#   web_first_render_median         chromium's first contentful paint on loopback, median of 15
#   web_first_render_join_form_median  the join form in the page (app.js ran), median of 15
#   web_first_render_node_*         the same for the same files from node's http server, the
#                                   baseline of this run (the browser's own share)
#   web_action_to_all_p50/p99_8ws   action -> all 8 WebSocket peers updated, in chromium
#   web_action_to_all_p50/p99_64ws  the same at 64 WebSocket connections (one page)
#   web_tcp_action_to_all_p50/p99_{8,64}conn  the same for 8 / 64 TCP peers of the same kind of
#                                   headless host, the baseline of this run
#   web_host_rss_64ws / web_tcp_host_rss_64conn  host VmRSS with 64 browsers / 64 TCP peers
#   web_host_rss_idle               host VmRSS before anyone joined
#   hostile_web_*                   tests/hostile/test_hostile_web: bad frames, a flood and 64
#                                   browsers at once next to a normal player (p99 vs baseline)
# Usage: tools/bench/web.sh [BUILD_DIR] (default build/).
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j2 --target samenspel test_hostile_web >/dev/null || {
  echo "web.sh: could not build samenspel and test_hostile_web in $build" >&2; exit 1; }
if ! command -v node >/dev/null || [ ! -x /usr/bin/chromium ] || [ ! -d tests/web/node_modules/puppeteer-core ]; then
  echo "web.sh: needs node, /usr/bin/chromium and tools/web-deps.sh" >&2
  exit 1
fi
export SAMENSPEL_DATA_DIR="$PWD"
status=0
node tests/web/bench_web.mjs "$build/src/app/samenspel" 47861 47871 || status=1
"$build/tests/hostile/test_hostile_web" | grep -E '^[a-z0-9_]+ -?[0-9.]+ [A-Za-z]+$' || status=1
exit $status
