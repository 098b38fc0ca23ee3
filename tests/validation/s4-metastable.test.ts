import { describe, expect, it } from 'vitest';
import { collapsed, median, perSec, recoverySeconds, slope } from '../support/outcomes';
import { mean, node, relativeError, runBuiltin } from '../support/run-builtin';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/**
 * S4 with `attempts` per request (1 = no retry), one run per seed, 4 minutes long: near its fixed
 * point the collapsed state settles slowly (relaxation time ~25 s), so steady-state figures are
 * read over the last two minutes.
 */
function storm(attempts: number) {
  return SEEDS.map((seed) =>
    runBuiltin('retry-storm', (doc) => {
      doc.seed = seed;
      doc.duration = '4m';
      node(doc, 'clients').retry = { attempts };
    }).report,
  );
}

/**
 * S4 (REFERENCE-SCENARIOS.md): 40/s open loop, service 1 s + 10 ms per request in flight, 3 s
 * timeout, immediate retries, load doubled during [20, 30). Over 20 seeds each.
 */
describe('S4: a retry storm that outlives its trigger', () => {
  it('without retries it recovers in every seed, about 5–6 s after the trigger ends', () => {
    const runs = storm(1);
    const recovery = runs.map((r) => recoverySeconds(r.series.clients.clients.goodput, 40, 30));
    expect(recovery.every((s) => s < 20)).toBe(true);
    expect(median(recovery)).toBeGreaterThanOrEqual(3);
    expect(median(recovery)).toBeLessThanOrEqual(9);
  });

  it('with 1 retry it collapses in every seed and stays collapsed: ~80 attempts/s, goodput 0, ~400 in flight', () => {
    const runs = storm(2);
    expect(runs.filter((r) => collapsed(r.series.clients.clients.goodput, 40)).length).toBe(20);
    const attempts = runs.map((r) => perSec(r.series.clients.clients.attempts, 120, 240));
    const demand = runs.map((r) => perSec(r.series.clients.clients.generated, 120, 240));
    expect(relativeError(mean(attempts), 80)).toBeLessThan(0.03);
    expect(relativeError(mean(attempts) / mean(demand), 2)).toBeLessThan(0.03); // every request tried twice
    expect(mean(runs.map((r) => perSec(r.series.clients.clients.goodput, 120, 240)))).toBeLessThan(1);
    // In flight at the server: the fixed point of N = λ(1 s + 10 ms·N), N = λ/(1 − 0.01λ) — 400 at
    // λ = 80/s, and steep there (±1/s of λ moves it by ±25), so each seed is checked at its own λ.
    for (const r of runs) {
      const lambda = perSec(r.series.nodes.server.arrived, 120, 240);
      expect(relativeError(mean(r.series.nodes.server.inService.slice(120)), lambda / (1 - 0.01 * lambda))).toBeLessThan(0.1);
    }
    const inFlight = mean(runs.map((r) => mean(r.series.nodes.server.inService.slice(120))));
    expect(inFlight).toBeGreaterThan(300);
    expect(inFlight).toBeLessThan(550);
    // Each 5 s job outlives its client's 3 s timeout by ~2 s: ~40% of all worker time is spent after
    // the client left (only that part counts as wasted), and no completion is of use to anyone.
    expect(mean(runs.map((r) => r.nodes.server.wastedShare ?? 0))).toBeGreaterThan(0.35);
    expect(mean(runs.map((r) => perSec(r.series.clients.clients.succeeded, 120, 240)))).toBeLessThan(1);
  });

  it('with 3 retries it collapses in every seed: 160 attempts/s and a backlog growing ~60/s', () => {
    const runs = storm(4);
    expect(runs.filter((r) => collapsed(r.series.clients.clients.goodput, 40)).length).toBe(20);
    expect(relativeError(mean(runs.map((r) => perSec(r.series.clients.clients.attempts, 120, 240))), 160)).toBeLessThan(0.03);
    const growthPerSec = mean(runs.map((r) => slope(r.series.nodes.server.inService.slice(120))));
    expect(growthPerSec).toBeGreaterThan(45);
    expect(growthPerSec).toBeLessThan(75);
  });
});
