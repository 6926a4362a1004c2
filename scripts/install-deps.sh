#!/usr/bin/env bash
# Installs the Debian packages ControlMap builds and runs with, when any is missing.
#   scripts/install-deps.sh          libraries and fonts for building and rendering
#   scripts/install-deps.sh --test   also the SVG and PDF readers the tests use, and the browser, load generator
#                                    and HTTP tools that scripts/serve-checks.sh drives the server with
set -euo pipefail
packages=(pkg-config libgeos-dev libqhull-dev libcairo2-dev libpango1.0-dev libpng-dev libdeflate-dev libproj-dev libgdal-dev
          fonts-noto-core)
if [ "${1:-}" = "--test" ]; then
    packages+=(librsvg2-bin poppler-utils gdal-bin python3-shapely python3-gdal chromium python3-websocket wrk curl)
fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "ControlMap needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
