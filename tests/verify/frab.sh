#!/usr/bin/env bash
# The frab/C3VOC exports through the C3VOC schemas (../shared/tools/verify-schedule: xmllint
# with schedule.xml.xsd, check-jsonschema with schedule.json.schema1.json):
#   - agora export frab-xml / frab-json of the seed event, the example events (files and the
#     directory event) and the test events (hostile text, DST weekend, Asia/Kolkata);
#   - the same for programs from `agora generate` (small, DST-free; large, with planted conflicts);
#   - every real schedule in tests/data/interop/ imported, then exported again.
# The validator installs libxml2-utils (apt) and check-jsonschema (pip, in a venv) on first run.
# Usage: bash tests/verify/frab.sh [SHARED_TOOLS_DIR]   (default: ../shared/tools)
# Exit: 0 every file valid, 1 a file invalid or a command failed, 2 setup problem.
set -uo pipefail
cd "$(dirname "$0")/../.."
TOOLS="${1:-../shared/tools}"
[ -x "$TOOLS/verify-schedule" ] || { echo "verify-schedule not found in $TOOLS" >&2; exit 2; }

cargo build --quiet || exit 2
AGORA=target/debug/agora
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

EVENTS=(events/forum-interconnectes-2017.toml tests/data/hostile.toml
        tests/data/dst-weekend.toml tests/data/kolkata.toml)
for e in events/examples/*; do [ -e "$e" ] && EVENTS+=("$e"); done
"$AGORA" generate --sessions 60 --rooms 4 --speakers 40 --days 2 --seed 7 -o "$WORK/gen-small.toml" || exit 1
"$AGORA" generate --sessions 2000 --rooms 30 --speakers 900 --days 3 --conflict-rate 0.05 --seed 8 \
  -o "$WORK/gen-large.toml" || exit 1
EVENTS+=("$WORK/gen-small.toml" "$WORK/gen-large.toml")
for real in tests/data/interop/*.xml tests/data/interop/*.json; do
  name=$(basename "$real")
  "$AGORA" import "$real" -o "$WORK/imported-$name.toml" 2>/dev/null || { echo "import failed: $real" >&2; exit 1; }
  EVENTS+=("$WORK/imported-$name.toml")
done

FILES=()
for event in "${EVENTS[@]}"; do
  name=$(basename "$event" .toml)
  [ -d "$event" ] && name="dir-$name"
  for format in frab-xml frab-json; do
    ext=${format#frab-}
    out="$WORK/out/$name.$ext"
    "$AGORA" export "$format" "$event" -o "$out" 2>/dev/null || { echo "export $format failed: $event" >&2; exit 1; }
    FILES+=("$out")
  done
done

STATUS=0
for f in "${FILES[@]}"; do
  if ! "$TOOLS/verify-schedule" "$f" > "$WORK/log" 2>&1; then
    echo "INVALID $f"; sed 's/^/  /' "$WORK/log" | head -20; STATUS=1
  fi
done
echo "verify-schedule: ${#FILES[@]} files, $([ $STATUS = 0 ] && echo 'all valid' || echo 'some invalid')"
exit "$STATUS"
