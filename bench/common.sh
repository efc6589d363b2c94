# Shared by the bench scripts: publish once, start the app on a loopback port with a fresh database, stop it.
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
OUT="$BENCH_DIR/out"

publish() {
  dotnet publish "$ROOT/Events.Web" -c Release -o "$OUT/app" --nologo -v q >/dev/null
}

# start_app PORT [extra env...]: starts the published app with rate limits off and a fresh database.
start_app() {
  local port=$1; shift
  WORK=$(mktemp -d)
  (cd "$OUT/app" && env ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$port" \
      ConnectionStrings__Events="Data Source=$WORK/events.db" Events__Mail__PickupDirectory="$WORK/mail" \
      Events__PublicBaseUrl="http://127.0.0.1:$port" Events__RateLimiting__Enabled=false \
      Logging__LogLevel__Default=Warning "$@" ./Events.Web >"$WORK/app.log" 2>&1) &
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  APP_PID=$(pgrep -f "$OUT/app/Events.Web" -n || pgrep -n Events.Web)
}

stop_app() { kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; }

peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2/1024 }' "/proc/$APP_PID/status"; }

# wrk_line NAME wrk-args...: runs wrk and prints one line: requests/s, p50, p99, errors.
wrk_line() {
  local name=$1; shift
  local out; out=$(wrk --latency "$@")
  local rps p50 p99 errors non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  errors=$(echo "$out" | awk '/Socket errors/ { print $0 }')
  non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
  printf '%-28s %10s req/s  p50 %8s  p99 %8s  non-2xx %s %s\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" "$errors"
  LAST_RPS=$rps
}
