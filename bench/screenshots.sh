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
app_pid=""

cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "Building (Release) ..."
# Published, as an installation would run it: the theme's and the framework's static files are served from the output.
dotnet publish -c Release -v q -nologo TalentCloud.Web/TalentCloud.Web.csproj -o "$work/app" >/dev/null
dotnet build -c Release -v q -nologo bench/TalentCloud.Screenshots/TalentCloud.Screenshots.csproj >/dev/null

echo "Starting the web app on $base with a fresh demo world ..."
# Staging: Production's settings without HTTPS (plain http on loopback); the demo world is seeded on purpose.
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Staging App__PublicBaseUrl="$base/" \
    ConnectionStrings__TalentCloud="Data Source=$work/demo.db" Database__MigrateOnStart=true Seed__DemoWorld=true \
    Logging__LogLevel__Default=Warning exec dotnet TalentCloud.Web.dll --urls "$base") >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$base/health" && break
    sleep 0.5
done
curl -fs -o /dev/null "$base/health" || { echo "The app did not start:"; cat "$work/app.log"; exit 1; }

CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} dotnet bench/TalentCloud.Screenshots/bin/Release/net10.0/TalentCloud.Screenshots.dll "$base" "$out"
echo "Saved in ${out#"$root"/}"
