// The identity state the canvas paints, read from the live fields at the right simulated times of
// key-removal-2021 (K1 removed at 30:00, restored at 155:00): the key set's published keys, the
// keys it lacks, the identity's signing key, which key the validators reject and on what share of
// replicas, the users who sign in again, and the key-set fetch rates.
import { describe, expect, it } from 'vitest';
import { nodeFieldOffset, Simulation, type LIVE_NODE_FIELDS } from '../../src/engine';
import { formatIssue, parseScenario } from '../../src/scenario';
import { findBuiltin } from '../../src/scenarios';
import { client, identity, keyset, link, ms, scenario, service, validator } from '../support/spec-builder';

type Field = (typeof LIVE_NODE_FIELDS)[number];
const MIN = 60_000;

function keyRemoval(): Simulation {
  const parsed = parseScenario(structuredClone(findBuiltin('key-removal-2021')!.scenario));
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return new Simulation(parsed.spec);
}

/** Runs every event before `ms` (and closes the sample intervals that end before it). */
function runUntil(sim: Simulation, ms: number): void {
  while (sim.queue.peekTimeMs() < ms) sim.advance(1);
}

function reader(sim: Simulation) {
  const live = new Float64Array(sim.liveLayout().length);
  const keyNames = sim.liveLayout().keyNames;
  return {
    refresh: () => sim.writeLive(live),
    get: (node: string, field: Field): number => live[nodeFieldOffset(sim.nodeIndex.get(node)!, field)],
    keys: (node: string, field: Field): string[] => {
      const mask = live[nodeFieldOffset(sim.nodeIndex.get(node)!, field)];
      return keyNames.filter((_, k) => (mask & (1 << k)) !== 0);
    },
    keyNames,
  };
}

describe('identity state in the live fields: key-removal-2021', () => {
  // One run, read at checkpoints in order (the run to 170 simulated minutes takes a few seconds).
  const sim = keyRemoval();
  const live = reader(sim);
  const VALIDATORS = ['teams-like', 'office-like', 'xbox-like', 'dynamics-like', 'portal-like'];

  it('before 30:00 the key set publishes K1 and K2, nothing is missing, nobody rejects or signs in again', () => {
    runUntil(sim, 29 * MIN + 59_000);
    live.refresh();
    expect(live.keyNames).toEqual(['K1', 'K2']);
    expect(live.keys('jwks', 'publishedKeys')).toEqual(['K1', 'K2']);
    expect(live.get('jwks', 'missingKeys')).toBe(0);
    expect(live.keyNames[live.get('aad', 'signingKey')]).toBe('K1');
    for (const id of VALIDATORS) {
      expect(live.get(id, 'rejectingShare')).toBe(0);
      expect(live.get(id, 'rejectingKeys')).toBe(0);
    }
    expect(live.get('users-teams-like', 'reauthPerSec')).toBe(0);
    expect(live.get('users-teams-like', 'authRejectedPerSec')).toBe(0);
    // 300 replicas refreshing every 5 min: ~1 fetch a second, the same number the series holds
    const teamsFetches = live.get('teams-like', 'keysetFetchesPerSec');
    expect(teamsFetches).toBe(sim.report().series.nodes['teams-like'].keysetFetches.at(-1)! / 60);
    expect(teamsFetches).toBeGreaterThan(0.5);
    expect(teamsFetches).toBeLessThan(1.5);
    // the key set's fetch rate is what it served: every validator's scheduled fetches
    expect(live.get('jwks', 'keysetFetchesPerSec')).toBe(live.get('jwks', 'arrivedPerSec'));
    // fields a kind does not have are -1
    expect(live.get('aad', 'publishedKeys')).toBe(-1);
    expect(live.get('jwks', 'signingKey')).toBe(-1);
    expect(live.get('users-teams-like', 'rejectingKeys')).toBe(-1);
    expect(live.get('teams-like', 'reauthPerSec')).toBe(-1);
  });

  it('from 30:00 the key set publishes only K2 and lacks K1, which the provider still signs with', () => {
    runUntil(sim, 30 * MIN + 1);
    live.refresh();
    expect(live.keys('jwks', 'publishedKeys')).toEqual(['K2']);
    expect(live.keys('jwks', 'missingKeys')).toEqual(['K1']);
    expect(live.keyNames[live.get('aad', 'signingKey')]).toBe('K1');
  });

  it('by 36:00 every 5-min replica rejects K1, its users sign in again ~30 times a second, the key set is hammered', () => {
    runUntil(sim, 36 * MIN + 30_000);
    live.refresh();
    expect(live.get('teams-like', 'rejectingShare')).toBe(1);
    expect(live.keys('teams-like', 'rejectingKeys')).toEqual(['K1']);
    // every request meets a rejecting replica, signs in again (once), and is rejected again: 30/s
    expect(live.get('users-teams-like', 'reauthPerSec')).toBeGreaterThan(25);
    expect(live.get('users-teams-like', 'reauthPerSec')).toBeLessThan(35);
    expect(live.get('users-portal-like', 'reauthPerSec')).toBe(0); // keep-last-known-good never rejects
    // …and the signed-in-again request is rejected too: the client's failures are rejected tokens
    expect(live.get('users-teams-like', 'authRejectedPerSec')).toBeGreaterThan(25);
    expect(live.get('users-teams-like', 'authRejectedPerSec')).toBe(live.get('users-teams-like', 'droppedPerSec'));
    expect(live.get('portal-like', 'rejectingKeys')).toBe(0);
    // re-fetch on every unknown key: about one fetch per rejected request
    expect(live.get('teams-like', 'keysetFetchesPerSec')).toBeGreaterThan(25);
    expect(live.get('jwks', 'keysetFetchesPerSec')).toBeGreaterThan(live.get('teams-like', 'keysetFetchesPerSec'));
  });

  it('at 65:00 the share of replicas rejecting K1 differs by cache policy', () => {
    runUntil(sim, 65 * MIN);
    live.refresh();
    const dynamics = live.get('dynamics-like', 'rejectingShare');
    expect(dynamics).toBeGreaterThan(0.45);
    expect(dynamics).toBeLessThan(0.7);
    expect(live.get('xbox-like', 'rejectingShare')).toBeGreaterThan(0);
    expect(live.get('xbox-like', 'rejectingShare')).toBeLessThan(0.06);
    for (const id of ['dynamics-like', 'xbox-like', 'office-like']) expect(live.keys(id, 'rejectingKeys')).toEqual(['K1']);
    expect(live.get('portal-like', 'rejectingShare')).toBe(0);
  });

  it('from 155:00 K1 is published again; by 170:00 the re-fetching group has recovered, the 24 h group still rejects K1', () => {
    runUntil(sim, 155 * MIN + 1);
    live.refresh();
    expect(live.keys('jwks', 'publishedKeys')).toEqual(['K1', 'K2']);
    expect(live.get('jwks', 'missingKeys')).toBe(0);
    runUntil(sim, 170 * MIN);
    live.refresh();
    expect(live.get('teams-like', 'rejectingShare')).toBe(0);
    expect(live.get('teams-like', 'rejectingKeys')).toBe(0);
    expect(live.get('users-teams-like', 'reauthPerSec')).toBe(0);
    expect(live.get('xbox-like', 'rejectingShare')).toBeGreaterThan(0.05);
    expect(live.keys('xbox-like', 'rejectingKeys')).toEqual(['K1']);
  });
});

describe('identity state in the live fields: a signing-key change', () => {
  it('the identity signs with K3 from 1 min; the key set lacks K3 until it publishes it at 5 min', () => {
    const spec = scenario({
      nodes: [
        client('users', 'api', { ratePerSec: 20, auth: { issuer: 'idp', sessions: 50, refreshBeforeMs: 6_000 } }),
        identity('idp', 'K1', { workers: Infinity, serviceTime: ms(10), tokenLifetime: ms(60_000) }),
        keyset('jwks', ['K1', 'K2']),
        service('api', { workers: Infinity, serviceTime: ms(5), auth: validator('jwks', { refreshEveryMs: Infinity }) }),
      ],
      links: [link('users', 'idp'), link('users', 'api'), link('api', 'jwks', {}, { latency: ms(20) })],
      faults: [
        { atMs: 60_000, forMs: Infinity, target: 'idp', action: 'setSigningKey', params: { key: 'K3' } },
        { atMs: 300_000, forMs: Infinity, target: 'jwks', action: 'addKey', params: { key: 'K3' } },
      ],
      durationMs: 400_000,
    });
    const sim = new Simulation(spec);
    const live = reader(sim);
    runUntil(sim, 59_000);
    live.refresh();
    expect(live.keyNames[live.get('idp', 'signingKey')]).toBe('K1');
    expect(live.get('jwks', 'missingKeys')).toBe(0);
    runUntil(sim, 120_000);
    live.refresh();
    expect(live.keyNames[live.get('idp', 'signingKey')]).toBe('K3');
    expect(live.keys('jwks', 'missingKeys')).toEqual(['K3']);
    // the validator never refreshes: it rejects K3 tokens on its one replica
    expect(live.get('api', 'rejectingShare')).toBe(1);
    expect(live.keys('api', 'rejectingKeys')).toEqual(['K3']);
    expect(live.get('users', 'reauthPerSec')).toBeGreaterThan(0);
    runUntil(sim, 300_001);
    live.refresh();
    expect(live.keys('jwks', 'publishedKeys')).toEqual(['K1', 'K2', 'K3']);
    expect(live.get('jwks', 'missingKeys')).toBe(0);
  });
});
