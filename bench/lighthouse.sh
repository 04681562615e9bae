#!/usr/bin/env bash
# Lighthouse scores of the pages a visitor sees: starts the app (Release, Staging settings) on a fresh demo world and
# prints performance, accessibility, best practices and SEO per page. Reports stay in a temporary folder unless
# LIGHTHOUSE_KEEP names a folder to copy them to.
#
# Settings (environment): LIGHTHOUSE_PORT (5107), CHROME_PATH (/usr/bin/chromium), LIGHTHOUSE_FORM (desktop or mobile).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${LIGHTHOUSE_PORT:-5107}
form=${LIGHTHOUSE_FORM:-desktop}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
# shellcheck source=bench/demo-app.sh
source bench/demo-app.sh
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

cleanup() {
    stop_demo_app
    if [ -n "${LIGHTHOUSE_KEEP:-}" ]; then mkdir -p "$LIGHTHOUSE_KEEP" && cp "$work"/*.json "$LIGHTHOUSE_KEEP"/ 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

start_demo_app RateLimits__Enabled=false

pages=(/ /help /freelancers/fiona-park /jobs /Account/Login /Account/Register)
preset=()
if [ "$form" = desktop ]; then preset=(--preset=desktop); fi
printf '%-26s %11s %13s %14s %5s\n' page performance accessibility best-practices seo
for path in "${pages[@]}"; do
    curl -fs -o /dev/null "$base$path"  # warm up: the first request of a page compiles and caches
    report="$work/$(echo "$path" | tr '/' '_' | sed 's/^_//;s/^$/home/').json"
    npx -y lighthouse@12.2.3 "$base$path" "${preset[@]}" --quiet --output=json --output-path="$report" \
        --only-categories=performance,accessibility,best-practices,seo --chrome-flags="--headless --no-sandbox" >/dev/null 2>&1 \
        || { echo "$path: lighthouse failed"; continue; }
    node -e '
        const r = require(process.argv[1]);
        const s = k => Math.round(r.categories[k].score * 100);
        const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map(a => a.id);
        console.log(process.argv[2].padEnd(26), String(s("performance")).padStart(11), String(s("accessibility")).padStart(13),
            String(s("best-practices")).padStart(14), String(s("seo")).padStart(5), failed.length ? "  failing: " + failed.join(", ") : "");
    ' "$report" "$path"
done
echo "($form, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d))"
