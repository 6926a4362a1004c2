#!/usr/bin/env bash
# Fuzzes the scenario loader and the CSV, GeoJSON and UTF-8 readers with libFuzzer for a bounded time.
#   scripts/fuzz.sh [SECONDS] [JOBS]      default: 600 seconds, 1 job
# Seeds come from the bundled scenario; the corpus grows in .build/fuzz-corpus/, crashing inputs land in
# .build/fuzz-crashes/ (replay one with `swift run controlmap-fuzz FILE`). Exits non-zero on a crash or a hang.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
jobs="${2:-1}"
# The libraries are built instrumented by SwiftPM; the harness is linked by hand, since SwiftPM's executables bring
# their own main and libFuzzer brings another.
swift build -c release --scratch-path .build/fuzz --target Claims -Xswiftc -sanitize=fuzzer >&2
built="$(swift build -c release --scratch-path .build/fuzz --show-bin-path)"
binary="$built/controlmap-fuzz-libfuzzer"
swiftc -O -sanitize=fuzzer -DFUZZING -parse-as-library -module-name controlmap_fuzz \
    Sources/controlmap-fuzz/FuzzHarness.swift -I "$built/Modules" \
    -I Sources/CGEOS -I Sources/CPROJ -I Sources/CDeflate -I Sources/CQhull \
    -Xcc -fmodule-map-file=.build/fuzz/checkouts/Yams/Sources/CYaml/include/module.modulemap \
    -Xcc -fmodule-map-file="$built/CPROJLoader.build/module.modulemap" \
    $(find "$built"/{Claims,Gazetteer,Geometry,CPROJLoader,Yams,CYaml}.build -name "*.o") \
    $(pkg-config --libs geos libdeflate qhull_r) \
    -o "$binary"

corpus=.build/fuzz-corpus seeds=.build/fuzz-seeds crashes=.build/fuzz-crashes
mkdir -p "$corpus" "$seeds" "$crashes"
scenario=Scenarios/aleppo-2024
separator=$'\n%%\n'
claims_head="$(head -30 "$scenario/claims.csv")"
places="$(head -4 Gazetteer/curated/places.csv)"
printf '%s' "$(cat "$scenario/scenario.yaml")$separator$claims_head$separator$places$separator$(cat "$scenario/areas.geojson")" \
    > "$seeds/every-file"
printf '%s' "$(cat "$scenario/scenario.yaml")$separator$claims_head" > "$seeds/short"

cat > .build/fuzz.dict <<'DICT'
"\x0a%%\x0a"
"["
"{"
"- "
"&a "
"*a"
": "
"\""
","
"\x0d\x0a"
"1e999"
"NaN"
"90"
"\"coordinates\""
"\"Polygon\""
"\"MultiPolygon\""
"\"FeatureCollection\""
"date,place,actor,status,source,url,note"
"id,kind,name_en,lat,lon"
"default_view"
"radius_km"
DICT

# -rss_limit_mb: a run may not take more than 2 GB; -timeout: nor 10 seconds on one input.
CONTROLMAP_DATA="$PWD" "$binary" "$corpus" "$seeds" -dict=.build/fuzz.dict -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=16384 -artifact_prefix="$crashes/" -print_final_stats=1 \
    $([ "$jobs" -gt 1 ] && echo "-jobs=$jobs -workers=$jobs")
