#!/usr/bin/env bash
# Registration rush: unique e-mails at 1, 16 and 64 connections, next to a bare GET /healthz.
# Usage: bench/registration/run.sh [seconds per run, default 10]
#   CONNS="16" to run one level only; MAIL=1 to keep the mail worker composing and writing every ticket during the
#   rush, as in production (peak memory with the worker is what a deployment must budget for). The app runs under the
#   systemd unit's MemoryMax (see bench/common.sh; MEMORY_MB= runs it uncapped).
set -euo pipefail
source "$(dirname "$0")/../common.sh"
SECONDS_PER_RUN=${1:-10}
PORT=${PORT:-5081}
CAPACITY=${CAPACITY:-1000000}

publish
echo "registration rush, ${SECONDS_PER_RUN}s per run, capacity $CAPACITY, $(nproc) cores"
for conns in ${CONNS:-1 16 64}; do
  # By default the mail worker stays idle (PollSeconds=0): this measures registration; bench/mail measures sending.
  poll=0; [ "${MAIL:-0}" = 1 ] && poll=5
  start_app "$PORT" Events__Event__Capacity="$CAPACITY" Events__Mail__PollSeconds=$poll
  threads=$(( conns < 2 ? 1 : 2 ))
  wrk_line "healthz c=$conns" -t"$threads" -c"$conns" -d"${SECONDS_PER_RUN}s" "http://127.0.0.1:$PORT/healthz"
  health=$LAST_RPS
  wrk_line "registrations c=$conns" -t"$threads" -c"$conns" -d"${SECONDS_PER_RUN}s" -s "$BENCH_DIR/registration/register.lua" "http://127.0.0.1:$PORT"
  printf '%-28s %10.2f  peak memory %s MB\n' "ratio registration/healthz" "$(echo "$LAST_RPS / $health" | bc -l)" "$(peak_rss_mb)"
  cgroup_report
  # No overbooking: the counter equals the confirmed rows and never exceeds capacity.
  curl -s "http://127.0.0.1:$PORT/api/v1/event" | python3 -c "
import json,sys; e=json.load(sys.stdin); ok=e['confirmed']<=e['capacity']
print(f\"check: confirmed {e['confirmed']} waitlisted {e['waitlisted']} capacity {e['capacity']} -> {'no overbooking' if ok else 'OVERBOOKED'}\")"
  stop_app
  python3 - "$WORK/events.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
counter, cap = c.execute("SELECT confirmed, capacity FROM events").fetchone()
rows = c.execute("SELECT COUNT(*) FROM registrations WHERE status='confirmed'").fetchone()[0]
print(f"check: counter {counter} == confirmed rows {rows}: {'ok' if counter == rows and rows <= cap else 'MISMATCH'}")
PY
done
