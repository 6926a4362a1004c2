#!/usr/bin/env bash
# Kills runs with SIGKILL at random moments and runs several at once, then checks that nothing partial is left:
# every output is the old file or the whole new one, the cell cache is never damaged, and the next run removes
# the temporary files of killed ones.
#   scripts/kill-and-concurrency.sh [BINARY] [KILLS]     default: .build/debug/controlmap, 20 kills
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$(realpath "${1:-.build/debug/controlmap}")"
kills="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

start=$(date +%s%N)
"$binary" render --format png -o "$work/reference.png" > /dev/null
render_seconds=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.3f", ns / 1e9 }')
"$binary" snapshot -o "$work/reference.geojson" 2> /dev/null

# Several renders and snapshots at once, into one cache and onto one target each.
rm -rf "$XDG_CACHE_HOME"
pids=()
for i in 1 2 3 4; do
    "$binary" render --format png -o "$work/together.png" > /dev/null 2> "$work/together-$i.err" & pids+=($!)
    "$binary" snapshot -o "$work/together.geojson" 2> "$work/together-snapshot-$i.err" & pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "a run of several at once exited with $?"; done
cmp -s "$work/together.png" "$work/reference.png" || fail "renders at once gave a different PNG"
cmp -s "$work/together.geojson" "$work/reference.geojson" || fail "snapshots at once gave different GeoJSON"
if grep -l "damaged" "$work"/together*.err; then fail "runs at once damaged the cache"; fi
"$binary" snapshot -o "$work/after.geojson" 2> "$work/after.err"
grep -q "damaged" "$work/after.err" && fail "the cache written by runs at once is damaged"

# SIGKILL at random moments of a render (cache writes included) onto an existing target.
printf 'old contents\n' > "$work/old.png"
for ((k = 1; k <= kills; k++)); do
    cp "$work/old.png" "$work/target.png"
    if ((k % 2 == 0)); then rm -rf "$XDG_CACHE_HOME"; fi
    "$binary" render --format png -o "$work/target.png" > /dev/null 2>&1 &
    pid=$!
    # Anywhere in a render's time, the write at its end included.
    sleep "$(awk -v seed="$k" -v span="$render_seconds" 'BEGIN { srand(seed); printf "%.3f", rand() * span * 1.2 }')"
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    if ! cmp -s "$work/target.png" "$work/old.png" && ! cmp -s "$work/target.png" "$work/reference.png"; then
        fail "kill $k left a partial target"
    fi
done
left="$(find "$work" -name '.*.tmp' | wc -l)"
echo "kills: $kills over ${render_seconds}s renders; temporary files they left: $left"
sleep 3  # a temporary file is stale once no process holds its lock and it is older than two seconds
"$binary" render --format png -o "$work/target.png" > /dev/null 2> "$work/final.err"
grep -q "damaged" "$work/final.err" && fail "a killed run damaged the cache"
cmp -s "$work/target.png" "$work/reference.png" || fail "the run after the kills gave a different PNG"
[ -z "$(find "$work" -name '.*.tmp')" ] || fail "stale temporary files were not removed"

if ((failures > 0)); then echo "$failures failure(s)" >&2; exit 1; fi
echo "ok: runs at once agree, kills left nothing partial, stale temporary files removed"
