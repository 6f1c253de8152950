#!/usr/bin/env bash
# What the tests need beyond the .NET SDK: Debian's chromium (browser tests), redis-server (the SignalR backplane test
# starts its own on a free port), nginx (the scale-out test runs deploy/nginx.conf) and the npm packages (Web Chat bundle, Direct Line client for the Node test).
# Idempotent; quiet when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages pinned by their package-lock.json files: the Web Chat bundle for the chat page (the
# Web project's build also installs it when missing), the Direct Line client for the Node test, and the Teams
# manifest schemas (@microsoft/app-manifest) with the validator the Teams package tests run.
# --ignore-scripts: none of them needs an install script, and this way none runs.
for folder in src/SelfServiceBot.Web/ClientApp tests/directline-node tests/teams-manifest-node; do
  if [ ! -d "$folder/node_modules" ]; then
    echo "installing npm packages in $folder"
    (cd "$folder" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
done
