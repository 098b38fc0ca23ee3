/**
 * The package as a user gets it: `npm pack` (prepack bundles the CLI), installed offline into an
 * empty folder, then list, run, validate, sweep and test from there — plain JavaScript, no tsx, no
 * TypeScript, no UI libraries, one package in node_modules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'faultline-package-'));
const app = join(work, 'app');
afterAll(() => rmSync(work, { recursive: true, force: true }));

let packedFiles: string[] = [];

function sh(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000, input, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function faultline(...args: string[]) {
  return sh(process.execPath, [join(app, 'node_modules', '.bin', 'faultline'), ...args], app);
}

beforeAll(() => {
  const pack = sh(npm, ['pack', '--json', '--pack-destination', work], root);
  expect(pack.code, pack.stderr).toBe(0);
  // prepack's build log comes first on stdout; npm's JSON is the last block, its "[" alone on a line
  const jsonStart = Math.max(0, ...[...pack.stdout.matchAll(/^\[\s*$/gm)].map((m) => m.index));
  const [info] = JSON.parse(pack.stdout.slice(jsonStart)) as { filename: string; files: { path: string }[] }[];
  packedFiles = info.files.map((f) => f.path).sort();
  sh('mkdir', ['-p', app], work);
  const install = sh(npm, ['install', '--offline', '--no-audit', '--no-fund', join(work, info.filename)], app);
  expect(install.code, install.stderr).toBe(0);
}, 300_000);

describe('the packed package', () => {
  it('is publishable: no `private`, a licence, links, engines, no runtime dependencies', () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Faultline authors/);
    expect(manifest).toMatchObject({ repository: { type: 'git' }, bugs: { url: expect.any(String) }, homepage: expect.any(String), engines: { node: '>=20' } });
    expect(manifest.dependencies).toBeUndefined(); // everything the bin needs is bundled in dist/cli
  });

  it('ships the bundle, the licences and docs — no sources, tests or UI', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/faultline.mjs', 'dist/cli/main.mjs', 'dist/cli/node-worker-entry.mjs', 'dist/cli/test-worker-entry.mjs', 'docs/ci.md', 'dist/cli/THIRD-PARTY-LICENSES.txt', 'docs/report.schema.json']));
    expect(packedFiles.filter((f) => /^(src|tests|workers|public|scripts)\//.test(f) || f.endsWith('.ts'))).toEqual([]);
    // nothing outside the allow-list's roots, and the bundle is a few lazily loaded chunks (one per command)
    expect(packedFiles.filter((f) => !/^(LICENSE|README\.md|package\.json|bin\/faultline\.mjs|dist\/cli\/.+|docs\/.+)$/.test(f))).toEqual([]);
    expect(packedFiles.filter((f) => f.startsWith('dist/cli/')).length).toBeLessThan(40);
  });

  it('installs as one package: node_modules holds faultline alone', () => {
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['faultline']);
    expect(readdirSync(join(app, 'node_modules', 'faultline'))).not.toContain('src');
  });

  it('runs --version, list, run, validate and sweep from the installed copy', () => {
    expect(faultline('--version').stdout).toBe(`${manifest.version}\n`);
    const list = faultline('list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^mm1\s+S1\s+M\/M\/1/m);
    expect(list.stdout).toMatch(/^s4-collapse\s+S4\s+/m);

    const run = faultline('run', 'mm1', '--duration', '10m', '--json', '--no-timing');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { format: string; faultlineVersion: string; nodes: { api: { utilization: number } } };
    expect([report.format, report.faultlineVersion]).toEqual(['faultline.report/v1', manifest.version]);
    expect(report.nodes.api.utilization).toBeGreaterThan(0.6);

    const doc = {
      format: 'faultline.scenario/v1', name: 'packed', duration: '10s',
      nodes: [{ id: 'c', kind: 'client', rate: 20, target: 's' }, { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
      links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
      experiment: { vary: { path: 'links[c-s].latency', values: ['5ms', '50ms'] }, seeds: 2, collect: ['p50(c)'] },
    };
    writeFileSync(join(app, 'sweep.json'), JSON.stringify(doc));
    const validate = faultline('validate', 'sweep.json');
    expect([validate.code, validate.stdout]).toEqual([0, 'sweep.json: ok (2 nodes, 1 links, 0 faults)\n']);

    // two worker threads: the bundled node-worker-entry.mjs is found and runs without tsx
    const sweep = faultline('sweep', 'sweep.json', '--workers', '2', '--json');
    expect(sweep.code, sweep.stderr).toBe(0);
    const results = JSON.parse(sweep.stdout) as { kind: string; summary: { value: string; outcomes: Record<string, { median: number }> }[] };
    expect(results.kind).toBe('sweep');
    expect(results.summary.map((s) => [s.value, Math.round(s.outcomes['p50(c)'].median)])).toEqual([['5ms', 30], ['50ms', 120]]);

    // three shards of the 4 runs (2, 1 and 1) merged by the installed copy = the one sweep (issue 14)
    for (const k of [1, 2, 3]) {
      const part = faultline('sweep', 'sweep.json', '--workers', '1', '--shard', `${k}/3`);
      expect(part.code, part.stderr).toBe(0);
      writeFileSync(join(app, `part-${k}.json`), part.stdout);
    }
    const merged = faultline('merge', 'part-3.json', 'part-1.json', 'part-2.json', '--json');
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(sweep.stdout);
  }, 180_000);

  it('runs `faultline test` on a folder: the bundled test worker threads check each file; exit 1 on the failing one', () => {
    // p50 is 20 ms of service plus 2 × 5 ms of link: ≤ 40 holds, ≤ 20 cannot
    const checked = (bound: number) => ({
      format: 'faultline.scenario/v1', name: 'checked', duration: '10s',
      nodes: [{ id: 'c', kind: 'client', rate: 20, target: 's' }, { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
      links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
      expect: [{ metric: 'clients.c.latencyMs.p50', atMost: bound }],
    });
    sh('mkdir', ['-p', join(app, 'resilience')], app);
    writeFileSync(join(app, 'resilience', 'holds.json'), JSON.stringify(checked(40)));
    writeFileSync(join(app, 'resilience', 'breaks.json'), JSON.stringify(checked(20)));
    const test = faultline('test', 'resilience', '--workers', '2', '--reporter', 'junit=junit.xml');
    expect(test.code, test.stderr).toBe(1);
    expect(test.stdout).toMatch(/^FAIL {2}resilience\/breaks\.json {2}\(0 passed, 1 failed\)\n {6}resilience\/breaks\.json:1:\d+: expect\[0\]: clients\.c\.latencyMs\.p50 = 30(\.\d+)?, expected ≤ 20\npass {2}resilience\/holds\.json {2}\(1 expectation\)\n\n1 passed, 1 failed\n$/);
    expect(readFileSync(join(app, 'junit.xml'), 'utf8')).toMatch(/<testsuites name="faultline test" tests="2" failures="1" errors="0" skipped="0">/);
  }, 180_000);
});
