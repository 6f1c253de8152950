#!/usr/bin/env bash
# Turn benchmark (docs/benchmarks.md): builds Release, starts the app in its own process and prints
# p50/p95/p99 latency and turns per second for /api/messages and Direct Line beside an echo endpoint.
#   scripts/bench-turns.sh [--turns 2000] [--concurrency 16] [--questions-per-conversation 5] [--warmup 1500] [--rounds 5] [--only TEXT]
#   scripts/bench-turns.sh --distinct   (every question new, so the query cache cannot help; fixed rate 100 turns/s)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/SelfServiceBot.Web -c Release -v q -nologo >/dev/null
dotnet run --project bench/SelfServiceBot.Benchmarks -c Release -- "$@"
