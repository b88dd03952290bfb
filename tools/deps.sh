#!/usr/bin/env bash
# Installs the Debian packages Samenspel needs to build, test and run.
# Sourced by tools/run.sh and tools/test.sh so that a fresh Debian 12 machine
# needs nothing but these two commands.
set -euo pipefail

SAMENSPEL_PACKAGES=(
  build-essential cmake pkg-config gettext
  libsdl2-dev libsdl2-ttf-dev libsdl2-net-dev
  libyaml-dev libsqlite3-dev libfontconfig-dev libcmocka-dev libpng-dev
  fonts-dejavu-core
  clang libclang-rt-14-dev
  xvfb xauth valgrind
  python3 libxml2-utils
  libwebsockets-dev libqrencode-dev
  chromium zbar-tools nodejs curl
)

missing=()
for p in "${SAMENSPEL_PACKAGES[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# puppeteer-core for the browser tests, pinned by tests/web/package-lock.json.
web_deps() { "$(dirname "${BASH_SOURCE[0]}")/web-deps.sh"; }

if [ ${#missing[@]} -eq 0 ]; then
  web_deps
  exit 0
fi

echo "samenspel: pakketten ontbreken / missing packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt_cmd=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt_cmd=(sudo apt-get)
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
  apt_cmd=(sudo apt-get)
else
  echo "samenspel: cannot install as this user. Run this as root, then try again:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${apt_cmd[@]}" update -qq || true
"${apt_cmd[@]}" install -y -qq --no-install-recommends "${missing[@]}"
web_deps
