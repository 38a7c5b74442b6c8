#!/usr/bin/env bash
# Runs a Gatehouse cluster of N replicas on this machine (default 3) on PostgreSQL membership, with
# durable counters, in front of @modelcontextprotocol/server-everything (one stdio process, owned by a
# grain, reached from every replica). Replica i listens on http://127.0.0.1:808i (silo port 1111i,
# gateway port 3000i). Ctrl+C stops them all.
#
#   bash samples/cluster/run.sh [N]
#
# PostgreSQL: set GATEHOUSE_POSTGRES to a connection string of a database Gatehouse may use; without
# it, tests/postgres.sh installs and starts a local PostgreSQL and the database gatehouse_demo is used.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
replicas="${1:-3}"

if [ -z "${GATEHOUSE_POSTGRES:-}" ]; then
  server="$(bash "$root/tests/postgres.sh" | tail -n 1)"
  PGPASSWORD=gatehouse psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'gatehouse_demo'" | grep -q 1 \
    || PGPASSWORD=gatehouse psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE gatehouse_demo"
  GATEHOUSE_POSTGRES="${server/Database=gatehouse_test/Database=gatehouse_demo}"
fi
export Gatehouse__Cluster__ConnectionString="$GATEHOUSE_POSTGRES"

dotnet build "$root/src/Gatehouse.Host" -c Release -nologo -v quiet -clp:ErrorsOnly
gatehouse=(dotnet "$root/src/Gatehouse.Host/bin/Release/net10.0/gatehouse.dll")
"${gatehouse[@]}" db migrate --config "$here/gatehouse.json"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
for i in $(seq 1 "$replicas"); do
  "${gatehouse[@]}" --config "$here/gatehouse.json" --urls "http://127.0.0.1:808$i" \
    --Gatehouse:Cluster:SiloPort="1111$i" --Gatehouse:Cluster:GatewayPort="3000$i" \
    > "/tmp/gatehouse-replica-$i.log" 2>&1 &
  pids+=("$!")
done

for i in $(seq 1 "$replicas"); do
  until curl -sf "http://127.0.0.1:808$i/readyz" > /dev/null; do sleep 0.5; done
done

cat <<MSG

$replicas replicas are serving one cluster (logs: /tmp/gatehouse-replica-N.log):
$(for i in $(seq 1 "$replicas"); do echo "  http://127.0.0.1:808$i/mcp/everything"; done)
Any replica serves any request of any session. Demo agent token: gh_demo_token_for_local_use_only
Live counters:  curl -H "Authorization: Bearer gh_demo_admin_token_for_local_use_only" "http://127.0.0.1:8081/admin/counters?grant=demo-agent"
Press Ctrl+C to stop.
MSG
wait
