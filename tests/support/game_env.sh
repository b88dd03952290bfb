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
# the background and sets $port and $host (its pid) once the host accepts
# connections: on a loaded machine a sanitizer build can need seconds to
# get there, and a client that comes too early is refused. Other tests run
# at the same time: a taken port makes the host exit at once, so it tries
# another.
start_host() {
  local out=$1 err=$2 attempt i
  shift 2
  for attempt in 1 2 3 4 5 6; do
    port=$(( 20000 + (RANDOM * 7 + $$ + attempt * 977) % 30000 ))
    "$bin" host "$@" --port "$port" >"$out" 2>"$err" &
    host=$!
    for i in $(seq 1 400); do
      kill -0 "$host" 2>/dev/null || break
      # a connection that says nothing: the host drops it, nothing else
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
      sleep 0.05
    done
    kill -0 "$host" 2>/dev/null && return 0 # slow but alive: the clients retry
    grep -q 'poort' "$err" || return 0
  done
}
