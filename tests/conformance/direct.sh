#!/usr/bin/env bash
# Builds tests/Gatehouse.ConformanceServer, starts it on a free loopback port, runs every server scenario
# against it with run.sh, and stops it.
#
#   bash tests/conformance/direct.sh OUTPUT.json
#
# Exit code: run.sh's; 2 when the server cannot be built or does not start within 60 s.
set -uo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$dir/../.." && pwd)
(($# == 1)) || { echo "usage: bash tests/conformance/direct.sh OUTPUT.json" >&2; exit 2; }
output=$1

project=$repo/tests/Gatehouse.ConformanceServer
timeout 600 dotnet build "$project" -c Release --nologo -v quiet >&2 || { echo "direct.sh: build failed" >&2; exit 2; }

log=$(mktemp)
dotnet "$project/bin/Release/net10.0/Gatehouse.ConformanceServer.dll" --urls http://127.0.0.1:0 > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null; wait "$server" 2> /dev/null; rm -f "$log"' EXIT

url=
for _ in $(seq 1 120); do
  address=$(sed -n 's/.*Now listening on: \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)
  if [[ -n $address ]]; then url=$address/mcp; break; fi
  kill -0 "$server" 2> /dev/null || break
  sleep 0.5
done
[[ -n $url ]] || { echo "direct.sh: the conformance server did not start" >&2; cat "$log" >&2; exit 2; }

echo "direct.sh: conformance server at $url" >&2
bash "$dir/run.sh" "$url" "$output"
