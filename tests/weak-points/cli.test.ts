import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/faultline.mjs');
const FIXTURE = join(import.meta.dirname, 'two-buildings.json');
const validateReport = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/report.schema.json'), 'utf8')));

function faultline(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('faultline sweep --single-failures', () => {
  it('--json: the components ranked worst first, the cable pair on top, alerts undefined without alerts', () => {
    const r = faultline('sweep', FIXTURE, '--single-failures', '--at', '40s', '--for', '20s', '--workers', '1', '--json');
    expect(r.code).toBe(0);
    // stderr holds only the progress (a line per tenth once a second has passed)
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^trying failures… \d of 4 runs/);
    expect(validateReport(JSON.parse(r.stdout)), JSON.stringify(validateReport.errors)).toBe(true);
    const doc = JSON.parse(r.stdout) as { format: string; kind: string; atMs: number; forMs: number; ranked: { id: string; rank: number; alertFired: number | null; goodputLost: number }[]; runs: unknown[] };
    expect([doc.format, doc.kind]).toEqual(['faultline.report/v1', 'weak-points']);
    expect([doc.atMs, doc.forMs]).toEqual([40_000, 20_000]);
    expect(doc.runs).toHaveLength(4);
    expect(doc.ranked.map((p) => p.id).slice(0, 2).sort()).toEqual(['cable-1', 'cable-2']);
    expect(doc.ranked.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(doc.ranked.every((p) => p.alertFired === null)).toBe(true);
  });

  it('the table and --csv -: one row per component tried, --only limits them', () => {
    const table = faultline('sweep', FIXTURE, '--single-failures', '--at', '40s', '--for', '20s', '--only', 'exchange-b', '--workers', '1', '--no-timing');
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toBe('Two buildings, two cables at 80% — every single failure tried: 1 component failed at 40s for 20s, 1 seed (3), 2 runs');
    expect(lines[1]).toMatch(/^baseline: \d+ good requests from 40s to the end; alert fired: – \(no alerts defined\)$/);
    expect(lines[3].split(/\s{2,}/)).toEqual(['rank', 'component', 'failure', 'goodput lost', 'lost share', 'peak errors', 'recovery', 'alert fired', 'impact']);
    expect(lines.slice(5)).toHaveLength(1);
    expect(lines[5]).toMatch(/^ +1 {2}exchange-b {2}service crash .* 100% +0 s +– {2}high$/);
    const csv = faultline('sweep', FIXTURE, '--single-failures', '--at', '40s', '--for', '20s', '--only', 'exchange-b', '--workers', '1', '--csv', '-');
    expect(csv.code).toBe(0);
    const [head, row, ...rest] = csv.stdout.trim().split('\n');
    expect(head).toBe('rank,id,kind,action,goodputLost,goodputLostShare,peakErrorRate,recoverySeconds,alertFired,impact');
    expect(rest).toEqual([]);
    // no alerts: an empty cell; the same goodput lost as the table's row
    expect(row).toMatch(/^1,exchange-b,service,crash,\d+,[\d.]+,1,0,,high$/);
    expect(lines[5]).toContain(`  ${row.split(',')[4]}  `);
  });

  it('refuses bad usage with exit 2 and names the problem', () => {
    const unknown = faultline('sweep', FIXTURE, '--single-failures', '--only', 'cable-9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('faultline sweep: --only: no node or link "cable-9" (did you mean "cable-1"?)');
    const stray = faultline('sweep', FIXTURE, '--at', '5m');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--at belongs to --single-failures');
  });
});

describe('faultline list', () => {
  it('lists the built-in weak-points analysis beside the experiments, and in --json under weakPoints', () => {
    expect(faultline('list').stdout).toMatch(/^checkout-weak-points\s+checkout\s+Checkout: every single failure, tried \(weak points\)$/m);
    const doc = JSON.parse(faultline('list', '--json').stdout) as { weakPoints: { id: string; scenario: string }[] };
    expect(doc.weakPoints.map((w) => [w.id, w.scenario])).toEqual([['checkout-weak-points', 'checkout'], ['redundant-links-weak-points', 'redundant-links']]);
  });
});

describe('faultline sweep <built-in weak-points id>', () => {
  it('runs the built-in analysis without --single-failures, with its scenario and defaults; --only still applies', () => {
    const r = faultline('sweep', 'checkout-weak-points', '--only', 'db', '--workers', '1', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { scenario: string; atMs: number; forMs: number; seeds: number[]; ranked: { id: string; action: string; goodputLostShare: number }[] };
    expect([doc.scenario, doc.atMs, doc.forMs, doc.seeds]).toEqual(['Checkout under a crash', 60_000, 30_000, [7]]);
    expect(doc.ranked.map((p) => [p.id, p.action])).toEqual([['db', 'crash']]);
    // the database is a single point of failure: its crash loses (almost) everything the healthy run served meanwhile
    expect(doc.ranked[0].goodputLostShare).toBeGreaterThan(0.95);
  });
});
