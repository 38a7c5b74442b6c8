#!/usr/bin/env bash
# Idempotent PostgreSQL set-up for Gatehouse tests and CI (Debian, run as root, no systemd needed).
#
#   bash tests/postgres.sh         install if missing, configure, start; last line = connection string
#   bash tests/postgres.sh stop    stop the cluster
#
# The server listens on 127.0.0.1 only (port 5432, or $PGPORT). TCP connections from 127.0.0.1
# authenticate by password (scram-sha-256); the postgres role's password is "gatehouse".
# Export the printed line as GATEHOUSE_TEST_POSTGRES before running the storage tests.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_PORT="${PGPORT:-5432}"
PG_PASSWORD="gatehouse"
TEST_DATABASE="gatehouse_test"
HBA_MARKER="# gatehouse: password auth for local TCP"

log() { echo "postgres.sh: $*" >&2; }

server_installed() {
  command -v pg_ctlcluster >/dev/null 2>&1 &&
    [ -x "/usr/lib/postgresql/${PG_VERSION}/bin/postgres" ]
}

cluster_exists() {
  pg_lsclusters --no-header 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'
}

cluster_online() {
  pg_lsclusters --no-header 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c && $4 ~ /^online/ { found = 1 } END { exit !found }'
}

# Runs psql as the postgres OS user over the Unix socket (peer authentication).
psql_as_postgres() {
  (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@")
}

if [ "${1:-}" = "stop" ]; then
  if server_installed && cluster_online; then
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop
    log "stopped cluster ${PG_VERSION}/${PG_CLUSTER}"
  else
    log "cluster ${PG_VERSION}/${PG_CLUSTER} is not running"
  fi
  exit 0
fi

if ! server_installed; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q postgresql >&2
fi

if ! cluster_exists; then
  log "creating cluster ${PG_VERSION}/${PG_CLUSTER}"
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" >&2
fi

restart_needed=0
reload_needed=0

# Our settings live in a conf.d drop-in (read after the packaged defaults), rewritten only when
# its content differs, so a re-run changes nothing and restarts nothing.
conf_file="/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}/conf.d/gatehouse.conf"
conf_wanted="# Written by tests/postgres.sh
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
password_encryption = 'scram-sha-256'"
if [ "$(cat "$conf_file" 2>/dev/null || true)" != "$conf_wanted" ]; then
  mkdir -p "$(dirname "$conf_file")"
  printf '%s\n' "$conf_wanted" >"$conf_file"
  restart_needed=1
fi

# pg_hba.conf is first-match: put the password rule above anything else for 127.0.0.1.
hba_file="/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}/pg_hba.conf"
if ! grep -qF "$HBA_MARKER" "$hba_file"; then
  tmp="$(mktemp)"
  {
    echo "$HBA_MARKER"
    echo "host    all             all             127.0.0.1/32            scram-sha-256"
    cat "$hba_file"
  } >"$tmp"
  cat "$tmp" >"$hba_file"
  rm -f "$tmp"
  reload_needed=1
fi

if cluster_online; then
  if [ "$restart_needed" = 1 ]; then
    log "restarting cluster to apply configuration"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart
  elif [ "$reload_needed" = 1 ]; then
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" reload
  fi
else
  log "starting cluster ${PG_VERSION}/${PG_CLUSTER}"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
    break
  fi
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || { log "server did not become ready on 127.0.0.1:${PG_PORT}"; exit 1; }

# A later line elsewhere in postgresql.conf could still override the drop-in: check what is live.
live="$(psql_as_postgres -tA -c "SELECT current_setting('listen_addresses') || ' ' || current_setting('port')")"
if [ "$live" != "127.0.0.1 ${PG_PORT}" ]; then
  log "server runs with listen_addresses/port '${live}', expected '127.0.0.1 ${PG_PORT}'; fix /etc/postgresql/${PG_VERSION}/${PG_CLUSTER}/postgresql.conf"
  exit 1
fi

psql_as_postgres -c "ALTER ROLE postgres WITH PASSWORD '${PG_PASSWORD}'" >/dev/null

if [ "$(psql_as_postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '${TEST_DATABASE}'")" != "1" ]; then
  log "creating database ${TEST_DATABASE}"
  psql_as_postgres -c "CREATE DATABASE ${TEST_DATABASE}" >/dev/null
fi

# Proves that password authentication over TCP works before handing out the connection string.
PGPASSWORD="$PG_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$TEST_DATABASE" -tA -c "SELECT 1" >/dev/null

# Generous connect and command timeouts: on a busy two-core machine a new backend can take seconds to
# start, and a timeout there would fail a test that is slow, not wrong.
echo "Host=127.0.0.1;Port=${PG_PORT};Username=postgres;Password=${PG_PASSWORD};Database=${TEST_DATABASE};Timeout=60;Command Timeout=120"
