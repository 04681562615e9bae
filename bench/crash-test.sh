#!/usr/bin/env bash
# Crash test: a worker process performs a stream of real actions through Core (jobs, proposals with their Connects
# charge, messages, invitations, acceptances, approvals) and acknowledges each committed one in a file. This script
# kills it with `kill -9` at a random moment, again and again, and after every kill checks the SQLite file:
# PRAGMA integrity_check, every acknowledged action present, no action partial. Prints one table at the end.
#
# Settings (environment): CRASH_KILLS (50); CRASH_MIN_MS (100) and CRASH_MAX_MS (3000) bound the random time a worker
# runs after its first acknowledged action (it then writes "<acks>.ready") before the kill; CRASH_DB (bench/out/crash.db);
# CRASH_PROFILES (600).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
kills=${CRASH_KILLS:-50}
min_ms=${CRASH_MIN_MS:-100}
max_ms=${CRASH_MAX_MS:-3000}
db=${CRASH_DB:-$root/bench/out/crash.db}
acks="$db.acks"
worker_pid=""

cleanup() {
    if [ -n "$worker_pid" ]; then kill -9 "$worker_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

echo "Building (Release) ..."
dotnet build -c Release -v q -nologo bench/TalentCloud.CrashTest/TalentCloud.CrashTest.csproj >/dev/null
crash="dotnet $root/bench/TalentCloud.CrashTest/bin/Release/net10.0/TalentCloud.CrashTest.dll"

$crash prepare --db "$db" --profiles "${CRASH_PROFILES:-600}"
rm -f "$acks"
rows="$(mktemp)"
started=$(date +%s)
failures=0
for i in $(seq 1 "$kills"); do
    rm -f "$acks.ready"
    $crash work --db "$db" --acks "$acks" --seed "$i" &
    worker_pid=$!
    for _ in $(seq 1 600); do
        [ -f "$acks.ready" ] && break
        sleep 0.1
    done
    delay_ms=$(( min_ms + RANDOM % (max_ms - min_ms + 1) ))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$worker_pid"
    wait "$worker_pid" 2>/dev/null || true
    worker_pid=""
    if ! $crash verify --db "$db" --acks "$acks" --label "$i ${delay_ms}ms" >>"$rows"; then
        failures=$((failures + 1))
    fi
    tail -n 1 "$rows"
done
elapsed=$(( $(date +%s) - started ))

last=$(tail -n 1 "$rows")
field() { printf '%s' "$last" | cut -f "$1"; }
lost_total=$(awk -F '\t' '{ s += $10 } END { print s + 0 }' "$rows")
partial_total=$(awk -F '\t' '{ s += $11 } END { print s + 0 }' "$rows")
integrity_ok=$(awk -F '\t' '$2 == "ok" { n++ } END { print n + 0 }' "$rows")

echo
echo "== Crash test: $kills kills (kill -9 ${min_ms}-${max_ms} ms after each stream's first action), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), ${elapsed} s =="
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| kills | $kills |"
echo "| acknowledged actions | $(field 3) |"
echo "| of which jobs / proposals / messages | $(field 4) / $(field 5) / $(field 6) |"
echo "| of which invitations / acceptances / approvals | $(field 7) / $(field 8) / $(field 9) |"
echo "| checks with integrity_check = ok | $integrity_ok of $kills |"
echo "| acknowledged actions missing (summed over all checks) | $lost_total |"
echo "| partial actions found (summed over all checks) | $partial_total |"
echo "| failed checks | $failures |"
[ "$failures" -eq 0 ]
