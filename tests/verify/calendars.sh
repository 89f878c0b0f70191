#!/usr/bin/env bash
# The daylight-saving examples imported into two real calendar programs, with TZ set to each
# event's zone, and the instants they store compared with the program's (from the CSV export's
# start_utc/end_utc):
#   - khal (installed with pip in a venv, else from Debian): `khal import`, then `khal list`
#     with UTC as its display zone must give every session's exact start and end;
#   - calcurse (installed from Debian): `calcurse -i`, then its data file must hold every
#     session's local wall-clock start and end. calcurse keeps only wall-clock times (no
#     offset), so a session that starts or ends in the hour that happens twice cannot be kept
#     exactly, and one that ends at an earlier wall-clock time than it starts (02:30 CEST –
#     02:00 CET) makes calcurse refuse its own file; these are reported as warnings (a limit
#     of calcurse's file format, not of the .ics: khal, ical.js and verify-ics read them right).
# A program that cannot be installed is skipped with a warning.
# Usage: bash tests/verify/calendars.sh
# Exit: 0 every check that could run passed, 1 a check failed, 2 setup problem.
set -uo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet || exit 2
AGORA="$PWD/target/debug/agora"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
EXAMPLES="events/examples/dst-autumn.toml events/examples/dst-spring.toml tests/data/dst-weekend.toml"

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
apt_install() {
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null 2>&1
}
command -v calcurse >/dev/null || apt_install calcurse \
  || echo "warning: calcurse could not be installed; its check is skipped" >&2

KHAL=""
VENV="${AGORA_VERIFY_VENV:-target/verify-venv}"
if [ -x "$VENV/bin/khal" ] || { { [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"; } \
    && "$VENV/bin/pip" install -q khal >/dev/null 2>&1; }; then
  KHAL="$VENV/bin/khal"
elif command -v khal >/dev/null || apt_install khal; then
  KHAL="$(command -v khal)"
else
  echo "warning: khal could not be installed (pip or apt-get); its check is skipped" >&2
fi

status=0
for event in $EXAMPLES; do
  name=$(basename "$event" .toml)
  dir="$WORK/$name"
  mkdir -p "$dir"
  zone=$(sed -n 's/^timezone *= *"\(.*\)".*/\1/p' "$event" | head -1)
  SOURCE_DATE_EPOCH=1 "$AGORA" export ics "$event" -o "$dir/event.ics" >/dev/null 2>&1 \
    && SOURCE_DATE_EPOCH=1 "$AGORA" export csv "$event" -o "$dir/event.csv" >/dev/null 2>&1 \
    || { echo "cannot export $event" >&2; exit 2; }

  khal_out=""
  if [ -n "$KHAL" ]; then
    mkdir -p "$dir/khal"
    cat > "$dir/khal.conf" <<EOF
[calendars]
[[agora]]
path = $dir/khal
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M
longdatetimeformat = %Y-%m-%dT%H:%M
local_timezone = UTC
default_timezone = $zone
EOF
    TZ="$zone" "$KHAL" -c "$dir/khal.conf" import --batch -a agora "$dir/event.ics" >/dev/null 2>&1
    TZ="$zone" "$KHAL" -c "$dir/khal.conf" list --format '{start}|{end}|{title}' \
      1970-01-01 36500d > "$dir/khal.txt" 2>&1
    khal_out="$dir/khal.txt"
  fi
  calcurse_out=""
  if command -v calcurse >/dev/null; then
    mkdir -p "$dir/cc-data" "$dir/cc-conf"
    TZ="$zone" calcurse -D "$dir/cc-data" -C "$dir/cc-conf" -i "$dir/event.ics" >/dev/null 2>&1
    calcurse_out="$dir/cc-data/apts"
  fi

  python3 - "$zone" "$dir/event.csv" "$khal_out" "$calcurse_out" "$name" <<'PY' || status=1
import csv, sys, re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

zone, csv_path, khal_path, calcurse_path, name = sys.argv[1:]
tz = ZoneInfo(zone)
rows = [r for r in csv.DictReader(open(csv_path, encoding="utf-8")) if r["start_utc"]]
def instant(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
failed = False

if khal_path:
    got = {}
    for line in open(khal_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("|")
        if len(parts) == 3:
            got[parts[2]] = (parts[0], parts[1])
    for r in rows:
        want = tuple(instant(r[k]).strftime("%Y-%m-%dT%H:%M") for k in ("start_utc", "end_utc"))
        found = [v for t, v in got.items() if t == r["title"] or t.endswith(": " + r["title"])
                 or t.endswith("\u00a0: " + r["title"])]
        if not found:
            print(f"FAIL khal {name}: {r['id']} not listed"); failed = True
        elif found[0] != want:
            print(f"FAIL khal {name}: {r['id']} stored {found[0]}, expected {want} (UTC)"); failed = True
        else:
            print(f"ok   khal {name}: {r['id']} {want[0]}Z – {want[1]}Z")

if calcurse_path:
    stored = {}
    pattern = re.compile(r"^(\d\d/\d\d/\d{4} @ \d\d:\d\d) -> (\d\d/\d\d/\d{4} @ \d\d:\d\d)\s*(?:>\S+\s*)?[|!](.*)$")
    for line in open(calcurse_path, encoding="utf-8"):
        m = pattern.match(line.rstrip("\n"))
        if m:
            stored.setdefault(m.group(3), []).append((m.group(1), m.group(2)))
    for r in rows:
        local = [instant(r[k]).astimezone(tz) for k in ("start_utc", "end_utc")]
        want = tuple(t.strftime("%m/%d/%Y @ %H:%M") for t in local)
        found = [v for t, vs in stored.items() for v in vs
                 if t == r["title"] or t.endswith(": " + r["title"]) or t.endswith("\u00a0: " + r["title"])]
        if want not in found:
            print(f"FAIL calcurse {name}: {r['id']} stored {found}, expected {want}"); failed = True
            continue
        # Whether calcurse's wall-clock file can say this session again.
        def unique(t):
            naive = t.replace(tzinfo=None)
            return naive.replace(tzinfo=tz, fold=0).utcoffset() == naive.replace(tzinfo=tz, fold=1).utcoffset()
        if local[1].replace(tzinfo=None) < local[0].replace(tzinfo=None):
            print(f"warning calcurse {name}: {r['id']} stored {want[0]} -> {want[1]}: right wall-clock "
                  "times, but calcurse's file keeps no offset and will refuse an end before the start")
        elif not (unique(local[0]) and unique(local[1])):
            print(f"warning calcurse {name}: {r['id']} stored {want[0]} -> {want[1]}: right wall-clock "
                  "times in the repeated hour; calcurse's file keeps no offset to say which one")
        else:
            print(f"ok   calcurse {name}: {r['id']} {want[0]} -> {want[1]}")
sys.exit(1 if failed else 0)
PY
done
exit $status
