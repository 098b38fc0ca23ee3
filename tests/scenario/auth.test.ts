/** Tokens on clients and validators (`auth`), and `replicas`: normalised values, messages and paths, checks across the file. */
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS } from '../../src/scenario';
import { errorsOf, nodeOf, parseOk, withTokens } from './fixtures';

const DURATION = 'a duration (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';
const POSITIVE_DURATION = 'a duration > 0 (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';
const NODE_ID = 'a node id: 1–64 letters, digits, "_", ".", ":" or "-"';

type Json = Record<string, unknown>;
const clientAuth = (auth: Json, client: Json = {}) => nodeOf(parseOk(withTokens({ users: { auth: { issuer: 'idp', ...auth }, ...client } })).spec, 'users', 'client').auth;
const validator = (auth: Json) => nodeOf(parseOk(withTokens({ api: { auth: { keyset: 'jwks', refreshEvery: '1h', ...auth } } })).spec, 'api', 'service').auth;

describe('client auth', () => {
  it('without auth a client holds no tokens', () => {
    expect(nodeOf(parseOk(withTokens({ users: { auth: undefined } })).spec, 'users', 'client').auth).toBeNull();
  });

  it('defaults: 1000 sessions for an open-loop client, refresh 5 minutes before expiry', () => {
    expect(clientAuth({})).toEqual({ issuer: 'idp', sessions: 1000, refreshBeforeMs: 300_000 });
  });

  it('a closed-loop client has one session per user', () => {
    expect(clientAuth({}, { rate: undefined, users: 250 })).toEqual({ issuer: 'idp', sessions: 250, refreshBeforeMs: 300_000 });
    expect(clientAuth({ sessions: 250 }, { rate: undefined, users: 250 })?.sessions).toBe(250);
  });

  it('reads sessions and refreshBefore (ms)', () => {
    expect(clientAuth({ sessions: 50_000, refreshBefore: '90s' })).toEqual({ issuer: 'idp', sessions: 50_000, refreshBeforeMs: 90_000 });
    expect(clientAuth({ refreshBefore: 0 })?.refreshBeforeMs).toBe(0);
  });

  it.each([
    [{ issuer: undefined }, `nodes[0].auth.issuer: required field is missing; expected ${NODE_ID}`],
    [{ issuer: 'my idp' }, `nodes[0].auth.issuer: expected ${NODE_ID}, got "my idp"`],
    [{ sessions: 0 }, 'nodes[0].auth.sessions: expected a whole number ≥ 1, got 0'],
    [{ sessions: 1.5 }, 'nodes[0].auth.sessions: expected a whole number ≥ 1, got 1.5'],
    [{ sessions: 1_000_001 }, 'nodes[0].auth.sessions: expected at most 1000000 (a Faultline limit), got 1000001'],
    [{ refreshBefore: '5 minutes' }, `nodes[0].auth.refreshBefore: expected ${DURATION}, got "5 minutes"`],
    [{ refreshbefore: '1m' }, 'nodes[0].auth.refreshbefore: unknown field (did you mean "refreshBefore"?)'],
  ])('%j', (auth, message) => {
    expect(errorsOf(withTokens({ users: { auth: { issuer: 'idp', ...auth } } }))).toEqual([message]);
  });

  it('auth must be an object', () => {
    expect(errorsOf(withTokens({ users: { auth: 'idp' } }))).toEqual(['nodes[0].auth: expected an object, got "idp"']);
  });

  it('a closed-loop client may only repeat its users as sessions', () => {
    expect(errorsOf(withTokens({ users: { rate: undefined, users: 20, auth: { issuer: 'idp', sessions: 10 } } }))).toEqual([
      'nodes[0].auth.sessions: expected 20 (the users: in a closed loop each user holds one session), got 10; leave "sessions" out',
    ]);
  });

  it('the issuer must be an identity provider with a link from the client', () => {
    expect(errorsOf(withTokens({ users: { auth: { issuer: 'api' } } }))).toEqual([
      'nodes[0].auth.issuer: "api" is a service; expected an identity provider (kind "identity")',
    ]);
    expect(errorsOf(withTokens({ users: { auth: { issuer: 'idpp' } } }))).toEqual(['nodes[0].auth.issuer: no node has id "idpp" (did you mean "idp"?)']);
    expect(errorsOf(withTokens({ users: { auth: { issuer: 'users-idp' } } }))).toEqual(['nodes[0].auth.issuer: "users-idp" is a link, not a node']);
    expect(errorsOf(withTokens({}, { links: [{ id: 'users-api', from: 'users', to: 'api' }, { id: 'api-jwks', from: 'api', to: 'jwks' }] }))).toEqual([
      'nodes[0].auth.issuer: no link from "users" to "idp"',
    ]);
  });

  it('the issuer is checked even when the client has another bad field', () => {
    expect(errorsOf(withTokens({ users: { rate: -1, auth: { issuer: 'jwks' } } }))).toEqual([
      'nodes[0].rate: expected a number > 0, got -1',
      'nodes[0].auth.issuer: "jwks" is a keyset; expected an identity provider (kind "identity")',
    ]);
  });

  it('a refreshBefore as long as every token lives is a warning: every request would sign in again', () => {
    expect(parseOk(withTokens({ users: { auth: { issuer: 'idp', refreshBefore: '90m' } } })).warnings).toEqual([
      'nodes[0].auth.refreshBefore: 1.5h is at least the longest lifetime of a token from "idp" (1.5h): every request would sign in again',
    ]);
    expect(parseOk(withTokens({ users: { auth: { issuer: 'idp', refreshBefore: '89m' } } })).warnings).toEqual([]);
    expect(parseOk(withTokens({ users: { auth: { issuer: 'idp', refreshBefore: '1d' } }, idp: { tokenLifetime: { dist: 'exponential', mean: '1h' } } })).warnings).toEqual([]);
  });

  it(`the clients' sessions add up to at most ${SCENARIO_LIMITS.maxTotalSessions}`, () => {
    const input = withTokens({ users: { auth: { issuer: 'idp', sessions: 1_000_000 } } });
    const nodes = input.nodes as Json[];
    nodes.push(
      { id: 'more', kind: 'client', rate: 1, target: 'api', auth: { issuer: 'idp', sessions: 1_000_000 } },
      { id: 'most', kind: 'client', rate: 1, target: 'api', auth: { issuer: 'idp' } },
    );
    (input.links as Json[]).push(
      { id: 'more-api', from: 'more', to: 'api' }, { id: 'more-idp', from: 'more', to: 'idp' },
      { id: 'most-api', from: 'most', to: 'api' }, { id: 'most-idp', from: 'most', to: 'idp' },
    );
    expect(errorsOf(input)).toEqual(["nodes: the clients' auth sessions add up to 2001000; at most 2000000 (a Faultline limit)"]);
  });
});

describe('validator (service auth)', () => {
  it('without auth a service accepts every request', () => {
    expect(nodeOf(parseOk(withTokens({ api: { auth: undefined } })).spec, 'api', 'service').auth).toBeNull();
  });

  it('defaults: no refresh on unknown keys, unthrottled, no negative cache, no last-known-good, 10 s fetch timeout', () => {
    expect(validator({})).toEqual({
      keyset: 'jwks', refreshEveryMs: 3_600_000, refreshOnUnknownKey: false, minRefreshIntervalMs: 0, negativeTtlMs: 0,
      keepLastKnownGood: false, fetchTimeoutMs: 10_000,
    });
  });

  it('reads every field (times in ms)', () => {
    expect(validator({ refreshEvery: '24h', refreshOnUnknownKey: true, minRefreshInterval: '5m', negativeTtl: '1h', keepLastKnownGood: true, fetchTimeout: 500 })).toEqual({
      keyset: 'jwks', refreshEveryMs: 86_400_000, refreshOnUnknownKey: true, minRefreshIntervalMs: 300_000, negativeTtlMs: 3_600_000,
      keepLastKnownGood: true, fetchTimeoutMs: 500,
    });
  });

  it.each(['database', 'external'])('a %s validates tokens too', (kind) => {
    const { spec } = parseOk(withTokens({ api: { kind } }));
    expect(spec.nodes[1]).toMatchObject({ kind, auth: { keyset: 'jwks', refreshEveryMs: 3_600_000 } });
  });

  it.each([
    [{ keyset: undefined }, `nodes[1].auth.keyset: required field is missing; expected ${NODE_ID}`],
    [{ refreshEvery: undefined }, `nodes[1].auth.refreshEvery: required field is missing; expected ${POSITIVE_DURATION}`],
    [{ refreshEvery: 0 }, `nodes[1].auth.refreshEvery: expected ${POSITIVE_DURATION}, got 0`],
    [{ refreshOnUnknownKey: 'yes' }, 'nodes[1].auth.refreshOnUnknownKey: expected true or false, got "yes"'],
    [{ minRefreshInterval: -1 }, `nodes[1].auth.minRefreshInterval: expected ${DURATION}, got -1`],
    [{ negativeTtl: '1 hour' }, `nodes[1].auth.negativeTtl: expected ${DURATION}, got "1 hour"`],
    [{ keepLastKnownGood: 1 }, 'nodes[1].auth.keepLastKnownGood: expected true or false, got 1'],
    [{ fetchTimeout: 0 }, `nodes[1].auth.fetchTimeout: expected ${POSITIVE_DURATION}, got 0`],
    [{ refreshInterval: '1h' }, 'nodes[1].auth.refreshInterval: unknown field (did you mean "minRefreshInterval"?)'],
  ])('%j', (auth, message) => {
    expect(errorsOf(withTokens({ api: { auth: { keyset: 'jwks', refreshEvery: '1h', ...auth } } }))).toEqual([message]);
  });

  it('a misspelt refreshEvery is named, and the missing one too', () => {
    expect(errorsOf(withTokens({ api: { auth: { keyset: 'jwks', refreshevery: '1h' } } }))).toEqual([
      `nodes[1].auth.refreshEvery: required field is missing; expected ${POSITIVE_DURATION}`,
      'nodes[1].auth.refreshevery: unknown field (did you mean "refreshEvery"?)',
    ]);
  });

  it('the key set must be a keyset node with a link from the validator', () => {
    expect(errorsOf(withTokens({ api: { auth: { keyset: 'idp', refreshEvery: '1h' } } }))).toEqual([
      'nodes[1].auth.keyset: "idp" is an identity; expected a key set (kind "keyset")',
    ]);
    expect(errorsOf(withTokens({ api: { auth: { keyset: 'users', refreshEvery: '1h' } } }))).toEqual([
      'nodes[1].auth.keyset: "users" is a client; clients only send requests, they cannot receive them',
    ]);
    expect(errorsOf(withTokens({}, { links: [{ id: 'users-api', from: 'users', to: 'api' }, { id: 'users-idp', from: 'users', to: 'idp' }] }))).toEqual([
      'nodes[1].auth.keyset: no link from "api" to "jwks"',
    ]);
  });

  it('minRefreshInterval without refreshOnUnknownKey is a warning: it has no effect', () => {
    const warnings = (auth: Json) => parseOk(withTokens({ api: { auth: { keyset: 'jwks', refreshEvery: '1h', ...auth } } })).warnings;
    expect(warnings({ minRefreshInterval: '5m' })).toEqual([
      'nodes[1].auth.minRefreshInterval: has no effect with "refreshOnUnknownKey": false (it throttles the fetches an unknown key triggers)',
    ]);
    expect(warnings({ minRefreshInterval: '5m', refreshOnUnknownKey: true })).toEqual([]);
  });

  it('a key-set fetch counts as a call in the cycle check', () => {
    const input = withTokens({ jwks: { calls: [{ to: 'api' }] } });
    (input.links as Json[]).push({ id: 'jwks-api', from: 'jwks', to: 'api' });
    expect(errorsOf(input)).toEqual(['nodes[3].calls[0].to: call cycle "api" → "jwks" → "api": every request would call round it forever']);
  });
});

describe('requests without a token', () => {
  it('a client without auth whose requests reach a validator is a warning: every request is rejected', () => {
    expect(parseOk(withTokens({ users: { auth: undefined } })).warnings).toEqual([
      'nodes[1].auth: requests without a token reach this node (from client "users", which has no "auth"): it rejects every one of them',
    ]);
  });

  it('follows calls, balancers and caches, and stops at the first validator', () => {
    const input = withTokens({ users: { auth: undefined, target: 'lb' }, api: { calls: [{ to: 'db' }] } });
    (input.nodes as Json[]).push(
      { id: 'lb', kind: 'balancer', targets: ['c'] },
      { id: 'c', kind: 'cache', backend: 'api', ttl: '1s' },
      { id: 'db', kind: 'database', auth: { keyset: 'jwks', refreshEvery: '1h' } },
    );
    (input.links as Json[]).push(
      { id: 'users-lb', from: 'users', to: 'lb' }, { id: 'lb-c', from: 'lb', to: 'c' }, { id: 'c-api', from: 'c', to: 'api' },
      { id: 'api-db', from: 'api', to: 'db' }, { id: 'db-jwks', from: 'db', to: 'jwks' },
    );
    expect(parseOk(input).warnings).toEqual([
      'nodes[1].auth: requests without a token reach this node (from client "users", which has no "auth"): it rejects every one of them',
    ]);
  });

  it('sign-ins carry no token: an MFA step or a call of the identity provider reaching a validator is a warning', () => {
    const input = withTokens({ idp: { mfa: { via: 'api' } } });
    (input.links as Json[]).push({ id: 'idp-api', from: 'idp', to: 'api' });
    expect(parseOk(input).warnings).toEqual([
      'nodes[1].auth: requests without a token reach this node (sign-ins passed on by identity provider "idp", which carry no token): it rejects every one of them',
    ]);
  });

  it('clients with tokens reaching validators, and a validator fetching its key set, are fine', () => {
    expect(parseOk(withTokens()).warnings).toEqual([]);
  });
});

describe('forceRefresh', () => {
  it('`for` is a warning: a refresh cannot be undone', () => {
    expect(parseOk(withTokens({}, { faults: [{ at: '1s', for: '1s', target: 'api', action: 'forceRefresh' }] })).warnings).toEqual([
      'faults[0].for: has no effect on "forceRefresh": a refresh cannot be undone',
    ]);
  });
});

describe('replicas', () => {
  it('default 1; reads a count on every station-like kind', () => {
    const { spec } = parseOk(withTokens({ api: { replicas: 40 }, idp: { replicas: 3 }, jwks: { replicas: 2 } }));
    expect([nodeOf(spec, 'api', 'service').replicas, nodeOf(spec, 'idp', 'identity').replicas, nodeOf(spec, 'jwks', 'keyset').replicas]).toEqual([40, 3, 2]);
  });

  it.each([
    [0, 'nodes[1].replicas: expected a whole number ≥ 1, got 0'],
    [2.5, 'nodes[1].replicas: expected a whole number ≥ 1, got 2.5'],
    ['many', 'nodes[1].replicas: expected a whole number ≥ 1, got "many"'],
    [100_001, 'nodes[1].replicas: expected at most 100000 (a Faultline limit), got 100001'],
  ])('%j', (replicas, message) => {
    expect(errorsOf(withTokens({ api: { replicas } }))).toEqual([message]);
  });

  it(`add up to at most ${SCENARIO_LIMITS.maxTotalReplicas} over every node`, () => {
    const replicas = SCENARIO_LIMITS.maxReplicas;
    const nodes: Json[] = [{ id: 'users', kind: 'client', rate: 1, target: 's0' }];
    for (let i = 0; i < 10; i++) nodes.push({ id: `s${i}`, kind: 'service', replicas });
    expect(parseOk(withTokens({}, { nodes, links: [{ id: 'l', from: 'users', to: 's0' }] })).spec.nodes).toHaveLength(11);
    nodes.push({ id: 'one-more', kind: 'service' });
    expect(errorsOf(withTokens({}, { nodes, links: [{ id: 'l', from: 'users', to: 's0' }] }))).toEqual([
      "nodes: the nodes' replicas add up to 1000001; at most 1000000 (a Faultline limit)",
    ]);
  });
});
