#!/usr/bin/env bash
# The HTML agenda's speed and weight targets (issue 12): a 600-session program exports in
# ≤ 0.3 s with ≤ 1 MB of HTML, a 10,000-session one in ≤ 2 s. Programs come from
# `agora generate`; each export runs alternating with the floor (parsing the same TOML into a
# plain table), so machine load shows in both.
#
#   bash benches/agenda-web.sh            # 600 (20 rooms) and 10,000 sessions (60 rooms)
#   RUNS=7 bash benches/agenda-web.sh     # median of 7 runs (default 5)
#
# Prints, per size: median wall time of `agora export html` (which also writes the .ics files,
# the per-session calendars and the per-room and per-track pages), of the floor, the size of
# index.html, the size of the script inside it, and the whole output folder.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
WORK=${BENCH_DIR:-$(mktemp -d)}
cargo build --release --quiet --bin agora --example toml_floor
AGORA=target/release/agora
FLOOR=target/release/examples/toml_floor
export SOURCE_DATE_EPOCH=1512086400

wall() { # "wall cpu" seconds of one run (cpu: user + system, less sensitive to machine load)
  /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
  tail -1 "$WORK/time.txt" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}
median() { sort -n | sed -n "$(((RUNS + 1) / 2))p"; }

printf 'machine: %s, %s cores; load: %s\n' "$(uname -m)" "$(nproc)" "$(uptime | sed 's/.*load average: //')"
for spec in "600 20 200 3" "10000 60 3000 3"; do
  read -r n rooms speakers days <<<"$spec"
  file="$WORK/agenda-$n.toml"
  "$AGORA" generate --sessions "$n" --rooms "$rooms" --speakers "$speakers" --days "$days" \
    --seed 12 -o "$file" --force >/dev/null
  html=() floor=() cpu=()
  for ((i = 0; i < RUNS; i++)); do
    read -r t _ < <(wall "$FLOOR" "$file")
    floor+=("$t")
    rm -rf "$WORK/html-$n"
    read -r t c < <(wall "$AGORA" export html "$file" -o "$WORK/html-$n")
    html+=("$t")
    cpu+=("$c")
  done
  page="$WORK/html-$n/index.html"
  script=$(python3 -c "import re,sys; t=open(sys.argv[1],encoding='utf-8').read(); print(sum(len(m.encode()) for m in re.findall(r'<script>(.*?)</script>', t, re.S)))" "$page")
  echo
  echo "== $n sessions, $rooms rooms, $days days ($(du -h "$file" | cut -f1) of TOML)"
  printf '%-40s %8s s\n' "agora export html (median of $RUNS)" "$(printf '%s\n' "${html[@]}" | median)"
  printf '%-40s %8s s\n' "  its CPU time, user + system (median)" "$(printf '%s\n' "${cpu[@]}" | median)"
  printf '%-40s %8s s\n' "floor: toml::Table parse (median)" "$(printf '%s\n' "${floor[@]}" | median)"
  printf '%-40s %8s bytes\n' "index.html" "$(stat -c %s "$page")"
  printf '%-40s %8s bytes\n' "inline script" "$script"
  printf '%-40s %8s files, %s\n' "output folder" "$(find "$WORK/html-$n" -type f | wc -l)" "$(du -sh "$WORK/html-$n" | cut -f1)"
done
