#!/usr/bin/env bash
# Install (if missing) and start a local PostgreSQL server on loopback, create the marsad test role and database,
# and print the URL for the store's PostgreSQL tests:
#
#   export MARSAD_TEST_PG_URL="$(bash scripts/ci_postgres.sh | tail -n 1)"
#
# Needs root (apt-get, pg_ctlcluster, su postgres). Idempotent: a second run reuses the cluster, role and database.
set -euo pipefail

ROLE="${MARSAD_PG_ROLE:-marsad}"
PASS="${MARSAD_PG_PASSWORD:-marsad}"
DB="${MARSAD_PG_DB:-marsad_test}"
PORT="${MARSAD_PG_PORT:-5432}"

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  echo "ci_postgres: installing Debian postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /etc/postgresql | sort -V | tail -n 1)"
CLUSTER="main"
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {found=1} END {exit !found}'; then
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c && $4=="online" {found=1} END {exit !found}'; then
  echo "ci_postgres: starting cluster $VERSION/$CLUSTER" >&2
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"

for _ in $(seq 1 30); do
  if su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT"; then break; fi
  sleep 1
done

psql_as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA -p $PORT -c \"$1\""; }

if [ "$(psql_as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  psql_as_postgres "CREATE ROLE $ROLE LOGIN PASSWORD '$PASS' SUPERUSER" >&2
fi
if [ "$(psql_as_postgres "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  su postgres -c "createdb -p $PORT -O $ROLE -E UTF8 -T template0 $DB" >&2
fi

echo "postgresql://$ROLE:$PASS@127.0.0.1:$PORT/$DB"
