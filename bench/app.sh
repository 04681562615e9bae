# Shared by bench/pages.sh and bench/circuits.sh (sourced, not run): publishing the app and starting it in Production.
# Expects: root (repository root), work (a temporary folder), base (the address to serve), app_core (the core to pin).

app_pid=""
publish="${root:?}/bench/out/app"

publish_app() {
    echo "Publishing the app (Release) ..."
    dotnet publish "$root/TalentCloud.Web/TalentCloud.Web.csproj" -c Release -o "$publish" -v q -nologo >/dev/null
}

# Starts the published app in Production on the app core against database $1; $2 seeds the demo world (true/false).
# The demo world's published passwords need Seed:AllowInProduction. As in a deployment behind a proxy that terminates
# TLS, loopback is named as the proxy and every request carries X-Forwarded-Proto: https, so Production's Secure
# cookies, antiforgery and HTTPS redirection behave as they do for real users. The rate limits stay on; only the
# search page's limits are raised, since a benchmark asks far more than a person may.
start_app() {
    local db=$1 seed=$2
    # Another server on the port would answer the readiness check and be measured instead.
    if curl -s -o /dev/null --max-time 2 "$base/"; then
        echo "Something already answers on $base; choose another port (see the settings above)." >&2
        exit 1
    fi
    (cd "$publish" && ASPNETCORE_ENVIRONMENT=Production App__PublicBaseUrl="$base/" \
        ConnectionStrings__TalentCloud="Data Source=$db" Database__MigrateOnStart=true \
        Seed__DemoWorld="$seed" Seed__AllowInProduction=true \
        ForwardedHeaders__KnownProxies__0=127.0.0.1 ForwardedHeaders__KnownProxies__1=::1 \
        RateLimits__Search__PerClient=100000000 RateLimits__Search__PerAccount=100000000 \
        Logging__LogLevel__Default=Warning \
        exec taskset -c "${app_core:?}" dotnet TalentCloud.Web.dll --urls "$base") >>"$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 240); do
        curl -fs -o /dev/null "$base/health" && return 0
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.5
    done
    echo "The app did not start." >&2
    tail -n 30 "$work/app.log" >&2
    exit 1
}

# Stops the run with the app's last log lines when the app has died (a crash under load must not read as figures).
check_app_alive() {
    if ! kill -0 "$app_pid" 2>/dev/null; then
        echo "The app stopped during the run; its last log lines:" >&2
        tail -n 60 "$work/app.log" >&2
        exit 1
    fi
}

stop_app() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    app_pid=""
}
