#!/usr/bin/env node
// `npm test`: typecheck and lint side by side, the Node tests, then the browser tests — stopping at the first
// failure — and ends with one line CI parses: `tests: <passed> passed, <failed> failed`.
// A failed typecheck or lint counts as one failed test, so that line never says "0 failed" for
// a broken run. Exit code: 0 only when everything passed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reportDir = join(root, 'node_modules', '.cache', 'faultline-test-all');
mkdirSync(reportDir, { recursive: true });

let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  console.log(`\n── ${label}: ${[cmd, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.error) console.error(result.error.message);
  return result.status === 0;
}

/** Runs vitest with a JSON report beside the usual output and adds its counts. */
function vitest(label, configFile) {
  const outputFile = join(reportDir, `${label}.json`);
  rmSync(outputFile, { force: true });
  const ok = run(label, bin('vitest'), [
    'run', '--config', configFile,
    '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`,
  ]);
  if (existsSync(outputFile)) {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails to load (syntax error, bad import) has no failed tests but is a failure.
    if (!ok && report.numFailedTests === 0) failed += Math.max(1, report.numFailedTestSuites);
  } else if (!ok) {
    failed += 1; // vitest died before writing its report
  }
  return ok;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a package script with its output held until it ends (two at once would interleave). */
function script(name) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      console.log(`\n── ${name}: npm run --silent ${name}`);
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

// typecheck and lint read the same files and each uses about one core: side by side
const checks = await Promise.all(['typecheck', 'lint'].map(script));
let ok = checks.every(Boolean);
failed += checks.filter((passedCheck) => !passedCheck).length;
ok = ok && vitest('unit', 'vitest.config.ts');
ok = ok && vitest('e2e', 'vitest.e2e.config.ts');

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
