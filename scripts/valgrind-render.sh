#!/usr/bin/env bash
# Runs a Syria render under valgrind's leak check and fails if any block is definitely lost outside the libraries'
# one-time caches (scripts/valgrind.supp). Debian 12's valgrind cannot read the DWARF 5 of Swift 6 binaries, so the
# binary's debug sections are stripped first; its symbols stay, and stacks still name the project's functions.
#   scripts/valgrind-render.sh [BINARY]      default: .build/debug/controlmap
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/debug/controlmap}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
objcopy --strip-debug "$binary" "$work/controlmap"
CONTROLMAP_DATA="$PWD" XDG_CACHE_HOME="$work/cache" "$work/controlmap" snapshot -o "$work/snapshot.geojson"  # fills the cache
CONTROLMAP_DATA="$PWD" XDG_CACHE_HOME="$work/cache" valgrind --leak-check=full --num-callers=40 \
    --suppressions=scripts/valgrind.supp --log-file="$work/valgrind.log" \
    "$work/controlmap" render --view syria -o "$work/syria.png" > /dev/null
grep -E "definitely lost|indirectly lost|suppressed:" "$work/valgrind.log" | sed 's/^==[0-9]*== *//'
if ! grep -q "definitely lost: 0 bytes" "$work/valgrind.log" && grep -q "definitely lost:" "$work/valgrind.log"; then
    grep -A40 "definitely lost in loss record" "$work/valgrind.log" >&2
    exit 1
fi
