# Sourced by the browser checks: installs headless Chromium with apt-get when it is missing
# (Debian: package `chromium`), builds agora, and defines `chrome ARGS…` (a fresh profile each
# run, no network services) and $AGORA, $WORK (removed on exit).
if ! command -v chromium >/dev/null; then
  echo "[setup] apt-get install chromium" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { echo "[setup] cannot install chromium" >&2; exit 2; }
fi
command -v python3 >/dev/null || { echo "[setup] python3 is needed" >&2; exit 2; }

cargo build --quiet
AGORA=target/debug/agora
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

chrome() {
  local profile
  profile=$(mktemp -d "$WORK/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" "$@" 2>/dev/null
}
