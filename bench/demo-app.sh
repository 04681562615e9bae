# Sourced by the bench scripts that look at the app as a visitor would (screenshots.sh, lighthouse.sh).
# start_demo_app publishes the app (Release, as an installation runs it: the theme's and the framework's static files
# are served from the output) into $work/app and starts it on $base with a fresh demo world in a temporary SQLite
# file; extra NAME=value settings may follow. stop_demo_app ends it. The caller sets work and base.
demo_app_pid=""

start_demo_app() {
    echo "Publishing (Release) ..."
    dotnet publish -c Release -v q -nologo TalentCloud.Web/TalentCloud.Web.csproj -o "$work/app" >/dev/null
    echo "Starting the web app on $base with a fresh demo world ..."
    # Staging: Production's settings without HTTPS (plain http on loopback); the demo world is seeded on purpose.
    (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Staging App__PublicBaseUrl="$base/" \
        ConnectionStrings__TalentCloud="Data Source=$work/demo.db" Database__MigrateOnStart=true Seed__DemoWorld=true \
        Logging__LogLevel__Default=Warning "$@" dotnet TalentCloud.Web.dll --urls "$base") >"$work/app.log" 2>&1 &
    demo_app_pid=$!
    for _ in $(seq 1 240); do
        curl -fs -o /dev/null "$base/health" && return 0
        sleep 0.5
    done
    echo "The app did not start:"
    cat "$work/app.log"
    return 1
}

stop_demo_app() {
    if [ -n "$demo_app_pid" ]; then kill "$demo_app_pid" 2>/dev/null || true; wait "$demo_app_pid" 2>/dev/null || true; fi
}
