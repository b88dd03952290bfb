# Sourced by the test scripts that run the real binaries on loopback ($bin
# is the samenspel binary): a scratch folder with its own state and data
# homes, the client pids to end on exit, and a host on a random port.
work=$(mktemp -d)
export XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# start_host OUT ERR HOST-ARGS...: starts `$bin host HOST-ARGS --port P` in
# the background and sets $port and $host (its pid). Other tests run at the
# same time: a taken port makes the host exit at once, so it tries another.
start_host() {
  local out=$1 err=$2 attempt
  shift 2
  for attempt in 1 2 3 4 5 6; do
    port=$(( 20000 + (RANDOM * 7 + $$ + attempt * 977) % 30000 ))
    "$bin" host "$@" --port "$port" >"$out" 2>"$err" &
    host=$!
    sleep 0.5
    kill -0 "$host" 2>/dev/null && break
    grep -q 'poort' "$err" || break
  done
}
