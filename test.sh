#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (chromium, npm packages), builds, tests,
# and ends with one line totalling all test runs: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

./scripts/install-test-deps.sh || { echo "installing test dependencies failed"; echo "0 passed, 1 failed"; exit 1; }
# PostgreSQL for the provider tests (the same tests run on SQLite and PostgreSQL).
SSB_TEST_POSTGRES=$(./scripts/start-test-postgres.sh) || { echo "starting PostgreSQL failed"; echo "0 passed, 1 failed"; exit 1; }
export SSB_TEST_POSTGRES

log=$(mktemp)
dotnet build SelfServiceBot.sln -c Release 2>&1 | tail -n 3
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  dotnet build SelfServiceBot.sln -c Release 2>&1 | grep -E "error" | sort -u | head -n 40
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test SelfServiceBot.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ..."
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
