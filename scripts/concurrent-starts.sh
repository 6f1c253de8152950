#!/usr/bin/env bash
# Concurrent starts (docs/database.md): each round makes a fresh, empty PostgreSQL database and starts two instances of
# the built app at the same moment on it (both migrate on start), then counts the instances that crashed or did not
# become healthy (/healthz) within the time limit. Before the migration lock, one of two crashed in 3 of 4 tries.
#   scripts/concurrent-starts.sh [--rounds 10] [--instances 2] [--timeout 90]
# PostgreSQL: $SSB_TEST_POSTGRES, or the local one scripts/start-test-postgres.sh installs and starts.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=10 instances=2 timeout=90
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--instances N] [--timeout SECONDS]" >&2; exit 2 ;;
  esac
done
command -v curl >/dev/null || { echo "curl is needed (apt-get install curl)" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is needed (scripts/start-test-postgres.sh installs PostgreSQL)" >&2; exit 2; }

admin=${SSB_TEST_POSTGRES:-$(scripts/start-test-postgres.sh)}
field() { tr ';' '\n' <<<"$admin" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print substr($0, length($1) + 2)}'; }
export PGHOST=$(field Host) PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
PGPORT=${PGPORT:-5432}

dotnet build src/SelfServiceBot.Web -c Release -v q -nologo >/dev/null
app=src/SelfServiceBot.Web/bin/Release/net10.0/SelfServiceBot.Web.dll
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

total=0
echo "$(date -u +%FT%TZ) commit $(git rev-parse --short HEAD): $rounds rounds of $instances instances started at once on an empty PostgreSQL database"
for round in $(seq 1 "$rounds"); do
  db="ssb_starts_${round}_$$"
  psql -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
  pids=() ports=()
  for i in $(seq 1 "$instances"); do ports+=("$(free_port)"); done
  # Started back to back, in the background: no instance waits for another.
  for i in $(seq 0 $((instances - 1))); do
    Database__Provider=Postgres \
    ConnectionStrings__SelfServiceBot="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$db" \
    ASPNETCORE_URLS="http://127.0.0.1:${ports[$i]}" Knowledge__IndexPath="$work/index-${ports[$i]}" MicrosoftAppId= \
      dotnet "$app" >"$work/round$round-$i.log" 2>&1 &
    pids+=($!)
  done
  crashes=0
  for i in $(seq 0 $((instances - 1))); do
    healthy=no
    for _ in $(seq 1 $((timeout * 5))); do
      if curl -fs "http://127.0.0.1:${ports[$i]}/healthz" >/dev/null 2>&1; then healthy=yes; break; fi
      kill -0 "${pids[$i]}" 2>/dev/null || break
      sleep 0.2
    done
    if [ "$healthy" != yes ]; then
      crashes=$((crashes + 1))
      echo "  round $round, instance $((i + 1)): not healthy; last lines of its log:" >&2
      grep -m 3 -E "Exception|error|42P07" "$work/round$round-$i.log" >&2 || tail -n 5 "$work/round$round-$i.log" >&2
    fi
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null
  total=$((total + crashes))
  echo "round $round: $crashes crash(es)"
done
echo "$total crashes in $rounds rounds"
[ "$total" -eq 0 ]
