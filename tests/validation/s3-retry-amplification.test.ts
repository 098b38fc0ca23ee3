import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine';
import { client, link, ms, retry, scenario, service } from '../support/spec-builder';
import { relativeError, runBuiltin } from '../support/run-builtin';
import { worstLittlesLawGap } from '../support/littles-law';

const total = (xs: number[], fromSec: number, toSec: number): number => xs.slice(fromSec, toSec).reduce((a, b) => a + b, 0);

/** S3, hard-failure variant: 4 attempts at each of three callers, the database failing everything. */
describe('S3: retry amplification across layers', () => {
  const { report, sim } = runBuiltin('retry-amplification');
  const s = report.series;
  const users = s.clients.users.generated;
  // series index i covers [i, i+1) seconds; the fault covers [30, 60)
  const during = (xs: number[]): number => total(xs, 30, 60);

  it('during the fault api sees 4×, svc 16× and db 64× the user load (exact ratios, ±1% for edges)', () => {
    expect(relativeError(during(s.nodes.api.arrived) / during(users), 4)).toBeLessThan(0.01);
    expect(relativeError(during(s.nodes.svc.arrived) / during(users), 16)).toBeLessThan(0.01);
    expect(relativeError(during(s.nodes.db.arrived) / during(users), 64)).toBeLessThan(0.01);
    expect(relativeError(during(s.nodes.db.arrived) / 30, 6400)).toBeLessThan(0.05); // Poisson noise on 100/s
  });

  it('no user succeeds during the fault; at t = 60 the load is back to 1× within a round trip', () => {
    expect(total(s.clients.users.succeeded, 31, 60)).toBe(0);
    for (let sec = 61; sec < 90; sec++) expect(Math.abs(s.nodes.db.arrived[sec] - users[sec])).toBeLessThanOrEqual(2);
    expect(total(s.clients.users.failed, 61, 90)).toBe(0);
  });

  it("Little's law holds on every node", () => {
    expect(worstLittlesLawGap(sim).gap).toBeLessThan(0.01);
  });
});

describe('S3: independent failures', () => {
  it('with failure probability p per attempt and 4 attempts, attempts per request are (1 − p⁴)/(1 − p) (±2%)', () => {
    for (const p of [0.1, 0.3, 0.6]) {
      const spec = scenario({
        seed: 31,
        durationMs: 600_000,
        nodes: [client('users', 'db', { ratePerSec: 100, retry: retry(4) }), service('db', { workers: Infinity, serviceTime: ms(1), errorRate: p })],
        links: [link('users', 'db')],
      });
      const users = new Simulation(spec).runToEnd().report().clients.users;
      expect(relativeError(users.retryAmplification, (1 - p ** 4) / (1 - p))).toBeLessThan(0.02);
      // a request fails only if all four attempts do: binomial with probability p⁴ (4σ band)
      const sigma = Math.sqrt((p ** 4 * (1 - p ** 4)) / users.generated);
      expect(Math.abs(users.failed.error / users.generated - p ** 4)).toBeLessThan(4 * sigma);
    }
  });
});

describe('S3 with a 10% retry budget per caller', () => {
  it('once the budgets are spent the database sees ~1.33× (1.1 per layer), not 64×', () => {
    const { report } = runBuiltin('retry-amplification', (doc) => {
      for (const n of doc.nodes) {
        const budget = { ratio: 0.1 };
        if (n.kind === 'client') n.retry = { attempts: 4, budget };
        else if (Array.isArray(n.calls)) n.calls = (n.calls as Record<string, unknown>[]).map((c) => ({ ...c, retry: { attempts: 4, budget } }));
      }
    });
    const s = report.series;
    // budgets look back 10 s: from 10 s into the fault each layer retries 10% of its requests
    const ratio = total(s.nodes.db.arrived, 42, 60) / total(s.clients.users.generated, 42, 60);
    expect(relativeError(ratio, 1.1 ** 3)).toBeLessThan(0.02);
    expect(report.clients.users.retries.refusedByBudget).toBeGreaterThan(0);
  });
});
