#!/usr/bin/env bash
# Fails (exit 1, with a diff) when the installed suite's server scenarios differ from scenarios.txt,
# so a scenario added or renamed upstream is noticed when the suite's version is raised.
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

current=$(bash "$dir/list-scenarios.sh")
if ! diff -u --label scenarios.txt --label "installed suite" "$dir/scenarios.txt" <(printf '%s\n' "$current"); then
  echo "check-scenarios: the suite's server scenarios differ from tests/conformance/scenarios.txt;" >&2
  echo "  regenerate it with: bash tests/conformance/list-scenarios.sh > tests/conformance/scenarios.txt" >&2
  exit 1
fi
echo "check-scenarios: scenarios.txt matches the installed suite ($(wc -l < "$dir/scenarios.txt") server scenarios)"
