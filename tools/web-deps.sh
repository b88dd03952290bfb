#!/usr/bin/env bash
# Installs the browser tests' npm packages (puppeteer-core, pinned by
# tests/web/package-lock.json) into tests/web/node_modules. Called by
# tools/deps.sh. Puppeteer never downloads a browser here: the tests drive
# Debian's /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/../tests/web"
if ! command -v npm >/dev/null 2>&1; then
  # Debian's nodejs package ships npm separately; a NodeSource nodejs
  # already contains it (and conflicts with Debian's npm), hence the check.
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
  else
    echo "samenspel: npm is missing; install it (apt-get install npm) for the browser tests" >&2
    exit 0
  fi
fi
if [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json node_modules/.samenspel-lock; then
  exit 0
fi
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
cp package-lock.json node_modules/.samenspel-lock
