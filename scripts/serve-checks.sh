#!/usr/bin/env bash
# Checks `controlmap serve` from outside: starts the built server on loopback over a copy of the bundled scenario,
# drives its page in headless Chromium (scripts/page-check.py), sends hostile requests, puts it under load with wrk
# (cached, then uncached), and stops it with SIGTERM. Screenshots and the server log go to Output/serve-checks/.
#   scripts/serve-checks.sh [BINARY]     default .build/debug/controlmap
# Environment: LOAD_SECONDS (20), LOAD_CONNECTIONS (200), UNCACHED_SECONDS (10), UNCACHED_CONNECTIONS (8),
#              SERVE_PORT (18080)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/controlmap}
port=${SERVE_PORT:-18080}
base="http://127.0.0.1:$port"
out=Output/serve-checks
mkdir -p "$out"
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "serve-checks: FAILED: $*" >&2; exit 1; }

cp -R Scenarios/aleppo-2024 "$work/scenario"
"$binary" serve --port "$port" --scenario "$work/scenario" 2> "$out/server.log" &
server=$!
for _ in $(seq 1 600); do
    curl -fsS "$base/health" > /dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || fail "the server exited: $(tail -5 "$out/server.log")"
    sleep 0.2
done
curl -fsS "$base/health" > /dev/null || fail "the server did not answer /health"
echo "serve-checks: serving on $base"

# MARK: - The page in a browser
/usr/bin/python3 scripts/page-check.py "$base" "$out" "$work/scenario"

# MARK: - Hostile requests: each refused, the server still healthy after each
expect() {
    local want=$1; shift
    local got
    got=$(curl -s -o /dev/null -w '%{http_code}' "$@" || true)
    [[ " $want " == *" $got "* ]] || fail "$* answered $got, expected $want"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ] || fail "unhealthy after $*"
}
expect "404" --path-as-is "$base/../../etc/passwd"
expect "404" --path-as-is "$base/%2e%2e/%2e%2e/etc/passwd"
expect "404" --path-as-is "$base/map.png/..%2f..%2f..%2fetc%2fpasswd"
expect "404" "$base/Scenarios/aleppo-2024/claims.csv"
expect "404" "$base/map.png%00.txt"
expect "400" "$base/map.png?date=2024-11-30%00"
expect "400 414 431" "$base/map.png?q=$(head -c 100000 /dev/zero | tr '\0' a)"
expect "400 414 431" "$base/map.png?$(seq -s '&' -f 'p%g=1' 1 10000)"
expect "400" "$base/map.png?width=6001"
expect "405" -X POST "$base/map.png"
expect "405" -X DELETE "$base/health"
expect "413" -X GET --data-binary 'date=2024-11-30' "$base/health"
raw=$(printf 'GET /map.png\0/../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n' | timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; cat >&3; head -1 <&3" || true)
[[ "$raw" == *" 400 "* || "$raw" == *" 404 "* || -z "$raw" ]] || fail "a raw NUL byte answered: $raw"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ] || fail "unhealthy after a raw NUL byte"
echo "serve-checks: hostile requests refused, the server healthy"

# MARK: - Load
report() {
    local name=$1 file=$2
    local rps p99 errors non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' "$file")
    p99=$(awk '$1 == "99%" {print $2}' "$file")
    errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$file")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$file")
    echo "serve-checks: $name: ${rps} requests/s, p99 ${p99}, socket errors ${errors:-0}, non-2xx ${non2xx:-0}"
    [ "${errors:-0}" = 0 ] && [ "${non2xx:-0}" = 0 ] || fail "$name had errors; see $file"
}
for path in $(grep -o '^    "/[^"]*"' scripts/serve-load.lua | tr -d ' "'); do
    curl -fsS -o /dev/null "$base$path" || fail "warming $path"
done
MODE=cached wrk -t2 -c"${LOAD_CONNECTIONS:-200}" -d"${LOAD_SECONDS:-20}s" --timeout 30s --latency \
    -s scripts/serve-load.lua "$base" > "$out/wrk-cached.txt"
report "cached, ${LOAD_CONNECTIONS:-200} connections, ${LOAD_SECONDS:-20} s" "$out/wrk-cached.txt"
MODE=uncached wrk -t2 -c"${UNCACHED_CONNECTIONS:-8}" -d"${UNCACHED_SECONDS:-10}s" --timeout 60s --latency \
    -s scripts/serve-load.lua "$base" > "$out/wrk-uncached.txt"
report "uncached, ${UNCACHED_CONNECTIONS:-8} connections, ${UNCACHED_SECONDS:-10} s" "$out/wrk-uncached.txt"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ] || fail "unhealthy after the load"

# MARK: - Logs and shutdown
lines=$(grep -c '\] request$' "$out/server.log" || true)
[ "$lines" -gt 100 ] || fail "the log has $lines request lines"
kill -TERM "$server"
for _ in $(seq 1 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server" 2>/dev/null && fail "the server did not stop within 10 s of SIGTERM"
wait "$server" || fail "the server exited with status $? on SIGTERM"
server=""
grep -q "stopped" "$out/server.log" || fail "the server did not log its shutdown"
echo "serve-checks: $lines request lines logged; stopped cleanly on SIGTERM"
