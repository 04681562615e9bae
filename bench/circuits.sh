#!/usr/bin/env bash
# Circuit benchmark: publishes the app (Release), starts it in Production on one core with the demo world, and opens
# N live circuits in headless Chromium (on the other core): first N visitors on fiona's public profile, then (after a
# fresh start of the app) N tabs of maria@acme.test on /org. For each it reports the server's resident memory per
# open circuit, then has every page click a tab or button once a second and reports the round trip p50 / p95.
#
# Settings (environment): CIRCUITS (100), CIRCUITS_SECONDS (30 of clicking), CIRCUITS_PORT (5319),
# CIRCUITS_APP_CORE (0), CIRCUITS_BROWSER_CORE (1), TALENTCLOUD_CHROMIUM (/usr/bin/chromium),
# CIRCUITS_SCENARIOS ("visitor maria").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
circuits=${CIRCUITS:-100}
seconds=${CIRCUITS_SECONDS:-30}
app_core=${CIRCUITS_APP_CORE:-0}
browser_core=${CIRCUITS_BROWSER_CORE:-1}
chromium=${TALENTCLOUD_CHROMIUM:-/usr/bin/chromium}
base="http://localhost:${CIRCUITS_PORT:-5319}"
work=$(mktemp -d)
# shellcheck source=bench/app.sh
source bench/app.sh
trap 'stop_app; rm -rf "$work"' EXIT

publish_app
echo "Building the circuit driver ..."
dotnet build -c Release -v q -nologo bench/TalentCloud.CircuitBench/TalentCloud.CircuitBench.csproj >/dev/null
driver="$root/bench/TalentCloud.CircuitBench/bin/Release/net10.0/TalentCloud.CircuitBench.dll"

: >"$work/rows.txt"
for scenario in ${CIRCUITS_SCENARIOS:-visitor maria}; do
    echo
    echo "Starting the app in Production on core $app_core with the demo world (scenario: $scenario) ..."
    rm -f "$work"/demo.db*
    start_app "$work/demo.db" true
    taskset -c "$browser_core" dotnet "$driver" --base "$base" --server-pid "$app_pid" --scenario "$scenario" \
        --circuits "$circuits" --seconds "$seconds" --chromium "$chromium" | tee "$work/run.txt" || true
    # A row is printed even when clicks went unanswered (they are counted in the last column).
    grep '^| ' "$work/run.txt" >>"$work/rows.txt" || { echo "The $scenario run printed no result." >&2; exit 1; }
    stop_app
done

echo
echo "== Circuit benchmark: Production build on core $app_core, Chromium on core $browser_core, $circuits circuits, $seconds s of clicks, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC') =="
echo
echo "| page | circuits | server RSS before (MiB) | with the circuits open (MiB) | per circuit (KiB) | clicks | round trip p50 (ms) | p95 (ms) | no answer in 5 s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
cat "$work/rows.txt"
