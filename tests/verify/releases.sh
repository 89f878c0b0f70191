#!/usr/bin/env bash
# A release history of the seed event (three releases: a move, a re-room, a cancellation, a
# removal, a renamed speaker, a retitled and a new session; then unreleased changes), and
# every version's exports through independent tools:
#   - the whole-program .ics of every release (`export all --release NAME`) and of the
#     working copy through ../shared/tools/verify-ics (the per-session files hold the same
#     VEVENTs and go through it in tests/verify/exports.sh; eight clients on every one of them
#     for four versions took most of a CI run);
#   - index.html and changes.html through ../shared/tools/verify-html;
#   - changes.atom through Python feedparser (installed in a venv by this script), and every
#     whole-program calendar through Python icalendar: SEQUENCE per UID never decreases from
#     one release to the next, removed sessions stay CANCELLED, DTSTAMP = LAST-MODIFIED.
# Usage: bash tests/verify/releases.sh [SHARED_TOOLS_DIR]   (default: ../shared/tools)
# Exit: 0 every check passed, 1 a check failed, 2 setup problem.
set -uo pipefail
cd "$(dirname "$0")/../.."
TOOLS="${1:-../shared/tools}"
[ -x "$TOOLS/verify-ics" ] && [ -x "$TOOLS/verify-html" ] \
  || { echo "validators not found in $TOOLS" >&2; exit 2; }
cargo build --quiet || exit 2
AGORA="$PWD/target/debug/agora"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

VENV="${AGORA_VERIFY_VENV:-target/verify-venv}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import feedparser, icalendar' 2>/dev/null; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q feedparser icalendar \
    || { echo "cannot install feedparser and icalendar in $VENV" >&2; exit 2; }
fi

EVENT="$WORK/forum.toml"
cp events/forum-interconnectes-2017.toml "$EVENT"
sub() { python3 - "$EVENT" "$1" "$2" <<'PY' || { echo "edit failed: $1" >&2; exit 2; }
import sys
path, old, new = sys.argv[1], sys.argv[2].replace('\\n', '\n'), sys.argv[3].replace('\\n', '\n')
text = open(path, encoding='utf-8').read()
assert text.count(old) == 1, old
open(path, 'w', encoding='utf-8').write(text.replace(old, new))
PY
}
release() { SOURCE_DATE_EPOCH="$1" "$AGORA" release "$EVENT" "$2" -m "$3" >/dev/null 2>&1 \
  || { echo "release $2 failed" >&2; exit 1; }; }

release 1512000000 v1 "First programme"
sub 'room = "atelier"\nstart = 2017-12-05T16:00:00' 'room = "atelier"\nstart = 2017-12-05T16:15:00'
sub 'room = "atelier"\nstart = 2017-12-05T14:00:00' 'room = "salle-rhone"\nstart = 2017-12-05T14:00:00'
sub 'id = "design-services-publics"\n' 'id = "design-services-publics"\nstatus = "cancelled"\n'
python3 - "$EVENT" <<'PY'
import sys, re
p = sys.argv[1]; t = open(p, encoding='utf-8').read()
t = re.sub(r'\[\[sessions\]\]\nid = "ouvrir-ses-donnees".*?(?=\n(#[^\n]*\n)*\[\[sessions\]\])', '', t, count=1, flags=re.S)
open(p, 'w', encoding='utf-8').write(t)
PY
sub 'name = "Akim Oural"' 'name = "Akim Oural-Benali"'
release 1512100000 v2 "After the speakers' answers"
sub 'title = "Clôture' 'title = "Clôture du forum'
printf '\n[[sessions]]\nid = "bonus"\ntitle = "Bonus <b>&amp;</b>"\nroom = "atelier"\nstart = 2017-12-06T09:00:00\nduration = 30\n' >> "$EVENT"
release 1512200000 v3 "Closing retitled, a bonus session"
sub 'start = 2017-12-05T16:15:00' 'start = 2017-12-05T16:30:00'

ICS=(); HTML=(); SCHEDULES=()
for v in v1 v2 v3 current; do
  extra=(--release "$v"); [ "$v" = current ] && extra=()
  SOURCE_DATE_EPOCH=1512300000 "$AGORA" export all "$EVENT" "${extra[@]}" -o "$WORK/$v" 2>/dev/null \
    || { echo "export of $v failed" >&2; exit 1; }
  while IFS= read -r f; do ICS+=("$f"); done < <(find "$WORK/$v" -maxdepth 1 -name '*.ics' | sort)
  HTML+=("$WORK/$v/index.html" "$WORK/$v/changes.html")
  SCHEDULES+=("$WORK/$v/schedule.xml" "$WORK/$v/schedule.json")
done

STATUS=0
echo "verify-ics: ${#ICS[@]} files of 3 releases and the working copy"
"$TOOLS/verify-ics" "${ICS[@]}" > "$WORK/ics.log" 2>&1 || { STATUS=1; tail -40 "$WORK/ics.log"; }
echo "verify-html: ${#HTML[@]} pages"
"$TOOLS/verify-html" "${HTML[@]}" > "$WORK/html.log" 2>&1 || { STATUS=1; tail -40 "$WORK/html.log"; }

if [ -x "$TOOLS/verify-schedule" ]; then
  echo "verify-schedule: ${#SCHEDULES[@]} files (version = the release name)"
  for f in "${SCHEDULES[@]}"; do
    "$TOOLS/verify-schedule" "$f" > "$WORK/schedule.log" 2>&1 || { STATUS=1; echo "$f"; tail -20 "$WORK/schedule.log"; }
  done
fi

"$VENV/bin/python" - "$WORK" <<'PY' || STATUS=1
import sys, feedparser, icalendar
work = sys.argv[1]
versions = ["v1", "v2", "v3", "current"]
# The Atom feed: well-formed, one entry per release (plus the unreleased changes), newest first.
for i, v in enumerate(versions):
    feed = feedparser.parse(f"{work}/{v}/changes.atom")
    assert not feed.bozo, (v, feed.bozo_exception)
    titles = [e.title for e in feed.entries]
    want = list(reversed(versions[: i + 1]))
    if v == "current":
        # The seed is a French event: its changelog speaks French.
        want = ["modifications non publiées"] + want[1:]
    assert titles == want, (v, titles, want)
    for e in feed.entries:
        assert e.id and e.updated_parsed and e.link.startswith("changes.html#"), e
print("feedparser: 4 feeds, entries as released")
# Every whole-program calendar: SEQUENCE never decreases, removed sessions stay cancelled.
seqs = []
for v in versions:
    cal = icalendar.Calendar.from_ical(open(f"{work}/{v}/forum-interconnectes-2017.ics", "rb").read())
    s = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"]).split("@")[0]
        s[uid] = (int(ev["SEQUENCE"]), str(ev["STATUS"]))
        assert ev["DTSTAMP"].dt == ev["LAST-MODIFIED"].dt, uid
    seqs.append(s)
for a, b, name in zip(seqs, seqs[1:], versions[1:]):
    for uid, (seq, _) in a.items():
        assert uid in b, (name, uid, "dropped instead of cancelled")
        assert b[uid][0] >= seq, (name, uid, seq, b[uid][0])
assert seqs[1]["ouvrir-ses-donnees"] == (1, "CANCELLED"), seqs[1]["ouvrir-ses-donnees"]
assert seqs[3]["ouvrir-ses-donnees"] == (1, "CANCELLED")
assert seqs[3]["atelier-tiers-lieux"][0] == 2 and seqs[2]["atelier-tiers-lieux"][0] == 1
assert seqs[2]["bonus"] == (0, "CONFIRMED") and seqs[2]["cloture"][0] == 1
print("icalendar: SEQUENCE never decreases across 3 releases and the working copy;",
      "removed sessions stay CANCELLED")
PY
[ "$STATUS" = 0 ] && echo "releases: every check passed"
exit "$STATUS"
