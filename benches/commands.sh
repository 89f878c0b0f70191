#!/usr/bin/env bash
# Whole commands at 1k, 10k and 100k sessions: wall time and peak memory (/usr/bin/time -v),
# against the floor (parsing the same TOML into a plain table) and against Python's icalendar.
#
#   bash benches/commands.sh              # all sizes (100k: 500 rooms, 20k speakers, 5 days)
#   SIZES="1000 10000" bash benches/commands.sh
#   RUNS=5 bash benches/commands.sh       # median of 5 runs (default 3)
#   SKIP_TEMPLATES=1 SKIP_PYTHON=1 ...    # only the formats that stream from the agenda
#
# html and all are timed twice: into the folder of their previous run (a re-export, files that
# hold their bytes already are left alone; an untimed export and `sync` come first) and into an
# empty folder (removed before each run).
#
# Every agora command runs alternately with the floor (floor, command, floor, command, …) and
# its ratio is median over median of those runs, so a change of load hits both alike.
#
# Prints one table per size; ratios are what to compare between machines.
set -euo pipefail
cd "$(dirname "$0")/.."
# Exports are dated by SOURCE_DATE_EPOCH when it is set (reproducible output): then a re-export
# of the unchanged program writes nothing, as a site rebuilt from a repository does. Without it
# every file is dated by the clock and every re-export rewrites them all; to time that, run
# with SOURCE_DATE_EPOCH= (empty).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH-1700000000}
[ -n "$SOURCE_DATE_EPOCH" ] || unset SOURCE_DATE_EPOCH
SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-3}
WORK=${BENCH_DIR:-$(mktemp -d)}
cargo build --release --quiet --bin agora --example toml_floor
AGORA=target/release/agora
FLOOR=target/release/examples/toml_floor

# The Python peer, in its own virtual environment.
VENV=${XDG_CACHE_HOME:-$HOME/.cache}/agora-bench/venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q icalendar >/dev/null
fi

# One run of a command: its wall time in seconds to the millisecond in $WALL (from bash's
# EPOCHREALTIME: /usr/bin/time prints hundredths, too coarse for the small programs) and its
# peak resident memory in KiB in $PEAK (from /usr/bin/time, whose own start, about a
# millisecond, is in the wall time of every command alike, the floor's too).
timed() {
  local start=$EPOCHREALTIME end
  /usr/bin/time -f '%M' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  PEAK=$(tail -1 "$WORK/time.txt")
}

# median wall seconds and peak MiB of a command over $RUNS runs
measure() {
  local times=() mems=() i out
  for ((i = 0; i < RUNS; i++)); do
    timed "$@"
    times+=("$WALL")
    mems+=("$PEAK")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  m=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  echo "$t $((m / 1024))"
}

# The same, alternating with the floor (floor, command, floor, command, …) so that a change of
# machine load hits both alike: "median-floor median-command peak-MiB-of-command". With $FRESH
# set to a folder, it is removed (and the disk synced, untimed) before each run of the command:
# a first export into an empty folder, not a re-export that finds its files already written.
against_floor() {
  local floor_times=() times=() mems=() i out
  # A re-export ($SETTLE): the folder of a previous run, written out to the disk first (a
  # folder just written is still being flushed, and the flush takes a core of the two).
  if [ -n "${SETTLE:-}" ]; then "$@" >/dev/null 2>&1 || true; sync; fi
  for ((i = 0; i < RUNS; i++)); do
    timed "$FLOOR" "$file"
    floor_times+=("$WALL")
    if [ -n "${FRESH:-}" ]; then rm -rf "$FRESH" && sync; fi
    timed "$@"
    times+=("$WALL")
    mems+=("$PEAK")
  done
  local mid=$(((RUNS + 1) / 2)) f t m
  f=$(printf '%s\n' "${floor_times[@]}" | sort -n | sed -n "${mid}p")
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${mid}p")
  m=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  echo "$f $t $((m / 1024))"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

printf 'machine: %s, %s cores; %s; SOURCE_DATE_EPOCH=%s\n' "$(uname -m)" "$(nproc)" "$(uptime | sed 's/.*load/load/')" "${SOURCE_DATE_EPOCH:-unset}"
for n in $SIZES; do
  case $n in
    1000) args="--rooms 20 --speakers 600 --days 2" ;;
    10000) args="--rooms 100 --speakers 3000 --days 3" ;;
    100000) args="--rooms 500 --speakers 20000 --days 5" ;;
    *) args="--rooms $((n / 200 + 1)) --speakers $((n / 5 + 1)) --days 3" ;;
  esac
  file="$WORK/g$n.toml"
  # shellcheck disable=SC2086
  "$AGORA" generate --sessions "$n" $args --conflict-rate 0.02 --seed 42 -o "$file" --force
  echo
  echo "== $n sessions ($(du -h "$file" | cut -f1)); each line: median of $RUNS runs alternating with the floor"
  read -r ft fm < <(measure "$FLOOR" "$file")
  printf '%-34s %8s s %6s MiB\n' "floor: toml::Table parse" "$ft" "$fm"
  report() {
    local label=$1; shift
    read -r f t m < <(against_floor "$@")
    printf '%-34s %8s s %6s MiB   %5sx floor (floor %s s)\n' "$label" "$t" "$m" "$(ratio "$t" "$f")" "$f"
    LAST=$t
  }
  report "agora check --format json" "$AGORA" check --format json "$file"
  report "agora check (text)" "$AGORA" check "$file"
  report "agora export ics" "$AGORA" export ics "$file" -o "$WORK/out-$n.ics" --force
  rust_ics=$LAST
  report "agora export csv" "$AGORA" export csv "$file" -o "$WORK/out-$n.csv" --force
  report "agora export json" "$AGORA" export json "$file" -o "$WORK/out-$n.json" --force
  report "agora export frab-xml" "$AGORA" export frab-xml "$file" -o "$WORK/frab-$n.xml" --force
  report "agora export frab-json" "$AGORA" export frab-json "$file" -o "$WORK/frab-$n.json" --force
  if [ -z "${SKIP_TEMPLATES:-}" ]; then
    report "agora export md" "$AGORA" export md "$file" -o "$WORK/out-$n.md" --force
    report "agora export txt" "$AGORA" export txt "$file" -o "$WORK/out-$n.txt" --force
    SETTLE=1 report "agora export html" "$AGORA" export html "$file" -o "$WORK/html-$n" --force
    FRESH="$WORK/html1-$n" report "agora export html (empty folder)" \
      "$AGORA" export html "$file" -o "$WORK/html1-$n" --force
    SETTLE=1 report "agora export all" "$AGORA" export all "$file" -o "$WORK/all-$n" --force
    FRESH="$WORK/all1-$n" report "agora export all (empty folder)" \
      "$AGORA" export all "$file" -o "$WORK/all1-$n" --force
  fi
  if [ -z "${SKIP_PYTHON:-}" ]; then
    read -r t m < <(measure "$VENV/bin/python" benches/ics_python.py "$file" "$WORK/py-$n.ics")
    printf '%-34s %8s s %6s MiB\n' "python tomllib+icalendar (ics)" "$t" "$m"
    printf '%-34s %8sx\n' "ics: python time / agora time" "$(ratio "$t" "$rust_ics")"
  fi
done
