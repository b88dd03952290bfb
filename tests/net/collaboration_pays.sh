#!/usr/bin/env bash
# Collaboration must pay over the network too, not only in simulation: on
# the bundled levels (or those named) a headless host with one headless team bot client per
# seat wins, and with solo bot clients it does not reach verbindend.
# (A host bug once ended phases before the team had made its plan, so
# networked team bots lost games they win in core_simulate.)
set -euo pipefail
bin=$1
levels_dir=$2
# Optional: the level files to play (default: every bundled level). Each
# level costs minutes under the sanitizers on a shared machine, and core
# simulation (test_core_levels, `samenspel check`) already covers every casus.
shift 2
only=("$@")
. "$(dirname "$0")/../support/game_env.sh"

play() { # level kind -> prints the host's result line
  local level=$1 kind=$2
  # The roles in play are the level's `rollen:` list, one seat each.
  local roles
  roles=$(sed -n 's/^rollen: *\[\(.*\)\]/\1/p' "$level" | tr -d ' ' | tr ',' ' ')
  [ -n "$roles" ] || { echo "no inline rollen: list in $level" >&2; exit 1; }
  local port host
  start_host "$work/host.out" "$work/host.err" "$level" --headless --quiet --code TEAM --seed 11
  pids=()
  for r in $roles; do
    "$bin" join --headless --quiet --bot "$kind" --role "$r" --code TEAM "127.0.0.1:$port" \
        >/dev/null 2>>"$work/join.err" &
    pids+=($!)
  done
  wait "$host" || { echo "host failed on $level" >&2; cat "$work/host.err" >&2; exit 1; }
  for p in "${pids[@]}"; do wait "$p" || true; done
  pids=()
  cat "$work/host.out"
}

fail=0
if [ ${#only[@]} -gt 0 ]; then
  levels=()
  for f in "${only[@]}"; do levels+=("$levels_dir/$f"); done
else
  levels=("$levels_dir"/*.yaml)
fi
for level in "${levels[@]}"; do
  # the roles file and the blank template are not casussen
  case $(basename "$level") in rollen.yaml|sjabloon.yaml) continue ;; esac
  team=$(play "$level" team)
  solo=$(play "$level" solo)
  echo "$(basename "$level") team: $team"
  echo "$(basename "$level") solo: $solo"
  case $team in "resultaat: gewonnen,"*) ;; *) echo "FAIL: team bots lost $level over the network" >&2; fail=1 ;; esac
  case $solo in *"samenwerkingsniveau: verbindend"*) echo "FAIL: solo bots reached verbindend on $level" >&2; fail=1 ;; esac
done
exit $fail
