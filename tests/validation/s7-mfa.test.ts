import { describe, expect, it } from 'vitest';
import { sum } from '../support/outcomes';
import { relativeError, runBuiltin } from '../support/run-builtin';

// Series every 10 s; the route to APNs is lossy from 600 s to 11,400 s (indexes 60–1140).
const FAULT_FROM = 90; // 15 min: the queue has built up
const FAULT_TO = 1140;
const METHODS = ['ios', 'android', 'sms', 'code'] as const;

function successDuringFault(id: string): Record<string, number> {
  const s = runBuiltin(id).report.series.clients.users;
  return Object.fromEntries(METHODS.map((m) => [m, sum(s[`succeeded.${m}`], FAULT_FROM, FAULT_TO) / sum(s[`generated.${m}`], FAULT_FROM, FAULT_TO)]));
}

/** S7 (REFERENCE-SCENARIOS.md, INCIDENTS.md A): MFA behind a lossy route to Apple's push service. */
describe('S7: the 2019 MFA outage', () => {
  it('with one shared pool every method drops to ~0%, a queue of ~10⁵ builds and takes minutes to drain', () => {
    const { report } = runBuiltin('mfa-outage-2019');
    const s = report.series;
    for (const m of METHODS) expect(sum(s.clients.users[`succeeded.${m}`], FAULT_FROM, FAULT_TO)).toBeLessThan(0.01 * sum(s.clients.users[`generated.${m}`], FAULT_FROM, FAULT_TO));
    const peakQueue = Math.max(...s.nodes['mfa-service'].queueDepth);
    expect(peakQueue).toBeGreaterThan(5e4);
    expect(peakQueue).toBeLessThan(5e5);
    const drainedAt = s.t.findIndex((t, i) => t > 11_400_000 && s.nodes['mfa-service'].queueDepth[i] === 0);
    const drainMinutes = (s.t[drainedAt] - 11_400_000) / 60_000;
    expect(drainMinutes).toBeGreaterThan(2);
    expect(drainMinutes).toBeLessThan(30);
    // the service worked through requests whose users had left
    expect(report.nodes['mfa-service'].wastedShare).toBeGreaterThan(0.5);
  });

  it('with a bulkhead (iOS 20, others 30) iOS fails and every other method stays at 100%', () => {
    const ok = successDuringFault('mfa-bulkhead');
    expect(ok.ios).toBeLessThan(0.05);
    for (const m of ['android', 'sms', 'code']) expect(ok[m]).toBeGreaterThan(0.999);
  });

  it('with a 3 s timeout iOS succeeds ~40% (±2 pp) and the others 100%', () => {
    const ok = successDuringFault('mfa-short-timeout');
    expect(Math.abs(ok.ios - 0.4)).toBeLessThan(0.02);
    for (const m of ['android', 'sms', 'code']) expect(ok[m]).toBeGreaterThan(0.999);
  });

  it('with a circuit breaker on the push provider the others stay at 100%; the bypass saves iOS too', () => {
    const breaker = successDuringFault('mfa-circuit-breaker');
    for (const m of ['android', 'sms', 'code']) expect(breaker[m]).toBeGreaterThan(0.999);
    const bypass = successDuringFault('mfa-bypass');
    for (const m of METHODS) expect(bypass[m]).toBeGreaterThan(0.99);
  });

  it('before the route turns lossy every method succeeds, at the offered 20 sign-ins/s', () => {
    const s = runBuiltin('mfa-outage-2019').report.series.clients.users;
    expect(relativeError(sum(s.succeeded, 6, 60) / 540, 20)).toBeLessThan(0.05);
  });
});
