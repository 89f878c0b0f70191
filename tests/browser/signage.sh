#!/usr/bin/env bash
# The signage kiosk pages in headless Chromium at TV size (1920×1080), with and without
# JavaScript.
#
#   bash tests/browser/signage.sh                # check
#   bash tests/browser/signage.sh --screenshots  # also refresh docs/signage-1080.png
#
# Checks, for the seed event exported at 11:20 on its first day:
#   - without JavaScript, the page shows the state of the export's moment (one section);
#   - with JavaScript and ?at=… (another moment), the page shows that moment's state instead,
#     with its clock; so the inline script really follows the time;
#   - the hostile and DST test events load and show exactly one state.
# Installs Chromium with apt-get when it is missing (Debian: package `chromium`).
# Exit: 0 all good, 1 a check failed, 2 setup failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

UPDATE=0
[ "${1:-}" = "--screenshots" ] && UPDATE=1

# shellcheck source=tests/browser/chromium.sh
source tests/browser/chromium.sh
# Tuesday 5 December 2017, 11:20 in Lyon.
export SOURCE_DATE_EPOCH=1512469200

# The text of the shown <section class="state"> of a dumped DOM, and the clock.
shown() {
  python3 - "$1" <<'PY'
import sys
from html.parser import HTMLParser

class Shown(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0; self.sections = []; self.clock = False; self.time = ""
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "state" in (a.get("class") or ""):
            self.depth = 1; self.sections.append(["hidden" in a, []])
        elif self.depth and tag == "section":
            self.depth += 1
        if tag == "time" and a.get("id") == "clock": self.clock = True
    def handle_endtag(self, tag):
        if tag == "section" and self.depth: self.depth -= 1
        if tag == "time": self.clock = False
    def handle_data(self, data):
        if self.depth: self.sections[-1][1].append(data)
        if self.clock: self.time += data

p = Shown(); p.feed(open(sys.argv[1], encoding="utf-8").read())
visible = [" ".join("".join(t).split()) for hidden, t in p.sections if not hidden]
print(f"{len(visible)} {p.time.strip()}")
for v in visible: print(v)
PY
}

FAILED=0
check() { # name file expected-count expected-clock expected-text...
  local name=$1 file=$2 clock=$3; shift 3
  local out; out=$(shown "$file")
  local count; count=$(head -1 <<<"$out" | cut -d' ' -f1)
  local time; time=$(head -1 <<<"$out" | cut -d' ' -f2)
  local ok=1
  [ "$count" = 1 ] || { echo "  FAIL $name: $count states shown"; ok=0; }
  [ -z "$clock" ] || [ "$time" = "$clock" ] || { echo "  FAIL $name: clock shows $time, not $clock"; ok=0; }
  for text in "$@"; do
    grep -qF -- "$text" <<<"$out" || { echo "  FAIL $name: \"$text\" not shown"; ok=0; }
  done
  if [ "$ok" = 1 ]; then echo "PASS $name"; else FAILED=1; sed 's/^/    /' <<<"$out" | head -5; fi
}

out="$WORK/seed"
"$AGORA" export signage events/forum-interconnectes-2017.toml -o "$out" 2>/dev/null
page="$out/signage/amphi/index.html"
# No JavaScript: the export's moment (11:20), whatever ?at= says (only the script reads it).
# Headless Chromium's --dump-dom needs JavaScript, so the page is loaded without its script
# (the same document a browser with JavaScript off renders).
nojs="$out/signage/amphi/nojs.html"
python3 - "$page" "$nojs" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
stripped = re.sub(r"<script>.*?</script>", "", text, flags=re.S)
assert stripped != text, "the page has no inline script"
open(sys.argv[2], "w", encoding="utf-8").write(stripped)
PY
chrome --window-size=1920,1080 --dump-dom "file://$nojs?at=1512480600" > "$WORK/nojs.html"
check "seed, amphi, no JavaScript (export at 11:20)" "$WORK/nojs.html" 11:20 \
  "Zones blanches et très haut débit" "encore 55 min"
# JavaScript at 14:30 the same day: another session, its countdown, the clock.
chrome --window-size=1920,1080 --dump-dom "file://$page?at=1512480600" > "$WORK/js.html"
check "seed, amphi, JavaScript at 14:30" "$WORK/js.html" 14:30 \
  "Comment la digitalisation bouscule les territoires" "encore 1 h 00"
# JavaScript the next evening: the event is over.
chrome --window-size=1920,1080 --dump-dom "file://$page?at=1512673200" > "$WORK/end.html"
check "seed, amphi, JavaScript after the end" "$WORK/end.html" "" "L'événement est terminé"
# The index links every room.
chrome --window-size=1920,1080 --dump-dom "file://$out/signage/index.html" > "$WORK/index.html"
for room in amphi salle-rhone salle-saone atelier foyer; do
  grep -q "href=\"$room/index.html\"" "$WORK/index.html" || { echo "  FAIL index: no link to $room"; FAILED=1; }
done

for event in tests/data/hostile.toml tests/data/dst-weekend.toml; do
  name=$(basename "$event" .toml)
  "$AGORA" export signage "$event" -o "$WORK/$name" 2>/dev/null
  for page in "$WORK/$name"/signage/*/index.html; do
    chrome --window-size=1920,1080 --dump-dom "file://$page" > "$WORK/dom.html"
    check "$name, $(basename "$(dirname "$page")")" "$WORK/dom.html" ""
  done
done
# Across the DST change: 02:20 in the repeated hour (CET) is 01:20 UTC.
chrome --window-size=1920,1080 --dump-dom "file://$WORK/dst-weekend/signage/hall/index.html?at=1509240000" > "$WORK/dst.html"
check "dst-weekend, hall, JavaScript at the second 02:20" "$WORK/dst.html" 02:20 \
  "Hackathon, première manche" "encore 10 min"

shot="$WORK/shot.png"
chrome --window-size=1920,1080 --screenshot="$shot" "file://$out/signage/salle-rhone/index.html?at=1512467400" >/dev/null
if [ "$(stat -c %s "$shot")" -lt 20000 ]; then echo "  FAIL the screenshot is (almost) empty"; FAILED=1; fi
if [ "$UPDATE" = 1 ]; then
  cp "$shot" docs/signage-1080.png
  echo "updated docs/signage-1080.png"
fi
exit "$FAILED"
