#!/usr/bin/env bash
# Builds a release build in build/ and runs every benchmark. Each prints one
# line per figure: `name value unit` (baselines measured in the same run).
# Extra benchmark scripts tools/bench/*.sh (taking the build dir) run too,
# then the balance section; tools/bench/web.sh (browser player: 8 and 64
# WebSockets against TCP, host RSS with 64 browsers, hostile browsers) needs
# node, /usr/bin/chromium and tools/web-deps.sh.
#
#   tools/bench.sh            everything
#   tools/bench.sh balance    only the balance section (BALANCE_GAMES, BALANCE_SEED;
#                             BALANCE_BIN: another samenspel, e.g. a debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
only="${1:-}"
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" --target samenspel benchmarks >/dev/null
export SAMENSPEL_DATA_DIR="$PWD"
if [ "$only" != balance ]; then
  for b in build/tools/bench/bench_*; do
    [ -x "$b" ] || continue
    "$b"
  done
  for s in tools/bench/*.sh; do
    [ -f "$s" ] || continue
    bash "$s" "$PWD/build"
  done
fi

# ---------------------------------------------------------------- balance
# The targets of issue #12 on every bundled level: each kind of bots plays
# BALANCE_GAMES games (`samenspel simulate --json`), and the mixed table
# plays them again with the level's roles listed back to front. Lines with a
# target end in PASS or FAIL; the targets themselves come first as
# `target_...` lines, and balance_failed counts the FAILs.
balance() {
  local bin="${BALANCE_BIN:-build/src/app/samenspel}" games="${BALANCE_GAMES:-1000}" seed="${BALANCE_SEED:-1}"
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  for level in levels/*.yaml; do
    case "$(basename "$level")" in rollen.yaml|sjabloon.yaml) continue ;; esac
    local name
    name=$(basename "$level" .yaml)
    for kind in solo checklist team mixed; do
      "$bin" simulate "$level" --games "$games" --seed "$seed" --bots "$kind" --json > "$tmp/$name.$kind.json"
    done
    "$bin" simulate "$level" --games "$games" --seed "$seed" --bots mixed --rollen-omgekeerd --json \
      > "$tmp/$name.mixed-rev.json"
  done
  python3 - "$tmp" <<'PY'
import glob, json, os, sys
tmp = sys.argv[1]
T = dict(solo_win_pct_max=0, solo_cooperatief_or_higher_max=0, checklist_verbindend_max=0,
         checklist_win_pct_max=40, team_win_pct_min=60, team_win_pct_max=90,
         team_sd_welbevinden_min=1.0, won_at_geen_max=0, mixed_order_diff_max=5)
UNITS = dict(solo_win_pct_max="%", solo_cooperatief_or_higher_max="games", checklist_verbindend_max="games",
             checklist_win_pct_max="%", team_win_pct_min="%", team_win_pct_max="%",
             team_sd_welbevinden_min="points", won_at_geen_max="games", mixed_order_diff_max="points")
for k, v in T.items():
    print(f"target_{k} {v} {UNITS[k]}")
failed = 0
def line(name, value, unit, ok=None):
    global failed
    verdict = "" if ok is None else (" PASS" if ok else " FAIL")
    failed += ok is False
    v = f"{value:.1f}" if isinstance(value, float) else str(value)
    print(f"{name} {v} {unit}{verdict}")
LEVELS = ["geen", "coordinerend", "cooperatief", "verbindend"]
names = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(os.path.join(tmp, "*.json"))})
for name in names:
    r = {k: json.load(open(os.path.join(tmp, f"{name}.{k}.json")))
         for k in ("solo", "checklist", "team", "mixed", "mixed-rev")}
    p = f"balance_{name}"
    for kind in ("solo", "checklist", "team", "mixed"):
        win = 100.0 * r[kind]["win_rate"]
        ok = {"solo": win <= T["solo_win_pct_max"], "checklist": win <= T["checklist_win_pct_max"],
              "team": T["team_win_pct_min"] <= win <= T["team_win_pct_max"], "mixed": None}[kind]
        line(f"{p}_{kind}_win_pct", win, "%", ok)
    for kind in ("solo", "checklist", "team", "mixed"):
        geen = r[kind]["won_at_level"]["geen"]
        line(f"{p}_{kind}_won_at_geen", geen, "games", geen <= T["won_at_geen_max"])
    solo_high = r["solo"]["levels"]["cooperatief"] + r["solo"]["levels"]["verbindend"]
    line(f"{p}_solo_cooperatief_or_higher", solo_high, "games", solo_high <= T["solo_cooperatief_or_higher_max"])
    verb = r["checklist"]["levels"]["verbindend"]
    line(f"{p}_checklist_verbindend", verb, "games", verb <= T["checklist_verbindend_max"])
    line(f"{p}_team_verbindend", r["team"]["levels"]["verbindend"], "games")
    sd = r["team"]["sd_welbevinden"]
    line(f"{p}_team_sd_welbevinden", sd, "points", sd >= T["team_sd_welbevinden_min"])
    # "results change by at most 5 points": the win rate and the share of
    # each collaboration level, in percentage points
    a, b = r["mixed"], r["mixed-rev"]
    dwin = abs(a["win_rate"] - b["win_rate"]) * 100.0
    dlev = max(abs(a["levels"][l] - b["levels"][l]) * 100.0 / a["games"] for l in LEVELS)
    line(f"{p}_mixed_order_diff_win", dwin, "points")
    line(f"{p}_mixed_order_diff", max(dwin, dlev), "points", max(dwin, dlev) <= T["mixed_order_diff_max"])
    never = [n for n, v in r["team"]["needs"].items()
             if all(r[k]["needs"][n]["reached"] == 0 for k in ("solo", "checklist", "team", "mixed"))]
    line(f"{p}_needs_never_reached", len(never), "needs", len(never) == 0)
print(f"balance_failed {failed} targets")
PY
}
balance
