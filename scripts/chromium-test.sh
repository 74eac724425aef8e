#!/usr/bin/env bash
# The browser the portal's browser tests (PortalIT) drive: Debian's chromium and chromium-driver, installed with
# apt-get when missing (as root; otherwise it says what to install), and axe-core (the accessibility checker the
# tests inject into each page), fetched once with npm into target/axe-core of the calling module.
#
#   scripts/chromium-test.sh check     install when missing; print the versions; idempotent
#
# Environment: DEALERHUB_AXE_DIR (where axe.min.js goes), DEALERHUB_AXE_VERSION (4.11.0),
# DEALERHUB_SKIP_TESTS=true (mvn -DskipTests: nothing to do).
set -euo pipefail

AXE_VERSION=${DEALERHUB_AXE_VERSION:-4.11.0}
AXE_DIR=${DEALERHUB_AXE_DIR:-$PWD/target/axe-core}

die() { echo "chromium-test: $*" >&2; exit 1; }
say() { echo "chromium-test: $*"; }

install_browser() {
  [ "$(id -u)" = 0 ] || die "chromium or chromedriver missing and not root: install Debian's chromium and" \
    "chromium-driver (sudo apt-get install chromium chromium-driver), or skip the integration tests"
  say "chromium not installed: apt-get install chromium chromium-driver"
  local t=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  # one install at a time on this machine (another checkout's build may be installing too)
  exec 8>/tmp/dealerhub-chromium-install.lock
  flock 8
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt-get -q -o DPkg::Lock::Timeout=300 update
    apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends chromium chromium-driver \
      fonts-dejavu-core
  fi
  flock -u 8
  say "installed in $((SECONDS - t)) s"
}

fetch_axe() {
  [ -f "$AXE_DIR/axe.min.js" ] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || die "npm missing: install Debian's npm (apt-get install npm) for axe-core"
    say "npm not installed: apt-get install npm"
    DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update
    DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends npm
  fi
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null) || die "npm pack axe-core@$AXE_VERSION failed"
  tar -xzf "$tmp"/axe-core-*.tgz -C "$tmp"
  mkdir -p "$AXE_DIR"
  cp "$tmp/package/axe.min.js" "$AXE_DIR/axe.min.js"
  rm -rf "$tmp"
  say "axe-core $AXE_VERSION in $AXE_DIR"
}

check() {
  [ "${DEALERHUB_SKIP_TESTS:-}" = true ] && { say "tests skipped: nothing to do"; return 0; }
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    install_browser
  fi
  say "$(/usr/bin/chromium --version 2>/dev/null | head -1); $(/usr/bin/chromedriver --version | head -1)"
  fetch_axe
}

case "${1:-check}" in
  check) check ;;
  *) die "usage: $0 check" ;;
esac
