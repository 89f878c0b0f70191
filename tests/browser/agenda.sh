#!/usr/bin/env bash
# Render the HTML agenda in headless Chromium at phone and desktop widths.
#
#   bash tests/browser/agenda.sh                 # check: the page loads, every session title
#                                                # is in the DOM, at 390 px and 1280 px
#   bash tests/browser/agenda.sh --screenshots   # also refresh docs/agenda-390.png and
#                                                # docs/agenda-1280.png
#
# Events checked: the seed event, the test events (hostile text, DST weekend, Kolkata) and the
# example events under events/examples/.
# Installs Chromium with apt-get when it is missing (Debian: package `chromium`).
# Exit: 0 all good, 1 a check failed, 2 setup failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

UPDATE=0
[ "${1:-}" = "--screenshots" ] && UPDATE=1

# shellcheck source=tests/browser/chromium.sh
source tests/browser/chromium.sh
export SOURCE_DATE_EPOCH=1512086400

FAILED=0
EVENTS=(events/forum-interconnectes-2017.toml tests/data/hostile.toml
        tests/data/dst-weekend.toml tests/data/kolkata.toml)
# The example events too (files and directory events), when there are any.
for e in events/examples/*; do [ -e "$e" ] && EVENTS+=("$e"); done
for event in "${EVENTS[@]}"; do
  name=$(basename "$event" .toml)
  [ -d "$event" ] && name="dir-$name"
  out="$WORK/$name"
  "$AGORA" export html "$event" -o "$out" 2>/dev/null
  "$AGORA" export json "$event" -o "$out/program.json" 2>/dev/null
  for width in 390 1280; do
    chrome --window-size="$width,2000" --dump-dom "file://$out/index.html" > "$out/dom-$width.html"
    chrome --window-size="$width,2000" --screenshot="$out/shot-$width.png" "file://$out/index.html" >/dev/null
    if python3 - "$out/program.json" "$out/dom-$width.html" "$out/shot-$width.png" <<'PY'
import json, sys
from html.parser import HTMLParser

program = json.load(open(sys.argv[1], encoding="utf-8"))
dom = open(sys.argv[2], encoding="utf-8").read()

class Titles(HTMLParser):
    """Collects the text of every <h3> (session titles) and notes any <script>."""
    def __init__(self):
        super().__init__()
        self.depth = 0; self.text = []; self.titles = []; self.scripts = 0
    def handle_starttag(self, tag, attrs):
        if tag == "h3": self.depth += 1; self.text = []
        if tag == "script": self.scripts += 1
    def handle_endtag(self, tag):
        if tag == "h3" and self.depth:
            self.depth -= 1; self.titles.append("".join(self.text).strip())
    def handle_data(self, data):
        if self.depth: self.text.append(data)

p = Titles(); p.feed(dom)
problems = []
if len(dom) < 1000 or "</html>" not in dom:
    problems.append("the page did not load")
for s in program["sessions"]:
    if s["title"] not in p.titles:
        problems.append(f"title missing from the DOM: {s['title']!r}")
if p.scripts:
    problems.append(f"{p.scripts} <script> element(s) in the DOM")
import os
if os.path.getsize(sys.argv[3]) < 10_000:
    problems.append("the screenshot is (almost) empty")
for m in problems: print("  FAIL", m)
sys.exit(1 if problems else 0)
PY
    then
      echo "PASS $name at ${width}px ($(python3 -c "import json;print(len(json.load(open('$out/program.json'))['sessions']))") session titles in the DOM)"
    else
      echo "FAIL $name at ${width}px"; FAILED=1
    fi
  done
  if [ "$UPDATE" = 1 ] && [ "$name" = forum-interconnectes-2017 ]; then
    chrome --window-size=390,1800 --screenshot=docs/agenda-390.png "file://$out/index.html" >/dev/null
    chrome --window-size=1280,1500 --screenshot=docs/agenda-1280.png "file://$out/index.html" >/dev/null
    echo "updated docs/agenda-390.png and docs/agenda-1280.png"
  fi
done
exit "$FAILED"
