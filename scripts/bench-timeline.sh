#!/usr/bin/env bash
# Times the whole `controlmap timeline` process on the bundled scenario: 26 November – 8 December 2024 (13
# frames), north-west view, 1600 px, with animation, areas, chart and page; warm cell cache, release build.
# Prints each run's wall-clock time and processor time (user + system), then the medians. On a machine that
# other work shares, the processor time is the steadier figure.
#   scripts/bench-timeline.sh [RUNS]     default: 5 runs
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
swift build -c release --product controlmap > /dev/null 2>&1 || swift build -c release --product controlmap
binary="$(swift build -c release --show-bin-path)/controlmap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
arguments=(timeline --from 2024-11-26 --to 2024-12-08 --view northwest --width 1600 --quiet --force -o "$work/out")
"$binary" "${arguments[@]}" > /dev/null    # fills the cell cache
TIMEFORMAT='%R %U %S'
for _ in $(seq "$runs"); do
    { time "$binary" "${arguments[@]}" > /dev/null; } 2>> "$work/times"
done
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
wall=$(awk '{ print $1 }' "$work/times" | median)
cpu=$(awk '{ printf "%.3f\n", $2 + $3 }' "$work/times" | median)
echo "timeline, 13 frames of the north-west view at 1600 px, $(nproc) processors, load $(cut -d' ' -f1 /proc/loadavg):"
awk '{ printf "  wall %.2f s, processor %.2f s\n", $1, $2 + $3 }' "$work/times"
echo "median: wall ${wall} s, processor ${cpu} s (budget: 2 s wall)"
