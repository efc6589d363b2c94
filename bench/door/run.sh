#!/usr/bin/env bash
# One phone at the door: publish Events.Web in Release, seed ATTENDEES confirmed registrations, then Debian's Chromium
# opens the scanner through a byte-counting relay and lets everyone in: two thirds online, a sixth on a network that
# accepts requests and never answers, a sixth offline. Prints the bytes the scanner moved in all (target: under 1 MB
# for 300 arrivals, first roster included) and scan-to-verdict times (median and worst) in each condition.
#   bench/door/run.sh            (ATTENDEES=300; needs /usr/bin/chromium, python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
ATTENDEES=${ATTENDEES:-300}
WORK=$(mktemp -d /tmp/events-bench-door.XXXXXX)
PASSWORD="bench admin password"

echo "== publishing Events.Web (Release) and the bench"
dotnet publish Events.Web -c Release -o "$WORK/app" -v q -clp:NoSummary >/dev/null
dotnet build bench/DoorBench -c Release -o "$WORK/bench" -v q -clp:NoSummary >/dev/null

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
export ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Events="Data Source=$WORK/events.db" \
  Events__RateLimiting__Enabled=false \
  Events__Mail__PickupDirectory="$WORK/mail" \
  Events__Mail__PollSeconds=0 \
  Events__Admin__Email=bench@example.org \
  Events__Admin__Password="$PASSWORD" \
  Logging__LogLevel__Default=Warning
# From its own folder: the content root holds wwwroot (the scanner's script and service worker).
(cd "$WORK/app" && exec dotnet Events.Web.dll --urls "$BASE") >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

echo "== seeding $ATTENDEES registrations"
python3 bench/checkin/seed.py "$WORK/events.db" "$ATTENDEES" "$WORK/codes.txt"

echo "== one phone, $ATTENDEES arrivals"
dotnet "$WORK/bench/DoorBench.dll" "$BASE" "$WORK/events.db" bench@example.org "$PASSWORD" "$WORK/codes.txt"
