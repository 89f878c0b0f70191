#!/usr/bin/env bash
# Render the HTML agenda in headless Chromium at phone and desktop widths.
#
#   bash tests/browser/agenda.sh                 # check: the page loads, every session title
#                                                # is in the DOM, at 390 px and 1280 px
#   bash tests/browser/agenda.sh --screenshots   # also refresh docs/agenda-390.png,
#                                                # docs/agenda-1280.png and docs/agenda-1920.png
#
# Then, driven by puppeteer-core (tests/browser/agenda-web.cjs) at 390, 1280 and 1920 px with
# JavaScript off and on: every title in the DOM, sticky headers measured after scrolling,
# search, a favourite kept over a reload, the favourites' calendar through
# ../shared/tools/verify-ics (when present), and axe-core: no serious or critical violation.
# puppeteer-core and axe-core come from npm (installed once into target/browser-npm; npm and
# Node.js with apt-get when missing).
#
# Events checked: the seed event, the test events (hostile text, DST weekend, Kolkata, Arabic
# right to left) and the example events under events/examples/.
# Installs Chromium with apt-get when it is missing (Debian: package `chromium`).
# Exit: 0 all good, 1 a check failed, 2 setup failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

UPDATE=0
[ "${1:-}" = "--screenshots" ] && UPDATE=1

# shellcheck source=tests/browser/chromium.sh
source tests/browser/chromium.sh
export SOURCE_DATE_EPOCH=1512086400

# puppeteer-core and axe-core, pinned, installed once (npm's own cache makes it quick).
NPM="$PWD/target/browser-npm"
if [ ! -d "$NPM/node_modules/puppeteer-core" ] || [ ! -f "$NPM/node_modules/axe-core/axe.min.js" ]; then
  if ! command -v npm >/dev/null; then
    echo "[setup] apt-get install nodejs npm" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null 2>&1 \
      || { echo "[setup] cannot install npm" >&2; exit 2; }
  fi
  echo "[setup] npm install puppeteer-core axe-core" >&2
  mkdir -p "$NPM"
  (cd "$NPM" && npm install --no-audit --no-fund --silent --no-save \
      puppeteer-core@24.43.1 axe-core@4.14.1 >/dev/null) \
    || { echo "[setup] cannot install puppeteer-core and axe-core from npm" >&2; exit 2; }
fi
VERIFY_ICS="${AGORA_SHARED:-../shared}/tools/verify-ics"
# Verify-ics needs its tools; in CI it installs them itself (see .ci/interop).

FAILED=0
EVENTS=(events/forum-interconnectes-2017.toml tests/data/hostile.toml
        tests/data/dst-weekend.toml tests/data/kolkata.toml tests/data/arabic.toml)
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

def norm(t):
    # French output keeps a no-break space before : ; ? ! (typography); compare words.
    return " ".join(t.replace("\u00a0", " ").replace("\u202f", " ").split())

class Titles(HTMLParser):
    """Collects the text of every <h3> (session titles) and counts <script> elements."""
    def __init__(self):
        super().__init__()
        self.depth = 0; self.text = []; self.titles = []; self.scripts = 0
    def handle_starttag(self, tag, attrs):
        if tag == "h3": self.depth += 1; self.text = []
        if tag == "script": self.scripts += 1
    def handle_endtag(self, tag):
        if tag == "h3" and self.depth:
            self.depth -= 1; self.titles.append(norm("".join(self.text)))
    def handle_data(self, data):
        if self.depth: self.text.append(data)

p = Titles(); p.feed(dom)
problems = []
if len(dom) < 1000 or "</html>" not in dom:
    problems.append("the page did not load")
for s in program["sessions"]:
    if norm(s["title"]) not in p.titles:
        problems.append(f"title missing from the DOM: {s['title']!r}")
if p.scripts > 1:
    problems.append(f"{p.scripts} <script> elements in the DOM (only the page's own may be)")
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
  SHOTS=""
  [ "$UPDATE" = 1 ] && [ "$name" = forum-interconnectes-2017 ] && SHOTS=docs
  if [ -n "$NPM" ]; then
    node tests/browser/agenda-web.cjs "$NPM" "$out" "$name" "$out/index.html" "$out/program.json" $SHOTS \
      || FAILED=1
    if [ -f "$VERIFY_ICS" ]; then
      for mine in "$out/$name"-mine-1280.ics; do
        [ -e "$mine" ] || continue
        if bash "$VERIFY_ICS" "$mine" > "$out/verify.log" 2>&1; then
          echo "PASS $name: the favourites' calendar $(basename "$mine") passes verify-ics"
        else
          echo "FAIL $name: $(basename "$mine") fails verify-ics"; sed 's/^/    /' "$out/verify.log"; FAILED=1
        fi
      done
    fi
  fi
done
exit "$FAILED"
