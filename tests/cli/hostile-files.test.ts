/**
 * Issue 17's CLI inputs: a byte-order mark with overrides, an output path that cannot be written,
 * endless and huge files, and spreadsheet formulas in CSV cells.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readSourceText } from '../../src/cli/read-source';
import { csvField, seriesToCsv } from '../../src/share/series-csv';

/** The bundled CLI, laid out as installed (tests/support/cli-bundle-setup.ts). */
const BIN = inject('cliBin');
const dir = mkdtempSync(join(tmpdir(), 'faultline-hostile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function faultline(...args: string[]) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (performance.now() - started) / 1000 };
}

const tiny = {
  format: 'faultline.scenario/v1', name: 'tiny', duration: '10s',
  nodes: [{ id: 'c', kind: 'client', rate: 20, target: 's' }, { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
  links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
};

describe('files the CLI reads', () => {
  it('a file with a byte-order mark runs with --seed and --duration (no SyntaxError trace)', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(tiny)}`);
    const r = faultline('run', file, '--seed', '5', '--duration', '4s', '--json');
    expect(r.stderr).not.toMatch(/SyntaxError|at /);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { seed: number; simulatedMs: number };
    expect([report.seed, report.simulatedMs]).toEqual([5, 4000]);
  });

  it('validate /dev/zero stops at the 5 MB limit instead of reading forever', () => {
    const r = faultline('validate', '/dev/zero');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('/dev/zero: expected a file of at most 5 MB (a Faultline limit), got more (reading stopped at the limit)\n/dev/zero: 1 problem\n');
  });

  it('a 1 GB sparse file is refused by its size, without being read', () => {
    const file = join(dir, 'sparse.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    const r = faultline('run', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${file}: expected a file of at most 5 MB (a Faultline limit), got 1024.0 MB\n`);
  });

  it('the reader holds at most the limit: reading /dev/zero keeps memory flat', async () => {
    const before = process.memoryUsage().rss;
    const read = await readSourceText('/dev/zero', 1024 * 1024);
    expect(read).toEqual({ ok: false, code: 'E2BIG', message: expect.stringContaining('got more') });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('output paths', () => {
  it('--csv into a missing folder is refused before the run, with file: problem and exit 2', () => {
    // a run of 30 simulated days would take minutes: the refusal must come before it
    const r = faultline('run', 'mm1', '--duration', '30d', '--csv', '/nonexistent/x.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('/nonexistent/x.csv: cannot be created: no such folder /nonexistent\n');
    expect(r.stdout).toBe('');
    expect(r.seconds).toBeLessThan(30);
  });

  it('--csv naming a folder, and sweep --csv into a missing folder, are refused the same way', () => {
    expect(faultline('run', 'mm1', '--csv', dir).stderr).toBe(`${dir}: is a folder; expected a file name\n`);
    const sweep = faultline('sweep', 's1-hockey-stick', '--csv', '/nonexistent/runs.csv');
    expect([sweep.code, sweep.stderr]).toEqual([2, '/nonexistent/runs.csv: cannot be created: no such folder /nonexistent\n']);
    expect(existsSync('/nonexistent')).toBe(false);
  });
});

describe('CSV cells (OWASP CSV injection)', () => {
  it('a text cell that starts like a formula is prefixed with \' and quoted; others are untouched', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField("+cmd|' /C calc'!A0")).toBe('"\'+cmd|\' /C calc\'!A0"');
    expect(csvField('@SUM(1+1)')).toBe('"\'@SUM(1+1)"');
    expect(csvField('-2+3')).toBe('"\'-2+3"');
    expect(csvField('\t=1')).toBe('"\'\t=1"');
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('users')).toBe('users');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('p99(api, 30s)')).toBe('"p99(api, 30s)"');
  });

  it('sweep --csv writes hostile varied values as inert text', () => {
    const file = join(dir, 'inject.json');
    const values = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", 'plain'];
    writeFileSync(file, JSON.stringify({ ...tiny, duration: '2s', experiment: { vary: { path: 'nodes[s].label', values }, seeds: 1, collect: ['p50(c)'] } }));
    const csv = join(dir, 'inject.csv');
    const r = faultline('sweep', file, '--workers', '1', '--csv', csv);
    expect(r.code, r.stderr).toBe(0);
    const cells = readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((line) => line.slice(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)));
    expect(cells).toEqual([
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
      '"\'+cmd|\' /C calc\'!A0"',
      '"\'@SUM(1+1)*cmd|\' /C calc\'!A0"',
      'plain',
    ]);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('the series CSV goes through the same cell writer', () => {
    const csv = seriesToCsv({ intervalMs: 1000, t: [1000], nodes: { '=cmd': { arrived: [1] } }, clients: {}, links: {} });
    expect(csv).toBe('t_ms,nodes.=cmd.arrived\n1000,1\n'); // the group name comes first: never a formula
    expect(statSync(BIN).isFile()).toBe(true);
  });
});
