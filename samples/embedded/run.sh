#!/usr/bin/env bash
# Starts Gatehouse on its embedded default: one replica, Orleans localhost clustering, no database,
# in front of @modelcontextprotocol/server-everything over stdio (fetched by npx on first use).
# Needs the .NET 10 SDK and Node.js. Usage: bash samples/embedded/run.sh [--urls http://127.0.0.1:8080]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
urls="http://127.0.0.1:8080"
if [ "${1:-}" = "--urls" ] && [ -n "${2:-}" ]; then urls="$2"; fi

dotnet build "$root/src/Gatehouse.Host" -c Release -nologo -v quiet -clp:ErrorsOnly

cat <<MSG

Gatehouse (embedded default) is starting on $urls
  MCP endpoint:  $urls/mcp/everything   (Streamable HTTP)
  Demo token:    gh_demo_token_for_local_use_only   (grant 'demo-agent'; make your own with: gatehouse token new)
  Try it:        (cd tests/node && npm ci) && node tests/node/ts-agent.mjs --url $urls/mcp/everything \\
                   --token gh_demo_token_for_local_use_only --tool get-sum --args '{"a":2,"b":3}'
  Health:        $urls/readyz

MSG
exec dotnet "$root/src/Gatehouse.Host/bin/Release/net10.0/gatehouse.dll" --config "$here/gatehouse.json" --urls "$urls"
