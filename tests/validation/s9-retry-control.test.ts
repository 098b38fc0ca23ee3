import { describe, expect, it } from 'vitest';
import { collapsed, median, recoverySeconds } from '../support/outcomes';
import { node, relativeError, runBuiltin, type RawScenario } from '../support/run-builtin';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

function runs(id: string, edit: (doc: RawScenario) => void = () => {}) {
  return SEEDS.map((seed) =>
    runBuiltin(id, (doc) => {
      doc.seed = seed;
      edit(doc);
    }).report,
  );
}

/** S9: S4 with 3 retries, saved by a token-bucket budget or by a retry breaker. */
describe('S9: retry budget and retry breaker prevent S4’s collapse', () => {
  it('plain retries (3) collapse 20/20', () => {
    const plain = runs('retry-budget', (doc) => (node(doc, 'clients').retry = { attempts: 4 }));
    expect(plain.filter((r) => collapsed(r.series.clients.clients.goodput, 40)).length).toBe(20);
  });

  it('a token bucket (+0.1 per request, −1 per retry, cap 10) recovers 20/20, median ~9 s after the trigger', () => {
    const bucket = runs('retry-budget');
    const recovery = bucket.map((r) => recoverySeconds(r.series.clients.clients.goodput, 40, 30));
    expect(recovery.filter((s) => s < 30).length).toBe(20);
    expect(median(recovery)).toBeGreaterThanOrEqual(3);
    expect(median(recovery)).toBeLessThanOrEqual(15);
    expect(bucket.every((r) => r.clients.clients.retries.refusedByBudget > 0)).toBe(true);
  });

  it('a retry breaker (no retries above 10% failures) recovers 20/20, median ~7 s', () => {
    const breaker = runs('retry-breaker');
    const recovery = breaker.map((r) => recoverySeconds(r.series.clients.clients.goodput, 40, 30));
    expect(recovery.filter((s) => s < 30).length).toBe(20);
    expect(median(recovery)).toBeGreaterThanOrEqual(2);
    expect(median(recovery)).toBeLessThanOrEqual(12);
    expect(breaker.every((r) => r.clients.clients.retries.refusedByBreaker > 0)).toBe(true);
  });

  it('at 100% failure the load multiplier is 4× plain, ~1.1× with the bucket, ~1.0× with the breaker', () => {
    // failing at once, so that nearly every request has made all its attempts by the end
    const alwaysFailing = (doc: RawScenario): void => {
      Object.assign(node(doc, 'server'), { errorRate: 1, serviceTime: 0, slowdownPerInFlight: 0 });
      doc.faults = [];
    };
    const amplification = (id: string, edit: (doc: RawScenario) => void) => runBuiltin(id, (doc) => (alwaysFailing(doc), edit(doc))).report.clients.clients.retryAmplification;
    expect(relativeError(amplification('retry-budget', (doc) => (node(doc, 'clients').retry = { attempts: 4 })), 4)).toBeLessThan(0.01);
    expect(relativeError(amplification('retry-budget', () => {}), 1.1)).toBeLessThan(0.02);
    expect(amplification('retry-breaker', () => {})).toBeLessThan(1.01);
  });
});
