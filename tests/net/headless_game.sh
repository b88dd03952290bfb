#!/usr/bin/env bash
# A headless host and one headless bot client per seat, as separate
# processes on loopback: the host prints one result line and exits 0.
set -euo pipefail
bin=$1
. "$(dirname "$0")/../support/game_env.sh"
start_host "$work/host.out" "$work/host.err" --headless --quiet --code DEMO --seed 7
seats=0
for i in 1 2 3 4; do
  kind=team; [ "$i" = 4 ] && kind=solo
  "$bin" join --headless --quiet --bot "$kind" --name "speler$i" --code DEMO "127.0.0.1:$port" \
      >"$work/join$i.out" 2>"$work/join$i.err" &
  pids+=($!)
done
rc=0
wait "$host" || rc=$?
cat "$work/host.out"
if [ "$rc" -ne 0 ]; then
  echo "host exited with $rc" >&2; cat "$work/host.err" >&2; exit 1
fi
grep -Eq '^resultaat: (gewonnen|verloren), rondes: [0-9]+, samenwerkingsniveau: ' "$work/host.out"
for p in "${pids[@]}"; do wait "$p" || { echo "a client failed" >&2; cat "$work"/join*.err >&2; exit 1; }; done
pids=()
cat "$work/join1.out"
grep -q '^resultaat: ' "$work/join1.out"
