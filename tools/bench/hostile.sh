#!/usr/bin/env bash
# Hostile/flaky peers and SIGKILL-resume figures (issue 7), as `name value
# unit` lines. Usage: tools/bench/hostile.sh [BUILD_DIR] (default build/,
# configured with tests; tools/bench.sh passes its release build).
#   hostile_<scenario>_baseline_p99 / _p99   normal player's request->answer p99,
#                                            baseline and attack in the same run
#   hostile_<scenario>_p99_bound             2x baseline, or baseline + one 4 ms scheduler tick
#                                            (tests/hostile/test_hostile.c says why)
#   hostile_<scenario>_rss_start/_max/_growth host RSS (KiB) around the attack
#   silent_link_*                            silent link on a veth pair between two
#                                            network namespaces (root), else the proxy
#   hostile_<scenario>_<metric>              dropped_after, noticed_after, ...
#   hostile_<scenario>_ok                    1 when every check of it passed
#   resume_*                                 50 SIGKILL points (SAMENSPEL_RESUME_POINTS)
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j2 --target samenspel test_hostile test_resume >/dev/null || {
  echo "hostile.sh: could not build test_hostile/test_resume in $build" >&2; exit 1; }
export SAMENSPEL_DATA_DIR="$PWD"
status=0
"$build/tests/hostile/test_hostile" | grep -E '^[a-z0-9_]+ -?[0-9.]+ [A-Za-z]+$' || status=1
bash tests/hostile/silent_link.sh "$build/src/app/samenspel" "$build/tests/hostile/test_hostile" |
  grep -E '^silent_link_path|^[a-z0-9_]+ -?[0-9.]+ [A-Za-z]+$' || status=1
SAMENSPEL_RESUME_POINTS=${SAMENSPEL_RESUME_POINTS:-50} "$build/tests/resume/test_resume" |
  grep -E '^[a-z0-9_]+ -?[0-9.]+ [A-Za-z]+$' || status=1
exit $status
