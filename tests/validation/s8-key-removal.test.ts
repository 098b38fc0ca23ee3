import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../support/run-builtin';

/**
 * S8 (REFERENCE-SCENARIOS.md, INCIDENTS.md B). The run starts at 18:30: the key set loses K1 at
 * 30 min (t = 0 of the reference), is restored at 155 min (t = 125), and every validator is forced
 * to refresh at 895 min (t = 865). Series are per minute: index i ends at minute i + 1, i.e. at
 * reference time i + 1 − 30.
 */
const { report } = runBuiltin('key-removal-2021');
const share = (id: string): number[] => report.series.nodes[id].rejectingShare;
const at = (id: string, t: number): number => share(id)[t + 30 - 1];
/** First reference minute ≥ `from` at which no replica rejects. */
const recoveredAt = (id: string, from: number): number => {
  for (let t = from; t + 29 < share(id).length; t++) if (at(id, t) === 0) return t;
  return Infinity;
};

describe('S8: a signing key removed, and caches that remembered', () => {
  it('5-min refresh, unthrottled re-fetch: all break within 5 min, recover within a minute of t = 125, one fetch per rejected request', () => {
    expect(at('teams-like', 0)).toBe(0);
    expect(at('teams-like', 5)).toBe(1);
    expect(recoveredAt('teams-like', 125)).toBeLessThanOrEqual(126);
    const auth = report.nodes['teams-like'].auth;
    // hammering: about one key-set fetch per rejected request (plus the scheduled refreshes)
    expect(auth?.keysetFetches).toBeGreaterThan(report.nodes['teams-like'].dropped.authRejected);
    expect(report.nodes.jwks.arrived).toBeGreaterThan(0.9 * report.nodes['teams-like'].dropped.authRejected);
  });

  it('12 h refresh, re-fetch at most every 5 min: ~17% ever break (±1.5 pp), all recover by t ≈ 130', () => {
    expect(Math.abs((report.nodes['office-like'].auth?.everRejectingShare ?? NaN) - 125 / 720)).toBeLessThan(0.015);
    expect(recoveredAt('office-like', 125)).toBeLessThanOrEqual(131);
  });

  it('24 h refresh, no re-fetch: ~8.7% break (±1.5 pp) and stay broken until the forced refresh at t = 865', () => {
    expect(Math.abs((report.nodes['xbox-like'].auth?.everRejectingShare ?? NaN) - 125 / 1440)).toBeLessThan(0.015);
    for (const t of [125, 200, 500, 864]) expect(at('xbox-like', t)).toBeCloseTo(at('xbox-like', 124), 9);
    // the forced refresh fires at t = 865 (after that minute's sample) and its fetch lands ~50 ms later
    expect(at('xbox-like', 865)).toBeGreaterThan(0);
    expect(recoveredAt('xbox-like', 125)).toBe(866);
  });

  it('1 h refresh, 1 h negative cache: all broken by t = 60, all recovered by t ≈ 185', () => {
    expect(at('dynamics-like', 60)).toBe(1);
    const recovered = recoveredAt('dynamics-like', 125);
    expect(recovered).toBeGreaterThan(126); // not at once: the negative cache remembers
    expect(recovered).toBeLessThanOrEqual(186);
  });

  it('keep last known good: no replica ever breaks, no request is rejected', () => {
    expect(report.nodes['portal-like'].auth?.everRejectingShare).toBe(0);
    expect(report.nodes['portal-like'].dropped.authRejected).toBe(0);
  });

  it('rejected users sign in again: the identity provider carries the incident as load', () => {
    const signIns = report.series.nodes.aad.arrived;
    const perMinute = (from: number, to: number): number => signIns.slice(from + 30, to + 30).reduce((a, b) => a + b, 0) / (to - from);
    expect(perMinute(10, 60)).toBeGreaterThan(5 * perMinute(-25, -1));
    expect(report.clients['users-teams-like'].auth?.reauthentications).toBeGreaterThan(10_000);
  });

  it('token state over time is in the series: the 24 h group trusts only K2 from the removal to the forced refresh', () => {
    const keysAt = (t: number): string[] => report.keys.filter((_, k) => (report.series.nodes['xbox-like'].trustedKeys[t + 29] & (1 << k)) !== 0);
    expect(keysAt(-5)).toEqual(['K1', 'K2']);
    expect(keysAt(500)).toEqual(['K2']); // some replicas dropped K1, so not every replica trusts it
    expect(keysAt(866)).toEqual(['K1', 'K2']);
  });

  it('token state is in the report: which keys each service trusts now', () => {
    expect(report.nodes['portal-like'].auth?.trustedByAllReplicas).toEqual(['K1', 'K2']);
    expect(report.nodes['xbox-like'].auth?.trustedByAllReplicas).toEqual(['K1', 'K2']); // after the forced refresh
    expect(report.nodes['xbox-like'].auth?.replicas).toBe(300);
  });
});
