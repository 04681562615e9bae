#!/usr/bin/env bash
# Talent search benchmark: generates the load data, measures the search service against its floor, then the
# search page under wrk for a signed-in hiring manager (maria@acme.test). Prints one table at the end.
#
# Settings (environment): BENCH_PORT (5105), BENCH_DB (bench/out/talentcloud-bench.db), BENCH_PROFILES (100000),
# BENCH_CLOUDS (2000), BENCH_QUERIES (1200), BENCH_DURATION (20s), BENCH_CONNECTIONS (16),
# BENCH_REUSE=1 keeps an existing database instead of generating a fresh one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${BENCH_PORT:-5105}
db=${BENCH_DB:-$root/bench/out/talentcloud-bench.db}
profiles=${BENCH_PROFILES:-100000}
clouds=${BENCH_CLOUDS:-2000}
queries=${BENCH_QUERIES:-1200}
duration=${BENCH_DURATION:-20s}
connections=${BENCH_CONNECTIONS:-16}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
app_pid=""

cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk ..."
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

echo "Building (Release) ..."
dotnet build -c Release -v q -nologo bench/TalentCloud.Bench/TalentCloud.Bench.csproj >/dev/null
dotnet build -c Release -v q -nologo TalentCloud.Web/TalentCloud.Web.csproj >/dev/null
bench="dotnet $root/bench/TalentCloud.Bench/bin/Release/net10.0/TalentCloud.Bench.dll"

if [ "${BENCH_REUSE:-0}" = "1" ] && [ -f "$db" ]; then
    echo "Reusing $db"
else
    $bench generate --db "$db" --profiles "$profiles" --clouds "$clouds"
fi

echo
$bench search --db "$db" --queries "$queries" | tee "$work/service.txt"

echo
echo "Starting the web app (Release) on $base against $db ..."
# Staging: Production's settings without HTTPS (this is plain http on loopback), so cookies are not Secure-only.
# The rate limits are off: wrk sends far more searches than the per-user limit allows a person.
(cd TalentCloud.Web && ASPNETCORE_ENVIRONMENT=Staging App__PublicBaseUrl="$base/" RateLimits__Enabled=false \
    ConnectionStrings__TalentCloud="Data Source=$db" Seed__DemoWorld=false Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/TalentCloud.Web.dll --urls "$base") >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$base/Account/Login" && break
    sleep 0.5
done

# Sign in through the real login form: antiforgery token from the page, then the form post sets the cookie.
jar="$work/cookies.txt"
curl -fs -c "$jar" -b "$jar" "$base/Account/Login" >"$work/login.html"
token=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$work/login.html" | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=maria@acme.test" --data-urlencode "Input.Password=TalentCloud#2026" \
    "$base/Account/Login")
cookie=$(awk '$6 == ".AspNetCore.Identity.Application" { print $6 "=" $7 }' "$jar")
if [ "$status" != "302" ] || [ -z "$cookie" ]; then
    echo "Sign-in failed (HTTP $status)." >&2
    tail -n 20 "$work/app.log" >&2
    exit 1
fi
page_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/search?q=mobile")
echo "Signed in as maria@acme.test; /search?q=mobile answers $page_status."

echo "Warming up (5 s), then wrk -c $connections -d $duration ..."
wrk -t 2 -c "$connections" -d 5s -s bench/search-mix.lua -H "Cookie: $cookie" "$base" >/dev/null
wrk -t 2 -c "$connections" -d "$duration" --timeout 10s --latency -s bench/search-mix.lua -H "Cookie: $cookie" "$base" | tee "$work/wrk.txt"

rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
errors=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$work/wrk.txt")

echo
echo "== Talent search benchmark: $profiles profiles, $clouds clouds, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC') =="
echo
sed -n "/^| measure/,/^(load/p" "$work/service.txt"
echo
echo "| search page under wrk ($connections connections, $duration, signed in as maria@acme.test) | value |"
echo "|---|---:|"
echo "| requests/s | $rps |"
echo "| latency p50 | $p50 |"
echo "| latency p99 | $p99 |"
echo "| non-2xx responses | ${errors:-0} |"
