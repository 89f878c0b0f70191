#!/usr/bin/env bash
# Placement benchmark: agora against an OR-Tools CP-SAT model and PyPI conference-scheduler on
# the same generated instances, each timetable scored by `agora check`.
#
#   bash benches/placement/run.sh              # sizes 50 200 1000 5000
#   SIZES="50 200" bash benches/placement/run.sh
#
# Creates its own Python virtualenv (target/bench-venv) with conference-scheduler and ortools,
# builds agora in release mode, runs everything under `nice`, and prints one Markdown row per
# solver and size: time, sessions placed, error-level violations, weighted warnings, locked
# sessions moved. The machine's load is printed before each run (the figures depend on it).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"50 200 1000 5000"}
OUT=target/placement-bench
VENV=target/bench-venv
mkdir -p "$OUT"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q conference-scheduler ortools
nice cargo build --release -q
AGORA=target/release/agora
PY="$VENV/bin/python"
# Time limit per size (seconds), for CP-SAT and for agora (which stops early when done).
limit() { case $1 in 50) echo 10;; 200) echo 30;; 1000) echo 60;; *) echo 120;; esac; }
# conference-scheduler builds its model in Python with one constraint per pair of clashing
# events and pair of concurrent slots: beyond 200 sessions it does not finish in an hour.
cs_sizes=${CS_SIZES:-"50 200"}
# CP-SAT finds no feasible plan for 1,000 sessions within its minute, and building the model
# of 5,000 in Python takes longer than the whole benchmark should: 5,000 runs agora only.
cpsat_sizes=${CPSAT_SIZES:-"50 200 1000"}

echo "| size | solver | seconds | placed | errors | weighted warnings | locked moved | load |"
echo "|---|---|---|---|---|---|---|---|"
for n in $SIZES; do
  python3 benches/placement/instances.py "$OUT" "$n"
  t=$(limit "$n")
  row() { # solver seconds score-json
    python3 - "$@" <<'PY'
import json, sys, os
solver, secs, score = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
load = os.getloadavg()[0]
print(f"| {score['sessions']} | {solver} | {secs:.2f} | {score['placed']} | {score['errors']} | {score['weighted']} | {score['locked_moved']} | {load:.1f} |")
PY
  }
  cp "$OUT/p$n.toml" "$OUT/agora$n.toml"
  # The floor, right before: reading and checking the same event.
  start=$(date +%s.%N)
  nice "$AGORA" check "$OUT/p$n.toml" > /dev/null || true
  end=$(date +%s.%N)
  echo "| $n | agora check (floor) | $(echo "$end - $start" | bc) | | | | | |"
  start=$(date +%s.%N)
  nice "$AGORA" place "$OUT/agora$n.toml" --write --time-limit "$t" > "$OUT/agora$n.plan" 2>/dev/null || true
  end=$(date +%s.%N)
  row agora "$(echo "$end - $start" | bc)" "$(python3 benches/placement/score.py "$OUT/p$n.json" "$OUT/agora$n.toml" "$AGORA")"
  if [[ " $cpsat_sizes " == *" $n "* ]]; then
  timeout $((t * 3 + 120)) nice "$PY" benches/placement/peers.py cpsat "$OUT/p$n.json" "$OUT/cpsat$n.json" "$t" || echo '{"status":"timeout","seconds":0,"placements":{}}' > "$OUT/cpsat$n.json"
  row "cp-sat ($(python3 -c "import json;print(json.load(open('$OUT/cpsat$n.json'))['status'])"))" \
    "$(python3 -c "import json;print(json.load(open('$OUT/cpsat$n.json'))['seconds'])")" \
    "$(python3 benches/placement/score.py "$OUT/p$n.json" "$OUT/cpsat$n.json" "$AGORA")"
  fi
  if [[ " $cs_sizes " == *" $n "* ]]; then
    timeout 1800 nice "$PY" benches/placement/peers.py cs "$OUT/p$n.json" "$OUT/cs$n.json" "$t" || echo '{"status":"timeout","seconds":1800,"placements":{}}' > "$OUT/cs$n.json"
    row "conference-scheduler ($(python3 -c "import json;print(json.load(open('$OUT/cs$n.json'))['status'][:30])"))" \
      "$(python3 -c "import json;print(json.load(open('$OUT/cs$n.json'))['seconds'])")" \
      "$(python3 benches/placement/score.py "$OUT/p$n.json" "$OUT/cs$n.json" "$AGORA")"
  fi
done
