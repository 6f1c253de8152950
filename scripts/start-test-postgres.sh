#!/usr/bin/env bash
# Installs (apt) and starts a local PostgreSQL for the integration tests, with a login role that may
# create databases; prints the connection string for SSB_TEST_POSTGRES. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "installing postgresql (apt)" >&2
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -p $port" && break
  sleep 1
done
su postgres -c "psql -q -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='ssb_test'\"" | grep -q 1 \
  || su postgres -c "psql -q -p $port -c \"CREATE ROLE ssb_test LOGIN CREATEDB PASSWORD 'ssb_test'\"" >&2
echo "Host=127.0.0.1;Port=$port;Username=ssb_test;Password=ssb_test;Database=postgres"
