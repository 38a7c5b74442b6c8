#!/usr/bin/env bash
# Runs every server scenario of the pinned MCP conformance suite against an MCP endpoint.
#
#   bash tests/conformance/run.sh [--header 'Name: value']... [--token TOKEN] URL OUTPUT.json
#
# Writes OUTPUT.json          {"scenario": "pass" | "fail", …}, one key per scenario the suite lists
#        OUTPUT.details.json  per scenario: failed checks with the suite's messages, warnings
#        OUTPUT.logs/NAME/    the suite's own output and checks.json for each scenario
# and prints a table. Exit code 0 when the suite ran (whatever the scenarios' results); 2 for bad
# arguments or when the suite cannot be installed or listed; 3 when every scenario ended without
# results and not by a time limit (the suite itself could not run).
#
# --token TOKEN adds "Authorization: Bearer TOKEN"; --header adds any header. The suite's CLI has no such
# option: inject-headers.mjs adds them to the requests for URL's origin (see README.md).
#
# Time limits (seconds): CONFORMANCE_SCENARIO_TIMEOUT per scenario (default 60),
# CONFORMANCE_RUN_TIMEOUT for the whole run (default 900); scenarios past it are reported as failed.
# CONFORMANCE_REQUIREMENTS=2026-07-28 runs the scenarios that revision requires, at its wire, with tests/conformance-2026.
set -uo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$dir/lib.sh"

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

headers_json='{}'
add_header() {
  local name=${1%%:*} value=${1#*:}
  [[ $1 == *:* && -n $name ]] || { echo "run.sh: --header needs 'Name: value'" >&2; exit 2; }
  value=${value# }
  headers_json=$(NAME=$name VALUE=$value HEADERS=$headers_json "$CONFORMANCE_NODE" -e \
    'const h = JSON.parse(process.env.HEADERS); h[process.env.NAME] = process.env.VALUE; console.log(JSON.stringify(h))')
}

conformance_install || { echo "run.sh: could not install the conformance suite" >&2; exit 2; }

positional=()
while (($#)); do
  case $1 in
    --header) (($# >= 2)) || usage; add_header "$2"; shift 2 ;;
    --token) (($# >= 2)) || usage; add_header "Authorization: Bearer $2"; shift 2 ;;
    -h|--help) usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
((${#positional[@]} == 2)) || usage
url=${positional[0]}
output=${positional[1]}
[[ $url =~ ^https?://[^/]+ ]] || { echo "run.sh: URL must start with http:// or https://" >&2; exit 2; }
origin=${BASH_REMATCH[0]}
base=${output%.json}
details=$base.details.json
logs=$base.logs

scenario_timeout=${CONFORMANCE_SCENARIO_TIMEOUT:-60}
run_timeout=${CONFORMANCE_RUN_TIMEOUT:-900}

mkdir -p "$(dirname "$output")" || exit 2
rm -rf "$logs" && mkdir -p "$logs" || exit 2
conformance_server_scenarios > "$logs/scenarios.txt"
[[ -s $logs/scenarios.txt ]] || { echo "run.sh: the suite listed no server scenarios" >&2; exit 2; }

export CONFORMANCE_INJECT_HEADERS=$headers_json
# Node's URL origin: lower-case scheme and host, no default port.
CONFORMANCE_TARGET_ORIGIN=$(URL=$origin "$CONFORMANCE_NODE" -e 'console.log(new URL(process.env.URL).origin)')
export CONFORMANCE_TARGET_ORIGIN

mapfile -t server_options < <(conformance_server_options)
echo "conformance: $(wc -l < "$logs/scenarios.txt") server scenarios against $url${CONFORMANCE_REQUIREMENTS:+ (required for $CONFORMANCE_REQUIREMENTS)}" >&2
deadline=$((SECONDS + run_timeout))
while read -r scenario; do
  scenario_dir=$logs/$scenario
  mkdir -p "$scenario_dir"
  remaining=$((deadline - SECONDS))
  if ((remaining <= 0)); then
    echo not-run > "$scenario_dir/exit-code"
    continue
  fi
  limit=$((remaining < scenario_timeout ? remaining : scenario_timeout))
  echo "conformance: $scenario" >&2
  # stdin from /dev/null: the loop reads the scenario list on stdin.
  timeout --kill-after=5 "$limit" "$CONFORMANCE_NODE" --import "$dir/inject-headers.mjs" "$CONFORMANCE_CLI" \
    server --url "$url" --scenario "$scenario" --output-dir "$scenario_dir" "${server_options[@]}" \
    < /dev/null > "$scenario_dir/output.txt" 2>&1
  echo $? > "$scenario_dir/exit-code"
done < "$logs/scenarios.txt"

"$CONFORMANCE_NODE" "$dir/summarize.mjs" "$logs" "$logs/scenarios.txt" "$output" "$details"
