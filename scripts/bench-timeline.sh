#!/usr/bin/env bash
# Times the whole `controlmap timeline` process on the bundled scenario: 26 November – 8 December 2024 (13
# frames), north-west view, 1600 px, with animation, areas, chart and page; warm cell cache, release build.
#   scripts/bench-timeline.sh [RUNS]     default: 5 runs; prints each time and the median
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
swift build -c release --product controlmap > /dev/null
binary="$(swift build -c release --show-bin-path)/controlmap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
arguments=(timeline --from 2024-11-26 --to 2024-12-08 --view northwest --width 1600 --quiet --force -o "$work/out")
"$binary" "${arguments[@]}" > /dev/null    # fills the cell cache
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$binary" "${arguments[@]}" > /dev/null
    times+=("$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.3f", ns / 1e9 }')")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
echo "timeline, 13 frames of the north-west view at 1600 px on $(nproc) processors: ${times[*]} s; median ${median} s (budget 2 s)"
