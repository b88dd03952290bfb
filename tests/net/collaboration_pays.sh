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
work=$(mktemp -d)
export XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

play() { # level kind -> prints the host's result line
  local level=$1 kind=$2
  # The roles in play are the level's `rollen:` list, one seat each.
  local roles
  roles=$(sed -n 's/^rollen: *\[\(.*\)\]/\1/p' "$level" | tr -d ' ' | tr ',' ' ')
  [ -n "$roles" ] || { echo "no inline rollen: list in $level" >&2; exit 1; }
  # Other tests run at the same time: a taken port makes the host exit at
  # once, so try another.
  local port host attempt
  for attempt in 1 2 3 4 5 6; do
    port=$(( 20000 + (RANDOM * 7 + $$ + attempt * 977) % 30000 ))
    "$bin" host "$level" --headless --quiet --port "$port" --code TEAM --seed 11 \
        >"$work/host.out" 2>"$work/host.err" &
    host=$!
    sleep 0.5
    kill -0 "$host" 2>/dev/null && break
    grep -q 'poort' "$work/host.err" || break
  done
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
  case $(basename "$level") in rollen.yaml) continue ;; esac
  team=$(play "$level" team)
  solo=$(play "$level" solo)
  echo "$(basename "$level") team: $team"
  echo "$(basename "$level") solo: $solo"
  case $team in "resultaat: gewonnen,"*) ;; *) echo "FAIL: team bots lost $level over the network" >&2; fail=1 ;; esac
  case $solo in *"samenwerkingsniveau: verbindend"*) echo "FAIL: solo bots reached verbindend on $level" >&2; fail=1 ;; esac
done
exit $fail
