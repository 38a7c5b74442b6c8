#!/usr/bin/env bash
# Prints the installed suite's server scenario names, one per line.
# Regenerate the committed list with:  bash tests/conformance/list-scenarios.sh > tests/conformance/scenarios.txt
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

conformance_install
names=$(conformance_server_scenarios)
[[ -n $names ]] || { echo "list-scenarios: the suite listed no server scenarios" >&2; exit 2; }
printf '%s\n' "$names"
