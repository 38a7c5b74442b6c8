// Turns the per-scenario folders written by run.sh into OUTPUT.json (scenario -> "pass" | "fail")
// and OUTPUT.details.json (why each scenario failed, and the suite's warnings).
// Usage: node summarize.mjs LOGS_DIR SCENARIO_LIST OUTPUT.json DETAILS.json
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [logsDir, scenarioList, outputPath, detailsPath] = process.argv.slice(2);
const scenarios = readFileSync(scenarioList, 'utf8').split('\n').filter(Boolean);

function findChecks(dir) {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === 'checks.json') return path;
    if (entry.isDirectory()) {
      const found = findChecks(path);
      if (found) return found;
    }
  }
  return undefined;
}

function readText(path) {
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}

function describe(check) {
  return { check: check.id, description: check.description, message: check.errorMessage ?? null };
}

const results = {};
const details = {};
let crashed = 0;
for (const scenario of scenarios) {
  const dir = join(logsDir, scenario);
  const exitCode = readText(join(dir, 'exit-code'));
  const checksPath = findChecks(dir);
  if (checksPath) {
    const checks = JSON.parse(readFileSync(checksPath, 'utf8'));
    const failures = checks.filter((check) => check.status === 'FAILURE').map(describe);
    const warnings = checks.filter((check) => check.status === 'WARNING').map(describe);
    const passed = checks.filter((check) => check.status === 'SUCCESS').length;
    results[scenario] = failures.length === 0 ? 'pass' : 'fail';
    details[scenario] = { result: results[scenario], passedChecks: passed, failures, warnings };
  } else {
    const timedOut = ['124', '137', 'not-run'].includes(exitCode);
    if (!timedOut) crashed++;
    const reason = exitCode === 'not-run'
      ? 'not run: the whole run exceeded its time limit'
      : exitCode === '124' || exitCode === '137'
        ? 'timed out: the scenario did not finish within its time limit'
        : `the suite wrote no results (exit code ${exitCode || 'unknown'})`;
    results[scenario] = 'fail';
    details[scenario] = {
      result: 'fail',
      passedChecks: 0,
      failures: [{ check: scenario, description: 'run the scenario', message: reason }],
      warnings: [],
      output: tail(readText(join(dir, 'output.txt')), 20),
    };
  }
}

writeFileSync(outputPath, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(detailsPath, `${JSON.stringify(details, null, 2)}\n`);

const width = Math.max(...scenarios.map((scenario) => scenario.length));
for (const scenario of scenarios) {
  const { failures, warnings } = details[scenario];
  const notes = [...failures.map((f) => `FAIL ${f.check}: ${f.message}`), ...warnings.map((w) => `warn ${w.check}: ${w.message}`)];
  console.log(`${scenario.padEnd(width)}  ${results[scenario]}${notes.length ? `  (${notes.join('; ')})` : ''}`);
}
const passed = Object.values(results).filter((result) => result === 'pass').length;
console.log(`\n${passed}/${scenarios.length} scenarios passed`);

// Exit code 3: every scenario ended without results and not by a time limit: the suite itself could not run.
process.exit(crashed === scenarios.length ? 3 : 0);
