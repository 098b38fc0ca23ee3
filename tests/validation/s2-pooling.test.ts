import { describe, expect, it } from 'vitest';
import { mean, relativeError, runBuiltin } from '../support/run-builtin';
import { worstLittlesLawGap } from '../support/littles-law';

/** S2: 32/s onto four Exp(100 ms) workers — one shared queue (M/M/4) against four random M/M/1s. */
describe('S2: pooling four workers behind one queue', () => {
  const runs = [1, 2, 3, 4].map((seed) => runBuiltin('mmc-pooling', (doc) => (doc.seed = seed)));
  const pooled = runs.map((r) => r.report.clients.pooled.latencyMs);
  const split = runs.map((r) => r.report.clients.split.latencyMs);

  it('M/M/4 at ρ = 0.8: P(wait) 0.596, mean 174.6 ms (±3%), p99 0.689 s (±5%)', () => {
    expect(relativeError(mean(runs.map((r) => r.report.nodes.pool.waitedShare)), 0.596)).toBeLessThan(0.03);
    expect(relativeError(mean(pooled.map((l) => l.mean)), 174.6)).toBeLessThan(0.03);
    expect(relativeError(mean(pooled.map((l) => l.p99)), 689)).toBeLessThan(0.05);
  });

  it('four separate M/M/1 at ρ = 0.8: mean 0.5 s (±3%), p99 2.303 s (±5%)', () => {
    expect(relativeError(mean(split.map((l) => l.mean)), 500)).toBeLessThan(0.03);
    expect(relativeError(mean(split.map((l) => l.p99)), 2303)).toBeLessThan(0.05);
  });

  it('pooling is 2.86× better on the mean', () => {
    expect(relativeError(mean(split.map((l) => l.mean)) / mean(pooled.map((l) => l.mean)), 2.86)).toBeLessThan(0.05);
  });

  it("Little's law holds on every node, the balancer included", () => {
    for (const { sim } of runs) {
      const worst = worstLittlesLawGap(sim);
      expect(worst.checked).toBe(6);
      expect(worst.gap, worst.node).toBeLessThan(0.001);
    }
  });
});
