#!/usr/bin/env bash
# Cost report benchmark (docs/benchmarks.md): builds Release, generates N demo contacts (default 1,000,000) over a year in a
# fresh SQLite file, and prints the full-year report time beside a plain SELECT count(*) ... GROUP BY outcome on the same rows.
#   scripts/bench-costs.sh [--contacts 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/SelfServiceBot.Web -c Release -v q -nologo >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export ConnectionStrings__SelfServiceBot="Data Source=$dir/bench.db"
export Database__Provider=Sqlite
dotnet src/SelfServiceBot.Web/bin/Release/net10.0/SelfServiceBot.Web.dll costs bench "$@"
