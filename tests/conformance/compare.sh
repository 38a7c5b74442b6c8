#!/usr/bin/env bash
# Compares two run.sh outputs (e.g. direct and through the gateway): prints every scenario whose result
# differs or that only one of them has; exit code 1 when there is any, 0 when they agree.
#
#   bash tests/conformance/compare.sh direct.json gateway.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
(($# == 2)) || { echo "usage: bash tests/conformance/compare.sh EXPECTED.json ACTUAL.json" >&2; exit 2; }

"$CONFORMANCE_NODE" - "$1" "$2" <<'JS'
const { readFileSync } = require('node:fs');
const [expectedPath, actualPath] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
const actual = JSON.parse(readFileSync(actualPath, 'utf8'));
const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
const differences = names.filter((name) => expected[name] !== actual[name]);
for (const name of differences) {
  console.log(`${name}: ${expected[name] ?? 'absent'} -> ${actual[name] ?? 'absent'}`);
}
console.log(differences.length === 0 ? `all ${names.length} scenarios agree` : `${differences.length} of ${names.length} scenarios differ`);
process.exit(differences.length === 0 ? 0 : 1);
JS
