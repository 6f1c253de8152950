#!/usr/bin/env bash
# What the tests need beyond the .NET SDK: Debian's chromium (browser tests) and the npm packages
# (Web Chat bundle, Direct Line client for the Node test). Idempotent; quiet when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
