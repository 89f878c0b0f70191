#!/usr/bin/env bash
# Render the Arabic test event (tests/data/arabic.toml: right to left, Arabic and Latin text,
# interpretation) in headless Chromium at phone and desktop widths.
#
#   bash tests/browser/languages.sh                 # check: the page loads right to left and
#                                                   # every session title is in the DOM
#   bash tests/browser/languages.sh --screenshots   # also refresh docs/agenda-ar-390.png and
#                                                   # docs/agenda-ar-1280.png
#
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
out="$WORK/arabic"
"$AGORA" export html tests/data/arabic.toml -o "$out" 2>/dev/null
"$AGORA" export json tests/data/arabic.toml -o "$out/program.json" 2>/dev/null
for width in 390 1280; do
  chrome --window-size="$width,2200" --dump-dom "file://$out/index.html" > "$out/dom-$width.html"
  chrome --window-size="$width,2200" --screenshot="$out/shot-$width.png" "file://$out/index.html" >/dev/null
  if python3 - "$out/program.json" "$out/dom-$width.html" "$out/shot-$width.png" <<'PY'
import json, sys
program = json.load(open(sys.argv[1], encoding="utf-8"))
dom = open(sys.argv[2], encoding="utf-8").read()
problems = []
if '<html lang="ar" dir="rtl">' not in dom:
    problems.append("the page is not lang=ar dir=rtl")
for s in program["sessions"]:
    if s["title"] not in dom:
        problems.append("missing title: " + s["title"])
for word in ["المتحدثون", "الترجمة الفورية", "اللغات"]:
    if word not in dom:
        problems.append("missing label: " + word)
if open(sys.argv[3], "rb").read(8) != b"\x89PNG\r\n\x1a\n":
    problems.append("no screenshot")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY
  then
    echo "ok   arabic at ${width}px"
  else
    echo "FAIL arabic at ${width}px"
    FAILED=1
  fi
  if [ "$UPDATE" = 1 ]; then
    cp "$out/shot-$width.png" "docs/agenda-ar-$width.png"
  fi
done
exit "$FAILED"
