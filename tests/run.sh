#!/usr/bin/env bash
# Runs every Gatehouse test on this machine. Sets up what the tests need first, when missing:
# the Node packages of the reference MCP servers and the TypeScript agent, the MCP conformance suite
# (npm ci, from the lockfiles), a local PostgreSQL (installed from Debian's packages, started, a test database created)
# and Debian's Chromium, which the console's browser tests drive.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Node packages (tests/node)"
if ! (cd tests/node && npm ls --depth=0 >/dev/null 2>&1); then
  (cd tests/node && npm ci --no-audit --no-fund)
fi

echo "==> Conformance suite (tests/conformance, and tests/conformance-2026 for the 2026-07-28 requirements; each with its own Node 22)"
for suite in tests/conformance tests/conformance-2026; do
  if ! (cd "$suite" && npm ls --depth=0 >/dev/null 2>&1); then
    (cd "$suite" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

if [ -f tests/postgres.sh ]; then
  echo "==> PostgreSQL"
  GATEHOUSE_TEST_POSTGRES="$(bash tests/postgres.sh | tail -n 1)"
  export GATEHOUSE_TEST_POSTGRES
fi

echo "==> Chromium (the console's browser tests)"
if [ ! -x /usr/lib/chromium/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium
fi

echo "==> Build"
dotnet build Cluster.sln -c Release -nologo -clp:ErrorsOnly

echo "==> Test"
# Three test assemblies at a time (the longest, end-to-end and deployment, come first in Cluster.sln):
# they spend most of their time waiting on the processes they start, and none shares state with another.
# The console's screenshots (Category=Screenshots) rewrite docs/console/ and are made on demand, not here.
dotnet test Cluster.sln -c Release --no-build -nologo -m:3 --filter "Category!=Screenshots" --logger "console;verbosity=minimal"
