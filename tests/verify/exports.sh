#!/usr/bin/env bash
# Export the seed event, the test events (hostile text, DST weekend, Asia/Kolkata) and the
# example events under events/examples/, and run
# the independent validators on every file agora writes:
#   - every .ics (whole program, per session, --utc, and a --split speakers set) through
#     ../shared/tools/verify-ics (eight parsers and clients);
#   - every index.html, and every signage kiosk page, through ../shared/tools/verify-html (the
#     W3C Nu checker).
# The validators install their own tools on first run (apt, pip, npm; a few minutes).
# Usage: bash tests/verify/exports.sh [SHARED_TOOLS_DIR]   (default: ../shared/tools)
# Exit: 0 every check passed, 1 a validator failed, 2 setup problem.
set -uo pipefail
cd "$(dirname "$0")/../.."
TOOLS="${1:-../shared/tools}"
[ -x "$TOOLS/verify-ics" ] && [ -x "$TOOLS/verify-html" ] \
  || { echo "validators not found in $TOOLS" >&2; exit 2; }

cargo build --quiet || exit 2
AGORA=target/debug/agora
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1512086400

ICS=()
HTML=()
EVENTS=(events/forum-interconnectes-2017.toml tests/data/hostile.toml
        tests/data/dst-weekend.toml tests/data/kolkata.toml)
# The example events too (files and directory events), when there are any.
for e in events/examples/*; do [ -e "$e" ] && EVENTS+=("$e"); done
for event in "${EVENTS[@]}"; do
  name=$(basename "$event" .toml)
  [ -d "$event" ] && name="dir-$name"
  "$AGORA" export all "$event" -o "$WORK/$name" 2>/dev/null || { echo "export failed: $event" >&2; exit 1; }
  case "$event" in
    events/examples/*)
      # The examples add time zones and shapes, not new writer paths: their whole-program
      # calendar is enough (keeps CI short).
      while IFS= read -r f; do ICS+=("$f"); done < <(find "$WORK/$name" -maxdepth 1 -name '*.ics' | sort)
      ;;
    *)
      "$AGORA" export ics "$event" --utc -o "$WORK/$name-utc/utc.ics" 2>/dev/null || exit 1
      "$AGORA" export ics "$event" --split speakers -o "$WORK/$name-split" 2>/dev/null || exit 1
      # The room and track pages' calendars are the --split writer's, checked through speakers.
      while IFS= read -r f; do ICS+=("$f"); done < <(find "$WORK/$name" "$WORK/$name-utc" "$WORK/$name-split" -name '*.ics' -not -path "$WORK/$name/rooms/*" -not -path "$WORK/$name/tracks/*" 2>/dev/null | sort)
      ;;
  esac
  HTML+=("$WORK/$name/index.html")
  # The room and track pages (written by `export html` beside the whole program).
  while IFS= read -r f; do HTML+=("$f"); done < <(find "$WORK/$name/rooms" "$WORK/$name/tracks" -name index.html 2>/dev/null | sort)
  # The signage kiosk pages and their index (not part of `export all`).
  "$AGORA" export signage "$event" -o "$WORK/$name" 2>/dev/null || { echo "signage export failed: $event" >&2; exit 1; }
  while IFS= read -r f; do HTML+=("$f"); done < <(find "$WORK/$name/signage" -name '*.html' | sort)
done

STATUS=0
echo "verify-ics: ${#ICS[@]} files"
"$TOOLS/verify-ics" "${ICS[@]}" > "$WORK/ics.log" 2>&1 || STATUS=1
grep -c ' PASS' "$WORK/ics.log" | sed 's/^/  checks passed: /'
if [ "$STATUS" != 0 ]; then grep -B1 -A6 'FAIL' "$WORK/ics.log"; fi
echo "verify-html: ${#HTML[@]} files"
"$TOOLS/verify-html" "${HTML[@]}" || STATUS=1
[ "$STATUS" = 0 ] && echo "all export validations passed"
exit "$STATUS"
