#!/usr/bin/env bash
# Writes scripts/link-order.txt: the functions of the release binary that the usual commands run, which the release
# link places side by side (Package.swift, `--symbol-ordering-file`), so that a run keeps fewer of the binary's
# pages resident. A list gone stale (functions renamed or added since) still links; it only places less together.
# Run it again after large changes to the code. Needs valgrind (callgrind lists every function run).
#   scripts/link-order.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
swift build -c release --product controlmap >/dev/null
binary="$(swift build -c release --show-bin-path)/controlmap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Debian 12's valgrind cannot read the DWARF 5 of Swift 6 binaries: the debug sections go, the symbols stay.
objcopy --strip-debug "$binary" "$work/controlmap"
cd "$work"
profile() {
    CONTROLMAP_DATA="$root" XDG_CACHE_HOME="$work/cache" valgrind --tool=callgrind --demangle=no \
        --dump-instr=no --compress-strings=no --compress-pos=no --callgrind-out-file="$work/profile.%p" \
        "$work/controlmap" "$@" >/dev/null 2>&1
}
profile check
profile render --no-cache
profile render
profile render --view northwest --lang ar
profile render --view syria --lang both --date 2024-11-30 --format pdf -o "$work/syria.pdf"
profile render --diff 2024-11-26..2024-11-30 --view northwest
profile diff --from 2024-11-26 --to 2024-12-08
profile snapshot -o "$work/snapshot.geojson"
profile resolve "نبل"
# Callgrind names each function once per object file it ran in (`ob=`, then `fn=`); only the binary's own count.
awk '/^ob=/ { own = ($0 ~ /\/controlmap$/) } /^fn=/ && own { print substr($0, 4) }' "$work"/profile.* \
    | grep -v '^0x' | LC_ALL=C sort -u > "$root/scripts/link-order.txt"
echo "scripts/link-order.txt: $(wc -l < "$root/scripts/link-order.txt") functions"
# The list is not among the link's inputs that the build tracks: the binary goes, so that the next build links anew.
rm -f "$binary"
