#!/usr/bin/env bash
# Cold start: the published app, a fresh database (migrations and seeding included), from launch to the first
# 200 of GET / (the home page: database, Razor and the event read), five times; prints each and the median.
# Usage: bench/startup/run.sh
set -euo pipefail
source "$(dirname "$0")/../common.sh"
PORT=${PORT:-5083}
publish
times=()
for run in 1 2 3 4 5; do
  WORK=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$OUT/app" && env ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$PORT" \
      ConnectionStrings__Events="Data Source=$WORK/events.db" Events__Mail__PickupDirectory="$WORK/mail" \
      Logging__LogLevel__Default=Warning ./Events.Web >"$WORK/app.log" 2>&1) &
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.01; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $run: first 200 after $ms ms"
  APP_PID=$(pgrep -n Events.Web); kill "$APP_PID"; wait 2>/dev/null || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "median cold start: $median ms (target ≤ 1500 ms)"
