import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { RunReport } from '../../src/engine/report-types';

/** The bundled CLI, laid out as installed (tests/support/cli-bundle-setup.ts). */
const BIN = inject('cliBin');
const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function faultline(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('faultline run', () => {
  it('--json prints one document in the shape of DESIGN.md §4, with numbers from the run', () => {
    const r = faultline('run', 'mm1', '--duration', '2h', '--seed', '9', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['scenario', 'seed', 'simulatedMs', 'events', 'wallMs', 'nodes', 'clients', 'links', 'series']));
    expect(report.seed).toBe(9);
    expect(report.simulatedMs).toBe(7_200_000);
    const api = report.nodes.api;
    expect(api.kind).toBe('service');
    expect(Object.keys(api.dropped)).toEqual(expect.arrayContaining(['queueFull', 'timeout', 'shed', 'linkDown', 'linkLoss', 'circuitOpen', 'authRejected', 'error']));
    expect(Object.keys(api.latencyMs)).toEqual(['mean', 'p50', 'p95', 'p99']);
    expect(api.utilization).toBeGreaterThan(0.75);
    expect(api.utilization).toBeLessThan(0.85);
    const users = report.clients.users;
    expect(users.generated).toBe(users.succeeded + users.inFlight);
    expect(report.series.intervalMs).toBe(10_000);
    expect(report.series.t).toHaveLength(720);
    expect(report.series.nodes.api.arrived).toHaveLength(720);
    expect(report.series.nodes.api.arrived.reduce((a, b) => a + b, 0)).toBe(api.arrived);
    expect(Object.keys(report.series.clients.users)).toEqual(expect.arrayContaining(['generated', 'succeeded', 'failed', 'attempts']));
  });

  it('the same seed gives the same numbers from the CLI', () => {
    const a = JSON.parse(faultline('run', 'checkout', '--json').stdout) as RunReport;
    const b = JSON.parse(faultline('run', 'checkout', '--json').stdout) as RunReport;
    expect({ ...a, wallMs: 0 }).toEqual({ ...b, wallMs: 0 });
  });

  it('prints readable tables without --json and writes the series with --csv', () => {
    const csv = join(dir, 'series.csv');
    const r = faultline('run', 'retry-amplification', '--csv', csv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Retry amplification across layers — seed 3/);
    expect(r.stdout).toMatch(/^db\s+database\s+[\d,]+/m);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(91); // header + 90 one-second intervals
    const header = lines[0].split(',');
    expect(header[0]).toBe('t_ms');
    const dbArrived = header.indexOf('nodes.db.arrived');
    const usersGenerated = header.indexOf('clients.users.generated');
    const at45s = lines[46].split(',').map(Number); // the interval [45 s, 46 s), mid-fault
    expect(at45s[0]).toBe(46_000);
    expect(at45s[dbArrived] / at45s[usersGenerated]).toBeGreaterThan(60);
  });

  it('accepts a reference name for a built-in', () => {
    const r = faultline('run', 'S3', '--json', '--duration', '5s');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as RunReport).scenario).toBe('Retry amplification across layers');
  });

  it('runs a scenario file', () => {
    const file = join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify({
      format: 'faultline.scenario/v1', name: 'tiny', duration: '10s',
      nodes: [{ id: 'c', kind: 'client', rate: 50, target: 's' }, { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
      links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
    }));
    const report = JSON.parse(faultline('run', file, '--json').stdout) as RunReport;
    expect(report.nodes.s.latencyMs.p50).toBeCloseTo(20, 0);
    expect(report.clients.c.latencyMs.p50).toBeCloseTo(30, 0); // 5 ms each way + 20 ms
  });
});

describe('faultline validate and usage errors', () => {
  it('lists every problem with its path and exits 1', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({
      format: 'faultline.scenario/v1', name: 'broken', duration: '10s',
      nodes: [
        { id: 'c', kind: 'client', rate: -5, target: 'nowhere' },
        { id: 's', kind: 'service', workers: -3 },
      ],
      links: [{ id: 'c-s', from: 'c', to: 'ghost' }],
    }));
    const r = faultline('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nodes[1].workers: expected a whole number ≥ 1 or "unbounded", got -3');
    expect(r.stderr).toMatch(/nodes\[0\]\.rate: /);
    expect(r.stderr).toMatch(/links\[0\]\.to: /);
    expect(r.stderr).toMatch(/nodes\[0\]\.target: /);
  });

  it('a valid file passes', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify({ format: 'faultline.scenario/v1', name: 'ok', duration: '1s', nodes: [{ id: 'c', kind: 'client', rate: 1, target: 's' }, { id: 's', kind: 'service' }], links: [{ id: 'l', from: 'c', to: 's' }] }));
    const r = faultline('validate', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok (2 nodes, 1 links, 0 faults)');
  });

  it('run of a broken file exits 1 and says why; bad usage exits 2', () => {
    const missing = faultline('run', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file or built-in scenario');
    expect(faultline('run').code).toBe(2);
    expect(faultline('run', 'mm1', '--seed', 'abc').code).toBe(2);
    expect(faultline('frobnicate').code).toBe(2);
    const badDuration = faultline('run', 'mm1', '--duration', 'forever');
    expect(badDuration.code).toBe(1);
    expect(badDuration.stderr).toMatch(/^mm1: duration: /m); // file: problem
  });
});

describe("the checkout's bin", () => {
  it('runs the TypeScript source through tsx and reports exactly what the bundle reports', () => {
    const args = ['run', 'mm1', '--duration', '10m', '--seed', '3', '--json', '--no-timing'];
    const source = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/faultline.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(source.status).toBe(0);
    const bundled = faultline(...args);
    expect(bundled.code).toBe(0);
    expect(JSON.parse(source.stdout).simulatedMs).toBe(600_000);
    expect(source.stdout).toBe(bundled.stdout);
  });
});
