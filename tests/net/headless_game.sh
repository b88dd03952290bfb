#!/usr/bin/env bash
# A headless host and one headless bot client per seat, as separate
# processes on loopback: the host prints one result line and exits 0.
set -euo pipefail
bin=$1
work=$(mktemp -d)
export XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# Other tests run at the same time: when the random port is taken the host
# exits at once, so try another.
for attempt in 1 2 3 4 5 6; do
  port=$(( 20000 + (RANDOM * 7 + $$ + attempt * 977) % 30000 ))
  "$bin" host --headless --quiet --port "$port" --code DEMO --seed 7 >"$work/host.out" 2>"$work/host.err" &
  host=$!
  sleep 0.5
  kill -0 "$host" 2>/dev/null && break
  grep -q 'poort' "$work/host.err" || break
done
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
