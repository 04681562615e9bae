#!/usr/bin/env bash
# Page benchmark: publishes the app (Release), starts it in Production on one core with the demo world, signs in
# maria@acme.test and fiona@talent.test once each through the real login form, and measures the pages with wrk on the
# other core, side by side with a small static file (the floor). /search runs against a second start of the app on a
# copy of the 100,000-profile search database (the same one bench/run.sh generates). Prints one table at the end.
#
# Settings (environment): PAGES_PORT (5317), PAGES_DURATION (10s per page), PAGES_WARMUP (3s), PAGES_CONNECTIONS (16),
# PAGES_APP_CORE (0), PAGES_LOAD_CORE (1), BENCH_DB (bench/out/talentcloud-bench.db, generated when missing),
# BENCH_PROFILES (100000), BENCH_CLOUDS (2000), PAGES_SKIP_SEARCH=1 leaves /search out.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${PAGES_PORT:-5317}
duration=${PAGES_DURATION:-10s}
warmup=${PAGES_WARMUP:-3s}
connections=${PAGES_CONNECTIONS:-16}
app_core=${PAGES_APP_CORE:-0}
load_core=${PAGES_LOAD_CORE:-1}
search_db=${BENCH_DB:-$root/bench/out/talentcloud-bench.db}
base="http://127.0.0.1:$port"
https="X-Forwarded-Proto: https"
work=$(mktemp -d)
# shellcheck source=bench/app.sh
source bench/app.sh
trap 'stop_app; rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk ..."
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

publish_app

if [ "${PAGES_SKIP_SEARCH:-0}" != "1" ] && [ ! -f "$search_db" ]; then
    echo "Generating the search database ($search_db) ..."
    dotnet build -c Release -v q -nologo bench/TalentCloud.Bench/TalentCloud.Bench.csproj >/dev/null
    dotnet bench/TalentCloud.Bench/bin/Release/net10.0/TalentCloud.Bench.dll generate --db "$search_db" \
        --profiles "${BENCH_PROFILES:-100000}" --clouds "${BENCH_CLOUDS:-2000}"
fi

# Signs $1 in through the login form (once: production limits sign-ins) and prints "Cookie: ..." for wrk and curl.
# Cookies are Secure in Production, so they are carried by hand rather than by curl's cookie jar.
sign_in() {
    local email=$1 headers="$work/login-headers.txt" page="$work/login.html"
    curl -fs -H "$https" -D "$headers" -o "$page" "$base/Account/Login"
    local antiforgery token
    antiforgery=$(grep -i '^set-cookie:' "$headers" | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r' | paste -sd ';' -)
    token=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$page" | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/')
    local status
    status=$(curl -s -o /dev/null -D "$headers" -w '%{http_code}' -H "$https" -H "Cookie: $antiforgery" \
        --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
        --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=TalentCloud#2026" \
        "$base/Account/Login")
    local identity
    identity=$(grep -i '^set-cookie: *\.AspNetCore\.Identity\.Application=' "$headers" | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r' | head -n 1)
    if [ "$status" != "302" ] || [ -z "$identity" ]; then
        echo "Signing in $email failed (HTTP $status)." >&2
        tail -n 20 "$work/app.log" >&2
        exit 1
    fi
    echo "Cookie: $identity"
}

# Checks that $2 answers 200 (with header $3, if any) and, when $4 is given, that the page holds that text.
check_page() {
    local name=$1 path=$2 header=${3:-} expect=${4:-}
    local args=(-s -o "$work/check.html" -w '%{http_code}' -H "$https")
    [ -n "$header" ] && args+=(-H "$header")
    local status
    status=$(curl "${args[@]}" "$base$path")
    if [ "$status" != "200" ] || { [ -n "$expect" ] && ! grep -q "$expect" "$work/check.html"; }; then
        echo "$name ($path) answered $status$([ -n "$expect" ] && echo ", without \"$expect\"")." >&2
        exit 1
    fi
}

# wrk prints latencies as 812.00us, 1.20ms or 1.05s; the table shows milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
        printf "%.1f", n }'
}

# Measures one page: a warm-up, then the measured run; appends "name|path|rps|p50|p99|errors" to the results.
measure() {
    local name=$1 path=$2 header=${3:-}
    local args=(-t 1 -c "$connections" --timeout 10s -H "$https")
    [ -n "$header" ] && args+=(-H "$header")
    echo "  $name: $path"
    taskset -c "$load_core" wrk "${args[@]}" -d "$warmup" "$base$path" >/dev/null
    taskset -c "$load_core" wrk "${args[@]}" -d "$duration" --latency "$base$path" >"$work/wrk.txt"
    check_app_alive
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk.txt")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")")
    errors=$(awk '/Non-2xx or 3xx responses:/ { e += $5 } /Socket errors:/ { e += 1 } END { print e + 0 }' "$work/wrk.txt")
    echo "$name|$path|$rps|$p50|$p99|$errors" >>"$work/results.txt"
}

: >"$work/results.txt"
echo "Starting the app in Production on core $app_core with the demo world ..."
start_app "$work/demo.db" true
maria=$(sign_in maria@acme.test)
fiona=$(sign_in fiona@talent.test)
check_page "static file" /favicon.png
check_page "health" /health
check_page "visitor profile" /freelancers/fiona-park "" "Fiona Park"
check_page "profile as maria" /freelancers/fiona-park "$maria" 'data-testid="signed-in-user"'
check_page "jobs as fiona" /jobs "$fiona" 'data-testid="signed-in-user"'
check_page "help" /help

echo "Measuring with wrk on core $load_core ($connections connections, $warmup warm-up, $duration each) ..."
measure "static file (floor)" /favicon.png
measure "/health" /health
measure "visitor profile" /freelancers/fiona-park
measure "profile as maria" /freelancers/fiona-park "$maria"
measure "/jobs as fiona" /jobs "$fiona"
measure "/help (visitor)" /help
stop_app

if [ "${PAGES_SKIP_SEARCH:-0}" != "1" ]; then
    echo "Starting the app on a copy of the search database ($search_db) ..."
    cp "$search_db" "$work/search.db"
    start_app "$work/search.db" false
    maria_search=$(sign_in maria@acme.test)
    check_page "search as maria" "/search?q=mobile" "$maria_search" 'data-testid="result-count"'
    measure "/search?q=mobile as maria (100,000 profiles)" "/search?q=mobile" "$maria_search"
    stop_app
fi

floor=$(awk -F'|' 'NR == 1 { print $3 }' "$work/results.txt")
echo
echo "== Page benchmark: Production build on core $app_core, wrk -t 1 -c $connections -d $duration on core $load_core, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC') =="
echo
echo "| page | requests/s | p50 ms | p99 ms | share of floor | non-2xx or errors |"
echo "|---|---:|---:|---:|---:|---:|"
awk -F'|' -v floor="$floor" '{ printf "| %s | %s | %s | %s | %.1f%% | %s |\n", $1, $3, $4, $5, (floor > 0 ? 100 * $3 / floor : 0), $6 }' "$work/results.txt"
