#!/usr/bin/env bash
# Crash test at scale (docs/reliability.md): the suite's CrashRecoveryTests with more SIGKILLs, customers and conversations.
# The product runs as a child process, is SIGKILLed at random moments under load over /api/messages and Direct Line and
# started again; customers retry what was not acknowledged. Prints per provider: messages acknowledged, SIGKILLs, lost
# (no customer_message event) and duplicated (more than one), replies in doubt sent again, and any other problem
# (answers, echoes, ids, contacts in the ledger).
#   scripts/crash-test.sh [--kills 10] [--conversations 3000] [--concurrency 16] [--max-uptime-ms 4000] [--provider Sqlite|Postgres|both]
set -euo pipefail
cd "$(dirname "$0")/.."
kills=10 conversations=3000 concurrency=16 uptime=4000 provider=both
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills=$2; shift 2 ;;
    --conversations) conversations=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --max-uptime-ms) uptime=$2; shift 2 ;;
    --provider) provider=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
filter="FullyQualifiedName~SelfServiceBot.Web.Tests.Reliability.CrashRecoveryTests"
case "$provider" in
  Sqlite|Postgres) filter="$filter&DisplayName~$provider" ;;
  both) ;;
  *) echo "--provider must be Sqlite, Postgres or both" >&2; exit 2 ;;
esac
if [ "$provider" != Sqlite ] && [ -z "${SSB_TEST_POSTGRES:-}" ]; then
  SSB_TEST_POSTGRES=$(scripts/start-test-postgres.sh)
  export SSB_TEST_POSTGRES
fi
export SSB_CRASH_KILLS=$kills SSB_CRASH_CONVERSATIONS=$conversations SSB_CRASH_CONCURRENCY=$concurrency SSB_CRASH_MAX_UPTIME_MS=$uptime
dotnet build tests/SelfServiceBot.Web.Tests -c Release -v q -nologo >/dev/null
echo "kills $kills, at most $conversations conversations, $concurrency customers at once, up to ${uptime} ms of load per process"
status=0
dotnet test tests/SelfServiceBot.Web.Tests -c Release --no-build --filter "$filter" --logger "console;verbosity=detailed" >/tmp/ssb-crash-test.log 2>&1 || status=$?
grep -E "acknowledged messages|^ *(api/messages|directline) |^ *(Passed|Failed)!" /tmp/ssb-crash-test.log | sed 's/^ *//' | sort -u
[ $status -eq 0 ] || echo "FAILED (full output: /tmp/ssb-crash-test.log)"
exit $status
