import { describe, expect, it } from 'vitest';
import { mean, relativeError, runBuiltin, node } from '../support/run-builtin';
import { worstLittlesLawGap } from '../support/littles-law';

/**
 * S1 (REFERENCE-SCENARIOS.md): M/M/1, λ = 8/s, Exp(100 ms), 60 s warm-up. Five seeds of 7 h
 * (~200,000 completions each): the relative standard error of the pooled mean is then ~1%, so the
 * ±3% tolerance is a 3σ band rather than luck.
 */
describe('S1: M/M/1 at ρ = 0.8 matches queueing theory', () => {
  const runs = [1, 2, 3, 4, 5].map((seed) => runBuiltin('mm1', (doc) => (doc.seed = seed)));
  const api = runs.map((r) => r.report.nodes.api);

  it('utilisation 0.80, mean in system 4.0, mean queue 3.2 (±3%)', () => {
    expect(relativeError(mean(api.map((n) => n.utilization ?? NaN)), 0.8)).toBeLessThan(0.03);
    expect(relativeError(mean(api.map((n) => n.meanInSystem)), 4.0)).toBeLessThan(0.03);
    expect(relativeError(mean(api.map((n) => n.meanQueueLength)), 3.2)).toBeLessThan(0.03);
  });

  it('latency: mean 0.500 s, p50 0.347 s (±3%), p99 2.303 s (±5%)', () => {
    expect(relativeError(mean(api.map((n) => n.latencyMs.mean)), 500)).toBeLessThan(0.03);
    expect(relativeError(mean(api.map((n) => n.latencyMs.p50)), 1000 * 0.5 * Math.LN2)).toBeLessThan(0.03);
    expect(relativeError(mean(api.map((n) => n.latencyMs.p99)), 1000 * 0.5 * Math.log(100))).toBeLessThan(0.05);
    expect(api.every((n) => n.completed > 200_000)).toBe(true);
  });

  it("Little's law L = λW holds on the server and the client sees the same latency", () => {
    for (const { sim, report } of runs) {
      const n = report.nodes.api;
      expect(relativeError(n.meanInSystem, (n.throughputPerSec * n.latencyMs.mean) / 1000)).toBeLessThan(0.01);
      expect(worstLittlesLawGap(sim).gap).toBeLessThan(0.001);
      expect(relativeError(report.clients.users.latencyMs.mean, n.latencyMs.mean)).toBeLessThan(1e-9);
    }
  });
});

/**
 * The sweep. Near saturation the queue length is strongly autocorrelated (relaxation time
 * ~1/(μ(1−√ρ)²) ≈ 4,000 s at ρ = 0.99), so the run lengths grow with ρ; at ρ = 0.99 the 4 × 5·10⁶
 * requests that CI can afford leave a relative standard error of ~4.5%, and the band is ±10%.
 */
describe('S1 sweep: mean latency 1/(μ − λ) at ρ = 0.5, 0.9, 0.99', () => {
  const cases = [
    { rho: 0.5, hours: 30, tolerance: 0.03 },
    { rho: 0.9, hours: 110, tolerance: 0.03 },
    { rho: 0.99, hours: 140, tolerance: 0.1 },
  ];
  for (const { rho, hours, tolerance } of cases) {
    it(`ρ = ${rho}: mean latency ${(0.1 / (1 - rho)).toFixed(1)} s within ±${tolerance * 100}%`, () => {
      const rate = 10 * rho;
      const means = [11, 12, 13, 14].map((seed) =>
        runBuiltin('mm1', (doc) => {
          doc.seed = seed;
          doc.duration = `${hours}h`;
          doc.warmup = rho > 0.95 ? '5h' : '10m';
          doc.sampleEvery = '10m';
          node(doc, 'users').rate = rate;
        }).report.nodes.api.latencyMs.mean,
      );
      expect(relativeError(mean(means), 100 / (1 - rho))).toBeLessThan(tolerance);
    });
  }
});
