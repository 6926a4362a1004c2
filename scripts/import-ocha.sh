#!/usr/bin/env bash
# Writes Gazetteer/ocha/aleppo-neighbourhoods.csv, a local layer the gazetteer reads but the project does not
# commit (it ships no OCHA data; its curated rows cite OCHA P-codes instead): Aleppo city's neighbourhoods, their
# centres and names in English and Arabic, from UN OCHA's city_neighbourhoods layer (CC BY 3.0 IGO), with
# governorates from OCHA's admin-1 boundaries. Give the folder holding aleppo_neighbourhoods.json and
# syr_admin1.geojson (as published on OCHA's humanitarian data portal); by default ../shared/data/ocha.
#
# Run from the repository root:  scripts/import-ocha.sh [FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-../shared/data/ocha}
for file in aleppo_neighbourhoods.json syr_admin1.geojson; do
    [ -f "$folder/$file" ] || { echo "error: $folder/$file not found; give the folder that holds it" >&2; exit 1; }
done
swift run -c release controlmap import ocha-neighbourhoods "$folder/aleppo_neighbourhoods.json" \
    --parent gn-170063 --admin1 "$folder/syr_admin1.geojson" -o Gazetteer/ocha/aleppo-neighbourhoods.csv
