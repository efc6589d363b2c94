# Shared by the bench scripts: publish once, start the app on a loopback port with a fresh database, stop it.
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
OUT="$BENCH_DIR/out"

publish() {
  dotnet publish "$ROOT/Events.Web" -c Release -o "$OUT/app" --nologo -v q >/dev/null
}

# The app runs in a memory cgroup capped at the systemd unit's MemoryMax (deploy/events.service), as in production:
# the kernel reclaims clean code pages before anything fails. MEMORY_MB=200 sets another cap; MEMORY_MB= (empty) none.
# Without root or a memory cgroup, the app runs uncapped and says so.
UNIT_MEMORY_MB=$(sed -n 's/^MemoryMax=\([0-9]*\)M$/\1/p' "$ROOT/deploy/events.service")
MEMORY_MB=${MEMORY_MB-$UNIT_MEMORY_MB}
CGROUP=""
memory_cgroup() {
  [ -n "${MEMORY_MB:-}" ] || return 0
  if [ "$(id -u)" != 0 ] || { [ ! -d /sys/fs/cgroup/memory ] && [ ! -f /sys/fs/cgroup/cgroup.controllers ]; }; then
    echo "note: no memory cgroup here (needs root): the app runs without the ${MEMORY_MB} MB cap"; MEMORY_MB=""; return 0
  fi
  # Pages already cached are charged to whoever read them first: empty the cache, so that the app's own code pages
  # are charged to its cgroup and the cap covers everything it maps (as on a server that has just booted).
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || echo "warning: cannot drop the page cache; code pages may escape the cap"
  if [ -d /sys/fs/cgroup/memory ]; then # cgroup v1
    CGROUP=/sys/fs/cgroup/memory/events-bench
    mkdir -p "$CGROUP"
    echo 0 > "$CGROUP/memory.max_usage_in_bytes" 2>/dev/null || true
    echo -1 > "$CGROUP/memory.memsw.limit_in_bytes" 2>/dev/null || true # may not sit below the limit set next
    echo $(( MEMORY_MB * 1024 * 1024 )) > "$CGROUP/memory.limit_in_bytes"
    echo $(( MEMORY_MB * 1024 * 1024 )) > "$CGROUP/memory.memsw.limit_in_bytes" 2>/dev/null || true
  else # cgroup v2 with the memory controller
    CGROUP=/sys/fs/cgroup/events-bench
    mkdir -p "$CGROUP"
    echo $(( MEMORY_MB * 1024 * 1024 )) > "$CGROUP/memory.max"
    echo 0 > "$CGROUP/memory.swap.max" 2>/dev/null || true
  fi
}

# start_app PORT [extra env...]: starts the published app with rate limits off and a fresh database.
start_app() {
  local port=$1; shift
  WORK=$(mktemp -d)
  memory_cgroup
  (cd "$OUT/app" && env ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$port" \
      ConnectionStrings__Events="Data Source=$WORK/events.db" Events__Mail__PickupDirectory="$WORK/mail" \
      Events__PublicBaseUrl="http://127.0.0.1:$port" Events__RateLimiting__Enabled=false \
      Logging__LogLevel__Default=Warning "$@" \
      sh -c '[ -z "$1" ] || echo $$ > "$1/cgroup.procs"; exec ./Events.Web' sh "$CGROUP" >"$WORK/app.log" 2>&1) &
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  APP_PID=$(pgrep -f "$OUT/app/Events.Web" -n || pgrep -n Events.Web)
}

stop_app() { kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; }

peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2/1024 }' "/proc/$APP_PID/status"; }

# Under MEMORY_MB: the cgroup's peak (page cache of the files written included) and how often the kernel had to kill.
cgroup_report() {
  [ -n "$CGROUP" ] || return 0
  local peak kills
  if [ -f "$CGROUP/memory.max_usage_in_bytes" ]; then
    peak=$(( $(cat "$CGROUP/memory.max_usage_in_bytes") / 1048576 ))
    kills=$(awk '/oom_kill / { print $2 }' "$CGROUP/memory.oom_control")
  else
    peak=$(( $(cat "$CGROUP/memory.peak" 2>/dev/null || echo 0) / 1048576 ))
    kills=$(awk '/oom_kill / { print $2 }' "$CGROUP/memory.events")
  fi
  echo "cgroup capped at ${MEMORY_MB} MB: peak ${peak} MB charged (code pages and page cache included), OOM kills ${kills:-0}"
}

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
