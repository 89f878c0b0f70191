#!/usr/bin/env bash
# Every language through the W3C Nu checker: the seed agenda exported with --lang for every
# shipped catalogue (locales/*, right-to-left ones included: ar, he, fa),
# the Arabic test event in its own language, and the signage pages in Arabic; each page must
# also say the right lang and dir.
# Usage: bash tests/verify/languages.sh [SHARED_TOOLS_DIR]   (default: ../shared/tools)
# Exit: 0 every check passed, 1 a check failed, 2 setup problem.
set -uo pipefail
cd "$(dirname "$0")/../.."
TOOLS="${1:-../shared/tools}"
[ -x "$TOOLS/verify-html" ] || { echo "verify-html not found in $TOOLS" >&2; exit 2; }

cargo build --quiet || exit 2
AGORA=target/debug/agora
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1512086400
STATUS=0
HTML=()

expect() { # FILE LANG DIR
  if ! grep -q "<html lang=\"$2\" dir=\"$3\">" "$1"; then
    echo "FAIL $1: expected <html lang=\"$2\" dir=\"$3\">" >&2
    STATUS=1
  fi
}

rtl() { case "$1" in ar|he|fa) echo rtl ;; *) echo ltr ;; esac; }

TAGS=()
for d in locales/*/; do TAGS+=("$(basename "$d")"); done
for tag in "${TAGS[@]}"; do
  out="$WORK/seed-$tag"
  "$AGORA" export html events/forum-interconnectes-2017.toml --lang "$tag" -o "$out" 2>/dev/null \
    || { echo "FAIL export --lang $tag" >&2; STATUS=1; continue; }
  expect "$out/index.html" "$tag" "$(rtl "$tag")"
  HTML+=("$out/index.html")
done
"$AGORA" export html tests/data/arabic.toml -o "$WORK/arabic" 2>/dev/null || STATUS=1
expect "$WORK/arabic/index.html" ar rtl
HTML+=("$WORK/arabic/index.html")
"$AGORA" export signage tests/data/arabic.toml -o "$WORK/arabic-signage" 2>/dev/null || STATUS=1
for f in "$WORK"/arabic-signage/signage/index.html "$WORK"/arabic-signage/signage/*/index.html; do
  expect "$f" ar rtl
  HTML+=("$f")
done

echo "verify-html: ${#HTML[@]} pages in ${#TAGS[@]} languages"
"$TOOLS/verify-html" "${HTML[@]}" || STATUS=1
[ "$STATUS" = 0 ] && echo "languages: all pages valid, lang and dir right"
exit "$STATUS"
