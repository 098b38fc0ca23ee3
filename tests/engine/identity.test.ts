import { describe, expect, it } from 'vitest';
import { nodeFieldOffset, Simulation } from '../../src/engine';
import type { ScenarioSpec, ValidatorSpec } from '../../src/engine/spec';
import { conservationViolations } from '../support/conservation';
import { call, client, identity, keyset, link, ms, retry, scenario, service, validator } from '../support/spec-builder';

/** users (sign in at idp) → api (validates against jwks); tokens last `tokenMs`, renewed 1/10 early. */
function system(auth: Partial<ValidatorSpec>, over: Partial<ScenarioSpec> = {}, tokenMs = 600_000): ScenarioSpec {
  return scenario({
    nodes: [
      client('users', 'api', { ratePerSec: 50, auth: { issuer: 'idp', sessions: 100, refreshBeforeMs: tokenMs / 10 } }),
      identity('idp', 'K1', { workers: Infinity, serviceTime: ms(10), tokenLifetime: ms(tokenMs) }),
      keyset('jwks', ['K1', 'K2']),
      service('api', { workers: Infinity, serviceTime: ms(5), auth: validator('jwks', auth) }),
    ],
    links: [link('users', 'idp'), link('users', 'api'), link('api', 'jwks', {}, { latency: ms(20) })],
    durationMs: 1_800_000,
    ...over,
  });
}

describe('tokens', () => {
  it('clients sign in once per holder and reuse the token until it nears expiry', () => {
    const r = new Simulation(system({ refreshEveryMs: 300_000 })).runToEnd().report();
    const users = r.clients.users;
    // 100 holders, 10-minute tokens renewed 1 minute early, 30 minutes: each signs in at ~0, 9, 18
    // and 27 min — 400, plus the odd race where two requests of one holder both find no token
    expect(users.auth?.signIns).toBeGreaterThanOrEqual(400);
    expect(users.auth?.signIns).toBeLessThan(420);
    expect(users.failed.authRejected).toBe(0);
    expect(r.nodes.api.auth?.accepted).toBe(r.nodes.api.arrived);
    expect(conservationViolations(r)).toEqual([]);
  });

  it('a failing second factor fails the sign-in', () => {
    const spec = system({ refreshEveryMs: 300_000 });
    const idp = spec.nodes.find((n) => n.id === 'idp');
    if (idp?.kind !== 'identity') throw new Error('fixture');
    idp.mfa = { via: 'mfa', when: null, timeoutMs: 1000, retry: retry() };
    spec.nodes.push(service('mfa', { workers: Infinity, serviceTime: ms(5), errorRate: 1 }));
    spec.links.push(link('idp', 'mfa'));
    const r = new Simulation(spec).runToEnd().report();
    expect(r.clients.users.succeeded).toBe(0);
    expect(r.clients.users.failed.error).toBe(r.clients.users.generated - r.clients.users.inFlight);
    expect(r.nodes.api.arrived).toBe(0); // no token, no request
  });
});

describe('validators', () => {
  // 1-minute tokens, so that tokens signed with the new key are in use within a minute of the switch
  const rotate = (auth: Partial<ValidatorSpec>) =>
    system(auth, {
      // the provider starts signing with K3, which the key set publishes only from 5 minutes on
      faults: [
        { atMs: 60_000, forMs: Infinity, target: 'idp', action: 'setSigningKey', params: { key: 'K3' } },
        { atMs: 300_000, forMs: Infinity, target: 'jwks', action: 'addKey', params: { key: 'K3' } },
      ],
      durationMs: 900_000,
    }, 60_000);

  it('re-fetching on an unknown key, throttled, costs at most one fetch per interval — and finds the new key', () => {
    const r = new Simulation(rotate({ refreshEveryMs: Infinity, refreshOnUnknownKey: true, minRefreshIntervalMs: 60_000 })).runToEnd().report();
    const api = r.nodes.api.auth;
    // unknown K3 from 1 min to 5 min: one fetch per minute, then K3 is found
    expect(api?.keysetFetches).toBeGreaterThanOrEqual(4);
    expect(api?.keysetFetches).toBeLessThanOrEqual(6);
    expect(api?.trustedByAllReplicas).toContain('K3');
    const rejectedLate = r.series.nodes.api.authRejected.slice(7 * 60).reduce((a, b) => a + b, 0);
    expect(rejectedLate).toBe(0);
  });

  it('without re-fetch and without refresh, an unknown key is rejected for good', () => {
    const r = new Simulation(rotate({ refreshEveryMs: Infinity })).runToEnd().report();
    expect(r.nodes.api.auth?.keysetFetches).toBe(0);
    expect(r.series.nodes.api.rejectingShare.at(-1)).toBe(1);
    expect(r.clients.users.auth?.reauthentications).toBeGreaterThan(1000); // every rejection signs in again
  });

  it('a negative cache stops the re-fetching: fetches come only as the remembered verdict expires', () => {
    const r = new Simulation(rotate({ refreshEveryMs: Infinity, refreshOnUnknownKey: true, negativeTtlMs: 120_000 })).runToEnd().report();
    const api = r.nodes.api.auth;
    expect(api?.negativeCacheHits).toBeGreaterThan(1000);
    // Unthrottled, each request that meets the unknown key before the first fetch answers starts
    // one of its own — but only in the second the key is first met (1 min) and the seconds its
    // "untrusted" verdict expires (3 and 5 min); at 5 min the new key is found.
    const fetchSeconds = r.series.nodes.api.keysetFetches.flatMap((n, second) => (n > 0 ? [second] : []));
    expect(fetchSeconds).toEqual([60, 180, 300]);
    expect(api?.trustedByAllReplicas).toContain('K3');
  });

  it('the token badge: trusted keys, rejecting share and time to the next refresh are in the live state', () => {
    const sim = new Simulation(rotate({ refreshEveryMs: 600_000 }));
    while (sim.queue.peekTimeMs() < 200_000) sim.advance(1);
    const live = new Float64Array(sim.liveLayout().length);
    sim.writeLive(live);
    const api = sim.nodeIndex.get('api') ?? -1;
    const layout = sim.liveLayout();
    const trusted = live[nodeFieldOffset(api, 'trustedKeys')];
    expect(layout.keyNames.filter((_, k) => (trusted & (1 << k)) !== 0)).toEqual(['K1', 'K2']);
    expect(live[nodeFieldOffset(api, 'rejectingShare')]).toBe(1); // tokens signed with K3 are in use now
    expect(live[nodeFieldOffset(api, 'nextRefreshInMs')]).toBeGreaterThan(0);
    expect(live[nodeFieldOffset(api, 'nextRefreshInMs')]).toBeLessThanOrEqual(600_000);
    expect(live[nodeFieldOffset(sim.nodeIndex.get('idp') ?? -1, 'trustedKeys')]).toBe(-1);
  });

  it('replicas each have their own cache: a forced refresh reaches every one of them', () => {
    const spec = system({ refreshEveryMs: 3_600_000 }, {
      faults: [
        { atMs: 10_000, forMs: Infinity, target: 'jwks', action: 'removeKey', params: { key: 'K1' } },
        { atMs: 600_000, forMs: Infinity, target: '*', action: 'forceRefresh', params: {} },
      ],
    });
    const api = spec.nodes.find((n) => n.id === 'api');
    if (api?.kind !== 'service') throw new Error('fixture');
    api.replicas = 50;
    const r = new Simulation(spec).runToEnd().report();
    const share = r.series.nodes.api.rejectingShare;
    // hourly refresh at stratified phases: ~1/6 of the replicas refresh in the first 10 minutes
    expect(share[599]).toBeGreaterThan(0.1);
    expect(share[599]).toBeLessThan(0.25);
    expect(share[601]).toBe(1); // the forced refresh brought every replica the key set without K1
    expect(conservationViolations(r)).toEqual([]);
  });
});

describe('calls carry the token', () => {
  it('a validator behind another service checks the same token', () => {
    const spec = system({ refreshEveryMs: Infinity });
    spec.nodes.push(service('front', { workers: Infinity, serviceTime: ms(1), calls: [call('api')] }));
    const users = spec.nodes.find((n) => n.id === 'users');
    if (users?.kind !== 'client') throw new Error('fixture');
    users.target = 'front';
    spec.links.push(link('users', 'front'), link('front', 'api'));
    const r = new Simulation(spec).runToEnd().report();
    expect(r.nodes.api.auth?.accepted).toBeGreaterThan(50_000);
    expect(r.nodes.api.dropped.authRejected).toBe(0);
  });
});
