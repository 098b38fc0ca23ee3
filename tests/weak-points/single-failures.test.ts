import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation, type RunReport } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { failureDocument, failureOutcomes, planSingleFailures, rankWeakPoints, runFailureTask, type SingleFailurePlan, type SingleFailureRequest } from '../../src/experiments';
import { runInThreads } from '../../src/experiments/node-pool';
import { findBuiltin } from '../../src/scenarios';
import { findBuiltinWeakPoints } from '../../src/scenarios/experiments';

const TWO_BUILDINGS = JSON.parse(readFileSync(join(import.meta.dirname, 'two-buildings.json'), 'utf8')) as Record<string, unknown>;
const CUT = { at: '40s', for: '20s' } as const;

function plan(doc: unknown, request: SingleFailureRequest): SingleFailurePlan {
  const planned = planSingleFailures(doc, request);
  if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
  return planned.plan;
}

const runInline = (p: SingleFailurePlan) => p.tasks.map((_, i) => runFailureTask(p, i));

/** The normal engine API, no analysis code: the scenario with `faults`, on `seed`. */
function reportOf(faults: unknown[], seed: number): RunReport {
  const parsed = parseScenario({ ...structuredClone(TWO_BUILDINGS), faults, seed });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return new Simulation(parsed.spec).runToEnd().report();
}

const sumFrom = (xs: number[], from: number) => xs.slice(from).reduce((a, b) => a + b, 0);

describe('every single failure, tried', () => {
  const p = plan(TWO_BUILDINGS, CUT);
  const results = runInline(p);
  const ranking = rankWeakPoints(p, results);

  it('failing one of two cables at 80% is the worst single failure: the pair ranks first, above the exchange both depend on', () => {
    expect(p.components.map((c) => `${c.id} ${c.action}`)).toEqual(['exchange-b crash', 'cable-1 down', 'cable-2 down']);
    expect(ranking.ranked.slice(0, 2).map((r) => r.id).sort()).toEqual(['cable-1', 'cable-2']);
    expect(ranking.ranked[2].id).toBe('exchange-b');
    // the overloaded cable's deep buffer makes calls outlive their timeout, and drains long after the repair
    expect(ranking.ranked[0].goodputLost).toBeGreaterThan(1.5 * ranking.ranked[2].goodputLost);
    expect(ranking.ranked[0].recoverySeconds).toBeGreaterThan(20);
    expect(ranking.ranked[2].recoverySeconds).toBe(0);
    expect(ranking.ranked[0].impact).toBe('high');
  });

  it('the ranking equals the individual runs\' outcomes, run by hand through the engine', () => {
    const seed = TWO_BUILDINGS.seed as number;
    const baseline = reportOf([], seed);
    const cut = reportOf([{ at: '40s', for: '20s', target: 'cable-1', action: 'down' }], seed);
    const from = 40; // 1 s intervals: interval 40 starts at 40 s
    const good = (r: RunReport) => sumFrom(r.series.clients['phones-a'].goodput, from);
    const row = ranking.ranked.find((r) => r.id === 'cable-1');
    expect(row?.goodputLost).toBe(good(baseline) - good(cut));
    expect(row?.goodputLostShare).toBe((good(baseline) - good(cut)) / baseline.series.clients['phones-a'].goodput.slice(40, 60).reduce((a, b) => a + b, 0));
    const s = cut.series.clients['phones-a'];
    let peak = 0;
    for (let i = from; i < cut.series.t.length; i++) if (s.succeeded[i] + s.failed[i] > 0) peak = Math.max(peak, s.failed[i] / (s.succeeded[i] + s.failed[i]));
    expect(row?.peakErrorRate).toBe(peak);
    // recovery: the first 3 s window from the repair (60 s) holding 85% of the demand
    let recovered = Infinity;
    for (let i = 60; i + 3 <= s.goodput.length; i++) {
      const demand = s.generated[i] + s.generated[i + 1] + s.generated[i + 2];
      if (s.goodput[i] + s.goodput[i + 1] + s.goodput[i + 2] >= 0.85 * demand) { recovered = i - 60; break; }
    }
    expect(row?.recoverySeconds).toBe(recovered);
    expect(recovered).toBeGreaterThan(0);
    expect(ranking.baseline.goodput).toBe(good(baseline));
  });

  it('common random numbers: every variant runs on the baseline\'s seeds and sees the baseline\'s traffic until its failure', () => {
    for (let k = 0; k <= p.components.length; k++) expect(p.tasks.filter((t) => t.valueIndex === k).map((t) => t.seed)).toEqual([TWO_BUILDINGS.seed]);
    const seed = TWO_BUILDINGS.seed as number;
    const baseline = reportOf([], seed);
    const crash = reportOf([{ at: '40s', for: '20s', target: 'exchange-b', action: 'crash' }], seed);
    // an open-loop client's arrivals do not depend on what fails: the same calls, second by second
    expect(crash.series.clients['phones-a'].generated).toEqual(baseline.series.clients['phones-a'].generated);
    expect(crash.series.clients['phones-a'].goodput.slice(0, 40)).toEqual(baseline.series.clients['phones-a'].goodput.slice(0, 40));
    expect(crash.series.clients['phones-a'].goodput.slice(40, 60)).not.toEqual(baseline.series.clients['phones-a'].goodput.slice(40, 60));
  });

  it('with several seeds, a component\'s goodput lost is the mean of its differences from the baseline on the same seed', () => {
    const two = plan(TWO_BUILDINGS, { ...CUT, only: ['exchange-b'], seeds: [11, 12] });
    const runs = runInline(two);
    const ranked = rankWeakPoints(two, runs).ranked;
    const by = (k: number, seed: number) => runs.find((r) => r.valueIndex === k && r.seed === seed)?.outcomes.goodput ?? NaN;
    expect(ranked).toHaveLength(1);
    expect(ranked[0].n).toBe(2);
    expect(ranked[0].goodputLost).toBe((by(0, 11) - by(1, 11) + (by(0, 12) - by(1, 12))) / 2);
    expect(by(0, 11)).not.toBe(by(0, 12));
  });

  it('worker threads give the same ranking as the calling thread', async () => {
    const { results: threaded, cancelled } = await runInThreads(p, 2);
    expect(cancelled).toBe(false);
    expect(rankWeakPoints(p, threaded)).toEqual(ranking);
  });
});

describe('the analysis request', () => {
  it('defaults to a failure at a third of the run for a sixth of it, every crashable node and every link', () => {
    const checkout = plan(findBuiltin('checkout')?.scenario, {});
    expect([checkout.atMs, checkout.forMs]).toEqual([60_000, 30_000]);
    expect(checkout.components.map((c) => c.id)).toEqual(['lb', 'api-1', 'api-2', 'db', 'shoppers-lb', 'lb-api-1', 'lb-api-2', 'api-1-db', 'api-2-db']);
    expect(checkout.tasks).toHaveLength(10);
  });

  it('leaves the scenario\'s own faults out unless asked to keep them', () => {
    const doc = findBuiltin('checkout')?.scenario;
    const only = plan(doc, { only: ['db'] });
    expect(failureDocument(only, 1, 7).faults).toEqual([{ at: 60_000, for: 30_000, target: 'db', action: 'crash' }]);
    expect(failureDocument(only, 0, 7).faults).toEqual([]);
    const kept = plan(doc, { only: ['db'], keepFaults: true });
    expect(failureDocument(kept, 1, 7).faults).toHaveLength(2);
  });

  it('keeps the scenario\'s workload (its rate changes on clients) while leaving its failures out', () => {
    const doc = findBuiltin('redundant-links')?.scenario as { faults: { action: string }[] };
    const growth = doc.faults.filter((f) => f.action === 'setRate');
    expect(growth.length).toBeGreaterThan(0);
    const p = plan(doc, { only: ['cable-2'] });
    expect(failureDocument(p, 0, 13).faults).toEqual(growth); // the baseline: growth, no cut
    expect(failureDocument(p, 1, 13).faults).toEqual([...growth, { at: p.atMs, for: p.forMs, target: 'cable-2', action: 'down' }]);
  });

  it('the redundant-links built-in: with calls grown to 80% per cable, the cable pair ranks first among the network\'s links', async () => {
    const builtin = findBuiltinWeakPoints('redundant-links-weak-points')!;
    const p = plan(findBuiltin(builtin.scenario)?.scenario, { at: builtin.at, for: builtin.for, only: builtin.only });
    expect(p.components.length).toBe(6); // four building uplinks and the two cables
    const outcome = await runInThreads(p, 2);
    const ranked = rankWeakPoints(p, outcome.results).ranked;
    expect(ranked.slice(0, 2).map((r) => r.id).sort()).toEqual(['cable-1', 'cable-2']);
    // either cable costs both buildings over a third of their calls; a spare uplink next to nothing
    expect(ranked[1].goodputLostShare).toBeGreaterThan(0.3);
    expect(Math.max(...ranked.slice(2).map((r) => r.goodputLostShare))).toBeLessThan(0.01);
  });

  it('names what is wrong: an unknown component, a client, a failure after the end', () => {
    const planned = planSingleFailures(TWO_BUILDINGS, { only: ['cable-3', 'phones-a'], at: '3m' });
    expect(planned.ok).toBe(false);
    const messages = planned.ok ? [] : planned.errors.map((e) => `${e.path}: ${e.message}`);
    expect(messages).toContain('only: no node or link "cable-3" (did you mean "cable-1"?)');
    expect(messages.some((m) => m.startsWith('only: "phones-a" is a client; a single failure crashes a node'))).toBe(true);
    expect(messages).toContain('at: the failure must start before the run ends (120 s), got 180 s');
    const bad = planSingleFailures(TWO_BUILDINGS, { for: 'soon' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual(['expected a duration such as "5m" or "30s", got "soon"']);
  });
});

describe('time to recover', () => {
  it('is undefined, not "never", when the repair leaves no 3 s window in the run, and the plan warns', () => {
    const planned = planSingleFailures(TWO_BUILDINGS, { at: '100s', for: '19s', only: ['exchange-b'] });
    if (!planned.ok) throw new Error('does not plan');
    expect(planned.warnings).toContain('the repair (at 119 s) leaves less than 3 s of the run (120 s) to see recovery in: time to recover is left undefined');
    expect(failureOutcomes(reportOf([], 1), 100_000, 19_000).recoverySeconds).toBeNaN();
    expect(failureOutcomes(reportOf([], 1), 100_000, 17_000).recoverySeconds).toBe(0);
  });
});

describe('alert fired', () => {
  const report = reportOf([], 1);
  const withAlerts = (firings: { firedAtMs: number; clearedAtMs: number | null }[]) => ({ ...report, alerts: [{ name: 'cable hot', severity: 'page', firings }] }) as RunReport;

  it('is undefined (NaN) when the report has no alerts, 1 when one fires after the failure starts, 0 when only before', () => {
    expect(failureOutcomes(report, 40_000, 20_000).alertFired).toBeNaN();
    expect(failureOutcomes(withAlerts([{ firedAtMs: 10_000, clearedAtMs: 12_000 }]), 40_000, 20_000).alertFired).toBe(0);
    expect(failureOutcomes(withAlerts([{ firedAtMs: 10_000, clearedAtMs: 12_000 }, { firedAtMs: 41_000, clearedAtMs: null }]), 40_000, 20_000).alertFired).toBe(1);
  });
});
