#!/usr/bin/env bash
# Install what the web UI's browser tests need, from Debian's packages only:
#   chromium   - driven headless by the pip-installed `playwright` package (executable_path=/usr/bin/chromium);
#                `playwright install` is never run (it would download a browser build).
#   fonts-noto-core, fonts-kacst - system Arabic fonts so pages shape and render right-to-left.
# The browser tests themselves run with the rest of the suite (`make test`); they skip when chromium is missing.
# Usage: bash scripts/ci_browser.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
dpkg -s fonts-kacst >/dev/null 2>&1 || need+=(fonts-kacst)
if [ "${#need[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
/usr/bin/chromium --version
