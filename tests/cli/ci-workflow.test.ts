/**
 * docs/ci.md's GitHub Actions workflow, as a reader copies it: its `faultline test` command is run
 * (with the source CLI in place of `npx faultline`) on the example folder the page links to, and
 * its JUnit file is where the upload step looks for it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';

/** The bundled CLI, laid out as installed (tests/support/cli-bundle-setup.ts). */
const BIN = inject('cliBin');
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const page = readFileSync(join(DOCS, 'ci.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'faultline-ci-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const workflow = /```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
/** The step's `run:` line, split into words as a shell would (the command has no quotes). */
const command = /^\s+run: (npx faultline test .*)$/m.exec(workflow)?.[1] ?? '';
const args = command.split(/\s+/).slice(2); // after `npx faultline`

function faultline(argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the workflow in docs/ci.md', () => {
  it('is a GitHub Actions job that checks out, sets up Node 22, installs, runs faultline test and keeps the JUnit file', () => {
    expect(workflow).toMatch(/^on: \[push, pull_request\]$/m);
    expect(workflow).toMatch(/- uses: actions\/checkout@v4\n\s+- uses: actions\/setup-node@v4\n\s+with:\n\s+node-version: 22/);
    expect(workflow).toMatch(/- run: npm ci\n/);
    expect(args).toEqual(['test', 'resilience/', '--reporter', 'github', '--reporter', 'junit=faultline-junit.xml']);
    expect(workflow).toMatch(/if: always\(\)\n\s+uses: actions\/upload-artifact@v4\n\s+with:\n\s+name: faultline-junit\n\s+path: faultline-junit.xml\n/);
  });

  it('its command passes on the example folder the page links to, and writes the JUnit file the upload step keeps', () => {
    expect(page).toContain('](examples/resilience/)');
    cpSync(join(DOCS, 'examples', 'resilience'), join(work, 'resilience'), { recursive: true });
    const r = faultline(args);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toBe('pass  resilience/retry-budget.json  (3 expectations)\n\n1 passed, 0 failed\n');
    expect(readFileSync(join(work, 'faultline-junit.xml'), 'utf8')).toMatch(/<testsuites name="faultline test" tests="3" failures="0" errors="0" skipped="0">/);
  });

  it('fails the job on a broken model, annotating the failing entries\' lines', () => {
    // the same model without its retry budget: the spike becomes a retry storm
    const text = readFileSync(join(work, 'resilience', 'retry-budget.json'), 'utf8');
    const broken = text.replace(/, "budget": \{[^}]*\}\s*\}/, '').replace('"attempts": 4', '"attempts": 2');
    expect(broken).not.toBe(text);
    writeFileSync(join(work, 'resilience', 'retry-storm.json'), broken);
    const r = faultline(args);
    expect(r.code).toBe(1);
    const line = broken.split('\n').findIndex((l) => l.includes('"goodput is back after the spike"')) + 1;
    expect(r.stdout).toContain(`::error file=resilience/retry-storm.json,line=${line},col=5,title=expect[0]::goodput is back after the spike = 0, expected ≥ 0.9\n`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
    expect(existsSync(join(work, 'faultline-junit.xml'))).toBe(true);
  });
});
