#!/bin/sh
# Install Debian's chromium when it is missing: the browser tests (pytest -m browser) and
# `strikewatch brief --format pdf` drive /usr/bin/chromium headless. Never `playwright install`:
# the tests use the distribution's browser through Playwright's executable_path.
set -e
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "ensure-chromium: not root and no sudo; install the 'chromium' package by hand" >&2
    exit 1
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
