#!/usr/bin/env bash
# Regenerates the basemap layers in Gazetteer/basemap/ as GeoJSON (RFC 7946, lon/lat, 4 decimals):
#   syria.geojson       Syria's border                   Digital Chart of the World (public domain), Debian gmt-dcw
#   neighbours.geojson  the countries around it, clipped  Digital Chart of the World
#   water.geojson       lakes and major rivers            GSHHG (LGPL, Wessel & Smith), Debian gmt-gshhg-high
#   city-rivers.geojson the rivers unsimplified around each city of city-edges.geojson (run
#                       scripts/import-neighbourhoods.py first)                               GSHHG
# The sea is what no country covers.
# Extracted with GMT (`gmt coast -E… -M`, `gmt coast -Df -W1 -M`, `gmt coast -Df -I1 -I2 -I3 -M`), simplified with shapely.
#
# Run from the repository root:  scripts/extract-basemap.sh
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(gmt gmt-dcw gmt-gshhg-high gmt-gshhg-full)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then echo "install first: apt-get install -y ${missing[*]}" >&2; exit 1; fi
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c 'import shapely' 2>/dev/null || python3 -m pip install --quiet shapely
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
region=33/44.5/30.5/38.6
gmt coast -ESY -M > "$work/SY.txt"
for code in TR LB IL PS JO IQ CY EG SA; do gmt coast -E$code -M > "$work/$code.txt" 2>/dev/null || true; done
gmt coast -R$region -Df -W1 -M > "$work/shore.txt"
gmt coast -R35.3/36.6/34.3/36.3 -Df -W1 -A0/1/1 -M > "$work/land.txt"
gmt coast -R$region -Df -I1 -I2 -I3 -M > "$work/rivers.txt"
python3 scripts/basemap_geojson.py "$work" Gazetteer/basemap
