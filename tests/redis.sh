#!/usr/bin/env bash
# Idempotent Redis set-up for the decision benchmarks' comparison (Debian, run as root, no systemd needed).
# Only loadtests/Gatehouse.Benchmarks uses it; the test suite does not need Redis.
#
#   bash tests/redis.sh         install if missing, start; last line = connection string (host:port)
#   bash tests/redis.sh stop    stop the server this script started
#
# The server listens on 127.0.0.1 only (port 6379, or $REDIS_PORT) and keeps its data in memory only
# (no RDB snapshots, no append-only file), like Gatehouse's counters with Counters:Durability None.
set -euo pipefail

REDIS_PORT="${REDIS_PORT:-6379}"
RUN_DIR="/tmp/gatehouse-redis-${REDIS_PORT}"
PID_FILE="${RUN_DIR}/redis.pid"

log() { echo "redis.sh: $*" >&2; }

running() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

if [ "${1:-}" = "stop" ]; then
  if command -v redis-cli >/dev/null 2>&1 && running; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    log "stopped redis on 127.0.0.1:${REDIS_PORT}"
  else
    log "redis is not running on 127.0.0.1:${REDIS_PORT}"
  fi
  exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
  log "installing redis-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q redis-server >&2
fi

if ! running; then
  log "starting redis on 127.0.0.1:${REDIS_PORT}"
  mkdir -p "$RUN_DIR"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --save "" --appendonly no --daemonize yes --pidfile "$PID_FILE" \
    --dir "$RUN_DIR" --logfile "${RUN_DIR}/redis.log" >&2
  for _ in $(seq 1 40); do
    running && break
    sleep 0.25
  done
  running || { log "redis did not answer PING on 127.0.0.1:${REDIS_PORT}; see ${RUN_DIR}/redis.log"; exit 1; }
fi

echo "127.0.0.1:${REDIS_PORT}"
