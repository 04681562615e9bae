#!/usr/bin/env bash
# Takes the README's screenshots: starts the app on a fresh demo world (a temporary SQLite file), then signs in as
# each demo person in headless Chromium and saves the key pages as 1280x800 PNGs in docs/screenshots/.
#
# Settings (environment): SHOTS_PORT (5106), SHOTS_OUT (docs/screenshots), CHROME_PATH (/usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${SHOTS_PORT:-5106}
out=${SHOTS_OUT:-$root/docs/screenshots}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
# shellcheck source=bench/demo-app.sh
source bench/demo-app.sh

cleanup() {
    stop_demo_app
    rm -rf "$work"
}
trap cleanup EXIT

echo "Building the screenshot taker (Release) ..."
dotnet build -c Release -v q -nologo bench/TalentCloud.Screenshots/TalentCloud.Screenshots.csproj >/dev/null
start_demo_app

CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} dotnet bench/TalentCloud.Screenshots/bin/Release/net10.0/TalentCloud.Screenshots.dll "$base" "$out"
echo "Saved in ${out#"$root"/}"
