#!/usr/bin/env bash
# UI figures that need whole processes: time from start to the first
# presented frame (host and join windows), and the CPU use of an idle
# projector with 8 idle clients (4 seated players + 4 observers) over 10 s.
# Software renderer under SDL_VIDEODRIVER=dummy so the figures do not
# depend on a GPU. Usage: tools/bench/ui.sh BUILD_DIR. Prints `name value unit`.
set -euo pipefail
build=${1:?usage: ui.sh BUILD_DIR}
bin="$build/src/app/samenspel"
[ -x "$bin" ] || { echo "ui.sh: $bin not built" >&2; exit 1; }
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export SAMENSPEL_DATA_DIR="${SAMENSPEL_DATA_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
port=$((47900 + RANDOM % 80))
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

first_frame() {
  local what=$1; shift
  for i in 1 2 3 4 5; do
    local t0 t1
    t0=$(now_ms)
    SAMENSPEL_EXIT_AFTER_FIRST_FRAME=1 XDG_STATE_HOME="$tmp/state" "$bin" "$@" >/dev/null 2>&1 || true
    t1=$(now_ms)
    echo $((t1 - t0))
  done | median | sed "s/^/ui_${what}_first_frame /; s/$/ ms/"
}
first_frame host host --port "$port" --code FRST
first_frame join join --port "$port"

# idle: a projector and 8 idle clients; nobody touches anything
"$bin" host --port "$port" --code IDLE >/dev/null 2>&1 &
host_pid=$!
pids+=("$host_pid")
sleep 1
client_pids=()
for i in 1 2 3 4 5 6 7 8; do
  extra=()
  [ "$i" -gt 4 ] && extra=(--observe)
  XDG_STATE_HOME="$tmp/state$i" "$bin" join 127.0.0.1 --port "$port" --code IDLE \
    --name "Speler$i" --no-token-store "${extra[@]}" >/dev/null 2>&1 &
  client_pids+=("$!")
  pids+=("$!")
done
sleep 3
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz=$(getconf CLK_TCK)
h0=$(ticks "$host_pid"); c0=()
for p in "${client_pids[@]}"; do c0+=("$(ticks "$p")"); done
sleep 10
h1=$(ticks "$host_pid"); sum=0; n=0; i=0
for p in "${client_pids[@]}"; do
  c1=$(ticks "$p"); sum=$((sum + c1 - c0[i])); n=$((n + 1)); i=$((i + 1))
done
awk -v d=$((h1 - h0)) -v hz="$hz" 'BEGIN {printf "ui_idle_host_cpu_8_clients %.2f %%core\n", d / hz / 10 * 100}'
awk -v d="$sum" -v n="$n" -v hz="$hz" 'BEGIN {printf "ui_idle_client_cpu_mean %.2f %%core\n", d / n / hz / 10 * 100}'
