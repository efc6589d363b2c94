#!/usr/bin/env bash
# Back-office at scale: seeds N registrations (default 10,000: confirmed, waiting, cancelled, two thirds of the
# confirmed arrived), signs in as an admin, then times each organiser page REPEAT times over one kept-alive connection
# (as a browser would), next to GET /healthz in the same run: median, worst, and the median's ratio to healthz's; then
# the same pages each read right after a registration is committed (what a page costs when its figures change).
#   bench/backoffice/run.sh            (N=10000 REPEAT=100 AFTER=20; 20 repeats gave medians 30 % apart between runs)
set -euo pipefail
source "$(dirname "$0")/../common.sh"
N=${N:-10000}
REPEAT=${REPEAT:-100}
AFTER=${AFTER:-20}
PORT=${PORT:-5083}
BASE="http://127.0.0.1:$PORT"
PASSWORD="bench admin password"
ADMIN=(Events__Admin__Email=bench@example.org Events__Admin__Password="$PASSWORD" Events__Mail__PollSeconds=0)

publish
start_app "$PORT" "${ADMIN[@]}"   # creates the schema and the admin
stop_app
db="$WORK/events.db"
python3 "$BENCH_DIR/backoffice/seed.py" "$db" "$N"
keep=$WORK; start_app "$PORT" "${ADMIN[@]}" ConnectionStrings__Events="Data Source=$db"; WORK=$keep

jar="$WORK/cookies"
curl -fs -o /dev/null -c "$jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@example.org\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login"

# time NAME [curl args...] URL: REPEAT requests over one connection; prints median and worst in ms.
declare -A MEDIAN
time_page() {
  local name=$1; shift
  local url=${*: -1}; local args=("${@:1:$#-1}")
  local urls=(); for _ in $(seq 1 "$REPEAT"); do urls+=(-o /dev/null "$url"); done
  local times; times=$(curl -s -b "$jar" -w '%{http_code} %{time_total}\n' "${args[@]}" "${urls[@]}")
  local codes; codes=$(echo "$times" | awk '{ print $1 }' | sort -u | tr '\n' ' ')
  local sorted; sorted=$(echo "$times" | awk '{ printf "%.2f\n", $2 * 1000 }' | sort -n)
  local median; median=$(echo "$sorted" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  local worst; worst=$(echo "$sorted" | tail -n 1)
  MEDIAN[$name]=$median
  local ratio="-"; [ -n "${MEDIAN[healthz]:-}" ] && ratio=$(echo "$median / ${MEDIAN[healthz]}" | bc -l | xargs printf '%.1f')
  printf '%-40s median %8s ms  worst %8s ms  x healthz %6s  (HTTP %s)\n' "$name" "$median" "$worst" "$ratio" "$codes"
}

# time_after_change NAME URL: AFTER times, a registration is committed and then the page read. Pages keep what they
# read until the next commit (Storage/ReadCache.cs), so this is a page's cost when its figures must be read again.
time_after_change() {
  local name=$1 url=$2 i times=""
  for i in $(seq 1 "$AFTER"); do
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d "{\"firstName\":\"Nouvelle\",\"lastName\":\"Personne\",\"email\":\"change-$i-$RANDOM@bench.example\",\"consent\":true}" \
      "$BASE/api/v1/registrations"
    times+="$(curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$url")"$'\n'
  done
  local sorted; sorted=$(echo -n "$times" | awk '{ printf "%.2f\n", $1 * 1000 }' | sort -n)
  printf '%-40s median %8s ms  worst %8s ms  (after a change, new connection)\n' "$name" \
    "$(echo "$sorted" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" "$(echo "$sorted" | tail -n 1)"
}

# The antiforgery token of a page, for the POSTs (search, export) that keep names out of addresses.
token() { curl -s -b "$jar" -c "$jar" "$BASE$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

echo "back-office, $N registrations, $REPEAT requests per page, $(nproc) cores"
time_page healthz "$BASE/healthz"
time_page "dashboard (charts)" "$BASE/organisers/dashboard"
time_page "attendees, page 1 by name" "$BASE/organisers/attendees"
time_page "attendees, arrived by date, page 40" "$BASE/organisers/attendees?status=arrived&sort=date&page=40"
time_page "attendees, by status, last page" "$BASE/organisers/attendees?sort=status&page=$(( (N + 49) / 50 ))"
t=$(token /organisers/attendees)
time_page "attendees, search 'elodie' (POST)" -d "q=elodie&__RequestVerificationToken=$t" "$BASE/organisers/attendees"
time_page "needs summary" "$BASE/organisers/needs"
time_page "activity" "$BASE/organisers/activity"
time_page "export CSV, every attendee (POST)" -d "__RequestVerificationToken=$t" "$BASE/organisers/attendees?handler=Export"
time_page "export CSV, arrived (POST)" -d "status=arrived&__RequestVerificationToken=$t" "$BASE/organisers/attendees?handler=Export"
time_after_change "dashboard (charts)" "$BASE/organisers/dashboard"
time_after_change "attendees, page 1 by name" "$BASE/organisers/attendees"
time_after_change "attendees, by status, last page" "$BASE/organisers/attendees?sort=status&page=$(( (N + 49) / 50 ))"
time_after_change "needs summary" "$BASE/organisers/needs"
REPEAT=3 time_page "printed list (every confirmed)" "$BASE/organisers/attendees/print"
REPEAT=3 time_page "badges (every confirmed)" "$BASE/organisers/badges"
echo "export size: $(curl -s -b "$jar" -d "__RequestVerificationToken=$t" "$BASE/organisers/attendees?handler=Export" | wc -l) lines"
echo "peak memory $(peak_rss_mb) MB"
cgroup_report
stop_app
