#!/usr/bin/env bash
# The synthetic scenario of ../shared/bench (N places, 60 dates): the whole `controlmap timeline` of its 60 dates
# at 2000 px (frames, animation, chart, page) against 60 runs of the C reference, which draws one date's map a
# run. Run ../shared/bench/side-by-side.sh N once first: it builds the C reference and writes the scenario.
#   scripts/bench-timeline-vs-c.sh [N]     default: 3000 places
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3000}"
work=${BENCH_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/controlmap-bench}
[ -x "$work/cmap" ] && [ -d "$work/cm$n" ] || { echo "run ../shared/bench/side-by-side.sh $n first" >&2; exit 1; }
swift build -c release --product controlmap > /dev/null 2>&1 || swift build -c release --product controlmap
binary="$(swift build -c release --show-bin-path)/controlmap"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
inputs=(--scenario "$work/cm$n/scenario" --gazetteer "$work/cm$n/gazetteer")
"$binary" timeline "${inputs[@]}" --width 2000 --quiet --force -o "$out/warm" > /dev/null 2>&1  # fills the caches
TIMEFORMAT='%R'
timeline=$( { time "$binary" timeline "${inputs[@]}" --width 2000 --quiet --force -o "$out/timeline" > /dev/null 2>&1; } 2>&1 )
frames=$(ls "$out/timeline/frames" | wc -l)
reference=$( { time for _ in $(seq "$frames"); do "$work/cmap" "$work/data/$n" --out "$out/c" > /dev/null; done; } 2>&1 )
echo "N=$n: controlmap timeline of $frames frames ${timeline} s; $frames runs of the C reference ${reference} s"
awk -v a="$timeline" -v b="$reference" 'BEGIN { printf "ratio controlmap / C: %.2f (goal: under 1.0)\n", a / b }'
