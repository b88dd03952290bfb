#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running demo: installs what
# is missing, builds a release build in build/, and starts the host on the
# bundled default level with a player window next to it and bots in the other
# seats. Without a display it says so and how to run headless.
# Extra arguments go to `samenspel host` (e.g. tools/run.sh levels/jonas.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."

tools/deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs" --target samenspel translations
bin="$PWD/build/src/app/samenspel"
export SAMENSPEL_DATA_DIR="$PWD"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
samenspel: geen scherm gevonden (DISPLAY en WAYLAND_DISPLAY zijn leeg).
De build is klaar. Zonder scherm kan je het spel zo spelen:
  build/src/app/samenspel host --headless --bots 4
of met netwerkbots in aparte processen:
  build/src/app/samenspel host --headless --code DEMO &
  for r in leraar ouder clb-anker leerondersteuner; do
    build/src/app/samenspel join 127.0.0.1 --code DEMO --headless --bot team --role $r &
  done; wait
Een schermafdruk van de projector:
  SDL_VIDEODRIVER=dummy build/src/app/samenspel host --screenshot projector.png
MSG
  exit 0
fi

# Local demo: the projector, one player window seated, in-process bots in
# the other seats.
code=DEMO
level="${1:-}"
[ -n "$level" ] && shift
# The default level (Noor) has the four core roles: three bots, one player.
bots=${SAMENSPEL_DEMO_BOTS:-3}
"$bin" host ${level:+"$level"} --code "$code" --bots "$bots" "$@" &
host_pid=$!
trap 'kill "$host_pid" 2>/dev/null || true' EXIT
sleep 1
"$bin" join 127.0.0.1 --code "$code" --name Speler || true
wait "$host_pid"
