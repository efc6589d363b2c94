#!/usr/bin/env bash
# Ticket e-mails per second: 2,000 queued registrations drained by the real outbox worker (QR PNG, .ics, HTML and
# text composed per message) over one SMTP connection to a server on loopback. Target: >= 500 messages/s.
# Usage: bench/mail/run.sh [count] [rounds]   (defaults 2000 and 3; prints the median; exit code 2 when under target)
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-2000}"
dotnet build bench/MailBench/MailBench.csproj -c Release -nologo -v quiet >/dev/null
mkdir -p bench/out
dotnet bench/MailBench/bin/Release/net10.0/MailBench.dll "$count" "${2:-3}" | tee bench/out/mail.txt
