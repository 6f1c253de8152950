#!/usr/bin/env bash
# Runs the product on a fresh machine: restores, builds (including the Web Chat bundle from npm), applies
# database migrations (SQLite under data/), indexes the sample knowledge base (data/index, rebuilt only when
# the articles change) and serves on http://localhost:3978.
#   ./run.sh                     chat at http://localhost:3978/
#   ASPNETCORE_URLS=http://0.0.0.0:8080 ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
export Knowledge__KnowledgeBasePath="${Knowledge__KnowledgeBasePath:-$PWD/knowledgebase}"
export Knowledge__IndexPath="${Knowledge__IndexPath:-$PWD/data/index}"
export ConnectionStrings__SelfServiceBot="${ConnectionStrings__SelfServiceBot:-Data Source=$PWD/data/selfservicebot.db}"
exec dotnet run --project src/SelfServiceBot.Web -c Release -- "$@"
