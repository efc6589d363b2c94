#!/usr/bin/env bash
# Door check-in rush: publish Events.Web in Release, seed N registrations, sign in, then wrk posts first scans of
# distinct valid codes at 16 connections, next to the bare GET /healthz for the ratio. Never uses port 5000.
# A 60 s warm-up of check-ins on codes the measured runs do not reach lets the JIT settle first, as on a server that
# has been up since the doors opened: the JIT still compiled 150-450 methods per 10 s after 30 s of load, and runs
# after a 30 s warm-up were about a fifth slower than after 90 s. Then RUNS measured runs, each on its own range of
# codes, and their median: this 2-core machine is a VM whose host takes a varying share of the CPU (vmstat "st" up to
# 16 %), so one run can land 10-20 % off.
#   bench/checkin/run.sh            (RUNS=3 WARMUP=60 DURATION=10s CONNECTIONS=16 THREADS=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
PER_RUN=300000                              # codes each measured run may use: 10 s at up to 30,000/s
WARMUP_OFFSET=$((RUNS * PER_RUN))
WARMUP=${WARMUP:-60}                        # seconds
CODES=${CODES:-$((WARMUP_OFFSET + WARMUP * 30000))} # the warm-up at up to 30,000/s
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
# One wrk thread drives the 16 connections easily (it is event-driven); a second one only takes CPU from the app on
# this 2-core machine (about 14,500/s with two threads against 17,500/s with one, same code, same hour).
THREADS=${THREADS:-1}
WORK=$(mktemp -d /tmp/events-bench-checkin.XXXXXX)
PASSWORD="bench admin password"

echo "== publishing Events.Web (Release) to $WORK/app"
dotnet publish Events.Web -c Release -o "$WORK/app" -v q -clp:NoSummary >/dev/null

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
export ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Events="Data Source=$WORK/events.db" \
  Events__RateLimiting__Enabled=false \
  Events__Mail__PickupDirectory="$WORK/mail" \
  Events__Admin__Email=bench@example.org \
  Events__Admin__Password="$PASSWORD" \
  Logging__LogLevel__Default=Warning
# First run: the schema and the admin. Then the seeding, with the app stopped, so that every page of the database the
# measured app maps is charged to its own memory cgroup: the unit's MemoryMax, as in production (bench/common.sh;
# MEMORY_MB= runs it uncapped).
source bench/common.sh
launch() {
  sh -c '[ -z "$1" ] || echo $$ > "$1/cgroup.procs"; shift; exec "$@"' sh "$CGROUP" \
    dotnet "$WORK/app/Events.Web.dll" --urls "$BASE" >>"$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
}
launch
kill $APP; wait $APP 2>/dev/null || true
trap 'kill $APP 2>/dev/null || true' EXIT

echo "== seeding $CODES registrations"
python3 bench/checkin/seed.py "$WORK/events.db" "$CODES"
memory_cgroup
launch

COOKIE=$(curl -fs -o /dev/null -c - -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@example.org\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" | awk '$6 == ".Events.Auth" { print $6 "=" $7 }')
[ -n "$COOKIE" ] || { echo "sign-in failed"; exit 1; }

echo "== warm-up (healthz, 3 s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$BASE/healthz" >/dev/null

echo "== warm-up (check-ins on codes after those of the measured runs, $WARMUP s)"
EVENTS_COOKIE="$COOKIE" WRK_THREADS="$THREADS" CODE_OFFSET=$WARMUP_OFFSET wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" \
  -s bench/checkin/checkin.lua "$BASE" | grep -E "checkins:" || true

echo "== POST /api/v1/checkins (first scans of distinct codes), $CONNECTIONS connections, $DURATION, $RUNS runs"
rates=()
for run in $(seq 1 "$RUNS"); do
  line=$(EVENTS_COOKIE="$COOKIE" WRK_THREADS="$THREADS" CODE_OFFSET=$(((run - 1) * PER_RUN)) wrk -t"$THREADS" -c"$CONNECTIONS" \
    -d"$DURATION" -s bench/checkin/checkin.lua "$BASE" | grep "checkins:")
  echo "run $run: $line"
  rates+=("$(echo "$line" | sed -E 's/.* ([0-9]+) req\/s.*/\1/')")
done
echo "median: $(printf '%s\n' "${rates[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') check-ins/s"

# The floor, measured after the rush so that it does not disturb the warmed-up check-in path.
echo "== GET /healthz, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/healthz" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true

echo "== outcomes recorded"
sqlite3 "$WORK/events.db" "SELECT outcome, COUNT(*) FROM checkin_scans GROUP BY outcome;"
echo "check-ins: $(sqlite3 "$WORK/events.db" 'SELECT COUNT(*) FROM checkins;')"
echo "peak RSS: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' /proc/$APP/status)"
cgroup_report
kill $APP
rm -rf "$WORK"
