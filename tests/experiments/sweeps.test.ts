import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { inlineExecutor, planExperiment, runAll, runTask, summarise, type ExperimentPlan, type ExperimentResults } from '../../src/experiments';
import { runInThreads } from '../../src/experiments/node-pool';
import { findBuiltinExperiment } from '../../src/scenarios/experiments';

/** The bundled CLI, laid out as installed (tests/support/cli-bundle-setup.ts). */
const BIN = inject('cliBin');
const dir = mkdtempSync(join(tmpdir(), 'faultline-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plan(id: string, edit: (doc: { experiment: Record<string, unknown> }) => void = () => {}): ExperimentPlan {
  const doc = structuredClone(findBuiltinExperiment(id)?.document) as { experiment: Record<string, unknown> };
  edit(doc);
  const planned = planExperiment(doc);
  if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
  return planned.plan;
}

async function sweep(p: ExperimentPlan, workers: number): Promise<ExperimentResults> {
  const { results, cancelled } = await runInThreads(p, workers);
  expect(cancelled).toBe(false);
  return summarise(p, results);
}

const series = (r: ExperimentResults, metric: string, line: 'mean' | 'median') => r.summary.map((row) => row.outcomes[metric][line]);

describe('sweeps are deterministic per (value, seed)', () => {
  it('1 worker, 2 workers and the calling thread give identical results', async () => {
    const p = plan('s4-collapse', (doc) => {
      doc.experiment.vary = { path: 'faults[0].for', values: ['4.5s', '5s', '5.5s'] };
      doc.experiment.seeds = 8;
    });
    const inline = summarise(p, (await runAll(p.tasks.length, [inlineExecutor((i) => runTask(p, i))])).results);
    const [one, two] = await Promise.all([sweep(p, 1), sweep(p, 2)]);
    expect(one.runs).toHaveLength(24);
    expect(one).toEqual(inline);
    expect(two).toEqual(inline);
    // a sweep that shows nothing would pass trivially: these seeds disagree at 5 s
    const collapsedAt5s = inline.runs.filter((r) => r.value === '5s').map((r) => r.outcomes['collapsed(clients)']);
    expect(new Set(collapsedAt5s)).toEqual(new Set([0, 1]));
  });
});

describe('built-in experiments', () => {
  it('S1: mean latency sits on 1/(μ − λ) within 3% from ρ = 0.1 to 0.95', async () => {
    const results = await sweep(plan('s1-hockey-stick'), 2);
    const rates = results.values as number[];
    expect(rates[0]).toBe(1);
    expect(rates.at(-1)).toBe(9.5);
    for (const row of results.summary) {
      const lambda = row.value as number;
      const theoryMs = 1000 / (10 - lambda);
      expect(Math.abs(row.outcomes['meanLatency(api)'].mean / theoryMs - 1), `ρ = ${lambda / 10}`).toBeLessThan(0.03);
      expect(Math.abs(row.outcomes['utilization(api)'].mean - lambda / 10)).toBeLessThan(0.01);
    }
  });

  it('S4: collapse probability rises with trigger length, from 0 at 2 s to 1 at 8 s', async () => {
    const results = await sweep(plan('s4-collapse'), 2);
    const probability = series(results, 'collapsed(clients)', 'mean');
    // measured: 0 up to 3 s, 0.05 at 3.5–4 s, 0.35 at 4.5 s, 0.55 at 5 s, 0.9 at 5.5 s, 1 from 6 s
    for (let i = 1; i < probability.length; i++) expect(probability[i]).toBeGreaterThanOrEqual(probability[i - 1]);
    expect(probability[0]).toBeLessThanOrEqual(0.2);
    expect(probability.at(-1)).toBeGreaterThanOrEqual(0.8);
    expect(probability.some((p) => p > 0.2 && p < 0.8)).toBe(true); // a band where it is truly a matter of chance
    expect(results.summary[0].outcomes['collapsed(clients)'].n).toBe(20);
  });
});

function faultline(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('faultline sweep', () => {
  it('runs the S8 experiment on 2 workers: recovery ≈ the refresh interval, as JSON and CSV', () => {
    const csv = join(dir, 'runs.csv');
    const r = faultline('sweep', 's8-recovery', '--workers', '2', '--json', '--csv', csv);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as ExperimentResults;
    expect(results.path).toBe('nodes[api].auth.refreshEvery');
    expect(results.runs).toHaveLength(64);
    const intervalsSec = [1, 2, 5, 10, 15, 20, 25, 30].map((m) => m * 60);
    results.summary.forEach((row, i) => {
      const s = row.outcomes['recoverySeconds(api, 35m)'];
      // 20 replicas at random phases: the last one refreshes within the interval, mostly near its end
      expect(s.max).toBeLessThanOrEqual(intervalsSec[i] + 10);
      expect(s.median).toBeGreaterThan(0.85 * intervalsSec[i]);
      expect(row.outcomes['rejectingShare(api, 35m)'].min).toBe(1); // every replica was broken at the restore
    });
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(65);
    expect(lines[0]).toBe('value,seed,"recoverySeconds(api, 35m)","recoverySeconds(users, 35m)","rejectingShare(api, 35m)","goodputShare(users, 5m, 35m)"');
    expect(lines[1]).toMatch(/^1m,1,60,/);
  });

  it('reports an invalid experiment with its path (exit 1) and bad usage (exit 2)', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({
      format: 'faultline.scenario/v1', name: 'bad', duration: '10s',
      nodes: [{ id: 'c', kind: 'client', rate: 5, target: 's' }, { id: 's', kind: 'service' }],
      links: [{ id: 'c-s', from: 'c', to: 's' }],
      experiment: { vary: { path: 'nodes[x].rate', values: [1, 2] }, seeds: 2, collect: ['p99(s)'] },
    }));
    const bad = faultline('sweep', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('experiment.vary.path: no node "x"');
    expect(faultline('sweep', 'mm1').stderr).toContain('experiment: required field is missing');
    expect(faultline('sweep').code).toBe(2);
    expect(faultline('sweep', 's4-collapse', '--workers', '0').code).toBe(2);
  });

  it('prints a table per metric without --json', () => {
    const file = join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify({
      format: 'faultline.scenario/v1', name: 'tiny', duration: '20s',
      nodes: [{ id: 'c', kind: 'client', rate: 20, target: 's' }, { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
      links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
      experiment: { vary: { path: 'links[c-s].latency', values: ['5ms', '50ms'] }, seeds: 2, collect: ['p50(c)'] },
    }));
    const r = faultline('sweep', file, '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 values × 2 seeds = 4 runs/);
    expect(r.stdout).toMatch(/^5ms\s+2\s+30\s+30\s/m); // 5 ms each way + 20 ms
    expect(r.stdout).toMatch(/^50ms\s+2\s+120\s+120\s/m);
  });
});
