/** Kinds "identity" and "keyset", the key faults and the key-id limit: normalised values, messages and paths, checks across the file. */
import { describe, expect, it } from 'vitest';
import { errorsOf, nodeOf, parseOk, withTokens } from './fixtures';

const POSITIVE_DURATION = 'a duration > 0 (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';
const KEY_ID = 'a key id: 1–64 letters, digits, "_", ".", ":" or "-"';
const NO_RETRY = { attempts: 1, backoff: { baseMs: 0, capMs: Infinity, multiplier: 2 }, jitter: 'none', budget: null, breaker: null };
const STATION_DEFAULTS = {
  queue: { capacity: Infinity, discipline: 'fifo', maxWaitMs: Infinity }, slowdownPerInFlightMs: 0, errorRate: 0, calls: [], bulkheads: [],
  propagateDeadline: false, cancelOnCallerGiveUp: false, auth: null, replicas: 1,
};

type Json = Record<string, unknown>;

/** withTokens, plus an MFA service "mfa" the identity provider may call (link idp → mfa). */
function withMfa(idp: Json, overrides: Record<string, Json> = {}): Json {
  const input = withTokens({ ...overrides, idp: { ...idp } });
  (input.nodes as Json[]).push({ id: 'mfa', kind: 'service', ...overrides.mfa });
  (input.links as Json[]).push({ id: 'idp-mfa', from: 'idp', to: 'mfa' });
  return input;
}

const identityOf = (fields: Json) => nodeOf(parseOk(withMfa(fields)).spec, 'idp', 'identity');
const keysetOf = (fields: Json) => nodeOf(parseOk(withTokens({ jwks: fields })).spec, 'jwks', 'keyset');

describe('identity', () => {
  it('defaults: a service\'s (1 worker, exponential 10 ms…), tokens living 60–90 minutes, no MFA', () => {
    expect(identityOf({ signingKey: 'k1' })).toEqual({
      kind: 'identity', id: 'idp', label: 'idp', workers: 1, serviceTime: { dist: 'exponential', meanMs: 10 }, ...STATION_DEFAULTS,
      signingKey: 'k1', tokenLifetime: { dist: 'uniform', minMs: 3_600_000, maxMs: 5_400_000 }, mfa: null,
    });
  });

  it('reads every station field, the signing key, the token lifetime (ms) and MFA', () => {
    const idp = identityOf({
      signingKey: 'key-2021.03:a_b', tokenLifetime: '1h', workers: 8, queue: { capacity: 100 }, serviceTime: '20ms', errorRate: 0.01,
      replicas: 3, propagateDeadline: true, cancelOnCallerGiveUp: true,
      mfa: { via: 'mfa', when: ['ios', 'sms'], timeout: '30s', retry: { attempts: 2 } },
      bulkheads: [{ to: 'mfa', workers: 4 }],
    });
    expect(idp).toMatchObject({
      signingKey: 'key-2021.03:a_b', tokenLifetime: { dist: 'constant', valueMs: 3_600_000 }, workers: 8, queue: { capacity: 100 },
      serviceTime: { dist: 'constant', valueMs: 20 }, errorRate: 0.01, replicas: 3, propagateDeadline: true, cancelOnCallerGiveUp: true,
      mfa: { via: 'mfa', when: ['ios', 'sms'], timeoutMs: 30_000, retry: { attempts: 2 } },
      bulkheads: [{ name: 'bulkhead-0', to: 'mfa', workers: 4 }],
    });
  });

  it('MFA defaults: every class, no timeout, no retry; `when` may be one class', () => {
    expect(identityOf({ signingKey: 'k1', mfa: { via: 'mfa' } }).mfa).toEqual({ via: 'mfa', when: null, timeoutMs: Infinity, retry: NO_RETRY });
    expect(identityOf({ signingKey: 'k1', mfa: { via: 'mfa', when: 'default' } }).mfa?.when).toEqual(['default']);
  });

  it.each([
    [{ signingKey: undefined }, `nodes[2].signingKey: required field is missing; expected ${KEY_ID}`],
    [{ signingKey: 'key 1' }, `nodes[2].signingKey: expected ${KEY_ID}, got "key 1"`],
    [{ signingKey: 7 }, `nodes[2].signingKey: expected ${KEY_ID}, got 7`],
    [{ signingKey: 'k'.repeat(65) }, `nodes[2].signingKey: expected ${KEY_ID}, got "${'k'.repeat(60)}…"`],
    [{ tokenLifetime: 0 }, 'nodes[2].tokenLifetime: expected a token lifetime that can be above 0, got always 0 (every token would be expired when issued)'],
    [{ tokenLifetime: { dist: 'uniform', min: 0, max: 0 } }, 'nodes[2].tokenLifetime: expected a token lifetime that can be above 0, got always 0 (every token would be expired when issued)'],
    [{ tokenLifetime: 'an hour' }, 'nodes[2].tokenLifetime: expected a duration (a number of ms, or a string like "250ms", "5m") or a distribution ({ "dist": "exponential", "uniform", "lognormal", … }), got "an hour"'],
    [{ mfa: 'push' }, 'nodes[2].mfa: expected an object, got "push"'],
    [{ mfa: {} }, 'nodes[2].mfa.via: required field is missing; expected a node id: 1–64 letters, digits, "_", ".", ":" or "-"'],
    [{ mfa: { via: 'mfa', when: [] } }, 'nodes[2].mfa.when: expected at least one class name, got an empty list (leave "when" out to apply to every class)'],
    [{ mfa: { via: 'mfa', timeout: 0 } }, `nodes[2].mfa.timeout: expected ${POSITIVE_DURATION}, got 0`],
    [{ mfa: { via: 'mfa', timeout: null } }, `nodes[2].mfa.timeout: expected ${POSITIVE_DURATION}, got null (leave the field out for no timeout)`],
    [{ mfa: { via: 'mfa', retry: { attempts: 0 } } }, 'nodes[2].mfa.retry.attempts: expected a whole number ≥ 1, got 0'],
    [{ mfa: { via: 'mfa', circuitBreaker: {} } }, 'nodes[2].mfa.circuitBreaker: unknown field'],
    [{ bulkheads: [{ to: 'jwks', workers: 1 }] }, 'nodes[2].bulkheads[0].to: expected a node this node calls, got "jwks"; this node makes no calls'],
    [{ auth: { keyset: 'jwks', refreshEvery: '1h' } }, 'nodes[2].auth: an identity provider does not validate tokens: "auth" (token validation) belongs on a service, database or external that receives requests with tokens'],
    [{ keys: ['k1'] }, 'nodes[2].keys: "keys" is a field of kinds "keyset" (key ids) and "cache" (a key count), not of "identity"'],
    [{ signingKey: undefined, signingkey: 'k1' }, `nodes[2].signingKey: required field is missing; expected ${KEY_ID}`, 'nodes[2].signingkey: unknown field (did you mean "signingKey"?)'],
  ])('%j', (fields, ...messages) => {
    expect(errorsOf(withMfa({ signingKey: 'k1', ...fields }))).toEqual(messages);
  });

  it('MFA needs a node that can receive, with a link from the identity provider', () => {
    expect(errorsOf(withMfa({ signingKey: 'k1', mfa: { via: 'mfaa' } }))).toEqual(['nodes[2].mfa.via: no node has id "mfaa" (did you mean "mfa"?)']);
    expect(errorsOf(withMfa({ signingKey: 'k1', mfa: { via: 'users' } }))).toEqual([
      'nodes[2].mfa.via: "users" is a client; clients only send requests, they cannot receive them',
    ]);
    expect(errorsOf(withMfa({ signingKey: 'k1', mfa: { via: 'api' } }))).toEqual(['nodes[2].mfa.via: no link from "idp" to "api"']);
  });

  it('the MFA step counts as a call in the cycle check, for its classes', () => {
    const input = withMfa({ signingKey: 'k1', mfa: { via: 'mfa', when: 'default' } }, { mfa: { calls: [{ to: 'idp' }] } });
    (input.links as Json[]).push({ id: 'mfa-idp', from: 'mfa', to: 'idp' });
    expect(errorsOf(input)).toEqual(['nodes[4].calls[0].to: call cycle "idp" → "mfa" → "idp": requests of class "default" would call round it forever']);
    const other = withMfa({ signingKey: 'k1', mfa: { via: 'mfa', when: 'ios' } }, { mfa: { calls: [{ to: 'idp' }] } });
    (other.links as Json[]).push({ id: 'mfa-idp', from: 'mfa', to: 'idp' });
    expect(parseOk(other).warnings).toEqual(['nodes[2].mfa.when: no client sends class "ios"']);
  });

  it('warnings: an MFA `when` naming a class no client sends, a retry budget without retries, a node breaker without calls', () => {
    const { warnings } = parseOk(withMfa({ signingKey: 'k1', circuitBreaker: {}, mfa: { via: 'mfa', when: ['default', 'iso'], retry: { budget: { ratio: 0.1 } } } }));
    expect(warnings).toEqual([
      'nodes[2].mfa.when[1]: no client sends class "iso"',
      'nodes[2].circuitBreaker: has no effect: it applies to the node\'s calls, and this node makes none (the MFA step has no circuit breaker)',
      'nodes[2].mfa.retry.budget: has no effect with "attempts": 1 (no retries to limit)',
    ]);
  });

  it('a signing key no key set lists is a warning when tokens are validated', () => {
    expect(parseOk(withTokens({ idp: { signingKey: 'k2' } })).warnings).toEqual([
      'nodes[2].signingKey: no key set lists key "k2": validators will reject every token this identity provider issues',
    ]);
    expect(parseOk(withTokens({ idp: { signingKey: 'k2' } }, { faults: [{ at: '1s', target: 'jwks', action: 'addKey', key: 'k2' }] })).warnings).toEqual([
      'nodes[2].signingKey: no key set lists key "k2": validators will reject every token this identity provider issues until an addKey fault adds it',
    ]);
    expect(parseOk(withTokens({ idp: { signingKey: 'k2' }, api: { auth: undefined } })).warnings).toEqual([]); // nothing validates
  });
});

describe('keyset', () => {
  it('defaults: unbounded workers, 5 ms per fetch, the rest a service\'s', () => {
    expect(keysetOf({ keys: ['k1', 'k0'] })).toEqual({
      kind: 'keyset', id: 'jwks', label: 'jwks', workers: Infinity, serviceTime: { dist: 'constant', valueMs: 5 }, ...STATION_DEFAULTS, keys: ['k1', 'k0'],
    });
  });

  it('reads station fields', () => {
    expect(keysetOf({ keys: ['k1'], workers: 2, queue: { capacity: 10 }, serviceTime: { dist: 'exponential', mean: '40ms' }, errorRate: 0.5, replicas: 4 })).toMatchObject({
      workers: 2, queue: { capacity: 10 }, serviceTime: { dist: 'exponential', meanMs: 40 }, errorRate: 0.5, replicas: 4,
    });
  });

  it.each([
    [{ keys: undefined }, 'nodes[3].keys: required field is missing; expected a list of key ids'],
    [{ keys: [] }, 'nodes[3].keys: expected at least 1 key id, got an empty list'],
    [{ keys: 'k1' }, 'nodes[3].keys: expected a list of key ids, got "k1"'],
    [{ keys: ['k1', 'k 2'] }, `nodes[3].keys[1]: expected ${KEY_ID}, got "k 2"`],
    [{ keys: ['k1', 'k2', 'k1'] }, 'nodes[3].keys[2]: duplicate key id "k1" (keys[0] has it too)'],
    [{ keys: Array.from({ length: 32 }, (_, i) => `k${i}`) }, 'nodes[3].keys: expected at most 31 key ids (a Faultline limit), got 32'],
    [{ auth: {} }, 'nodes[3].auth: a key set does not validate tokens: "auth" (token validation) belongs on a service, database or external that receives requests with tokens'],
    [{ signingKey: 'k1' }, 'nodes[3].signingKey: "signingKey" is a field of kind "identity", not of "keyset"'],
    [{ tokenLifetime: '1h' }, 'nodes[3].tokenLifetime: "tokenLifetime" is a field of kind "identity", not of "keyset"'],
    [{ workers: 0 }, 'nodes[3].workers: expected a whole number ≥ 1 or "unbounded", got 0'],
  ])('%j', (fields, message) => {
    expect(errorsOf(withTokens({ jwks: { keys: ['k1'], ...fields } }))).toEqual([message]);
  });
});

describe('key faults', () => {
  const faultsOf = (faults: Json[], nodes: Record<string, Json> = {}) => parseOk(withTokens(nodes, { faults, duration: '2d' })).spec.faults;
  const warningsOf = (faults: Json[], nodes: Record<string, Json> = {}) => parseOk(withTokens(nodes, { faults, duration: '2d' })).warnings;
  const faultErrors = (faults: Json[]) => errorsOf(withTokens({}, { faults }));

  it.each([
    [{ action: 'removeKey', target: 'jwks', key: 'k1' }, { key: 'k1' }],
    [{ action: 'addKey', target: 'jwks', key: 'k1' }, { key: 'k1' }],
    [{ action: 'restore', target: 'jwks' }, {}],
    [{ action: 'setSigningKey', target: 'idp', key: 'k1' }, { key: 'k1' }],
    [{ action: 'forceRefresh', target: 'api' }, {}],
    [{ action: 'forceRefresh', target: '*' }, {}],
    [{ action: 'removeKey', target: '*', key: 'k1' }, { key: 'k1' }],
  ])('%j → params %j', (fault, params) => {
    expect(faultsOf([{ at: '1s', for: '2h', ...fault }])[0]).toEqual({ atMs: 1000, forMs: 7_200_000, target: fault.target, action: fault.action, params });
  });

  it('crash, recover, slow, error and setWorkers apply to identity providers and key sets', () => {
    const actions = [
      { action: 'crash' }, { action: 'recover' }, { action: 'slow', factor: 2 }, { action: 'error', errorRate: 0.5 }, { action: 'setWorkers', workers: 1 },
    ];
    const faults = ['idp', 'jwks'].flatMap((target) => actions.map((action) => ({ at: '1s', target, ...action })));
    expect(faultsOf(faults)).toHaveLength(10);
  });

  it.each([
    [{ action: 'removeKey', target: 'jwks' }, `faults[0].key: required field is missing; expected ${KEY_ID}`],
    [{ action: 'addKey', target: 'jwks', key: 'k 1' }, `faults[0].key: expected ${KEY_ID}, got "k 1"`],
    [{ action: 'restore', target: 'jwks', key: 'k1' }, 'faults[0].key: "key" is an argument of actions "removeKey", "addKey", "setSigningKey", not of "restore"'],
    [{ action: 'forceRefresh', target: 'api', factor: 2 }, 'faults[0].factor: "factor" is an argument of action "slow", not of "forceRefresh"'],
    [{ action: 'removeKey', target: 'api', key: 'k1' }, 'faults[0].action: action "removeKey" does not apply to "api", a service (it takes crash, recover, slow, error, setWorkers, forceRefresh)'],
    [{ action: 'setSigningKey', target: 'jwks', key: 'k1' }, 'faults[0].action: action "setSigningKey" does not apply to "jwks", a keyset (it takes crash, recover, slow, error, setWorkers, removeKey, addKey, restore)'],
    [{ action: 'restore', target: 'idp' }, 'faults[0].action: action "restore" does not apply to "idp", an identity (it takes crash, recover, slow, error, setWorkers, setSigningKey)'],
    [{ action: 'forceRefresh', target: 'jwks' }, 'faults[0].action: action "forceRefresh" does not apply to "jwks", a keyset (it takes crash, recover, slow, error, setWorkers, removeKey, addKey, restore)'],
    [{ action: 'forceRefresh', target: 'users' }, 'faults[0].action: action "forceRefresh" does not apply to "users", a client (it takes setRate)'],
    [{ action: 'forceRefresh', target: 'users-api' }, 'faults[0].action: action "forceRefresh" does not apply to "users-api", a link (it takes down, up, degrade)'],
  ])('%j', (fault, message) => {
    expect(faultErrors([{ at: '1s', ...fault }])).toEqual([message]);
  });

  it('forceRefresh needs a node that validates tokens', () => {
    const input = withTokens({}, { faults: [{ at: '1s', target: 'db', action: 'forceRefresh' }, { at: '1s', target: 'db', action: 'slow', factor: 2 }] });
    (input.nodes as Json[]).push({ id: 'db', kind: 'database' });
    expect(errorsOf(input)).toEqual([
      'faults[0].action: action "forceRefresh" applies to nodes that validate tokens; "db" has no "auth"',
    ]);
  });

  it('"*" forceRefresh with no validator is a warning: it matches nothing', () => {
    expect(warningsOf([{ at: '1s', target: '*', action: 'forceRefresh' }], { api: { auth: undefined }, idp: { signingKey: 'k1' } })).toEqual([
      'faults[0].target: "*" matches nothing: action "forceRefresh" applies to nodes that validate tokens ("auth"), and the scenario has none',
    ]);
  });

  it('a key a fault names that nothing else knows is a warning', () => {
    expect(warningsOf([
      { at: '1m', target: 'jwks', action: 'removeKey', key: 'k2' },
      { at: '2m', target: 'jwks', action: 'addKey', key: 'kx' },
      { at: '3m', target: 'idp', action: 'setSigningKey', key: 'k3' },
    ])).toEqual([
      'faults[0].key: no key set lists key "k2" and no addKey fault adds it: removing it changes nothing',
      'faults[1].key: no key set or identity provider knows key "kx" (no "keys", "signingKey" or setSigningKey names it): no token is signed with it',
      'faults[2].key: no key set lists key "k3" and no addKey fault adds it: validators will reject every token signed with it',
    ]);
  });

  it('suggests the nearest known key id', () => {
    const nodes = { idp: { signingKey: 'signing-2021' }, jwks: { keys: ['signing-2021'] } };
    expect(warningsOf([{ at: '1m', target: 'jwks', action: 'removeKey', key: 'signing-2012' }], nodes)).toEqual([
      'faults[0].key: no key set lists key "signing-2012" (did you mean "signing-2021"?) and no addKey fault adds it: removing it changes nothing',
    ]);
  });

  it('a key rotation (add, switch signing, remove the old key) and the 2021 removal are silent', () => {
    expect(warningsOf([
      { at: '1h', target: 'jwks', action: 'addKey', key: 'k2' },
      { at: '2h', target: 'idp', action: 'setSigningKey', key: 'k2' },
      { at: '3h', target: 'jwks', action: 'removeKey', key: 'k1' },
    ])).toEqual([]);
    expect(warningsOf([
      { at: '19h', target: 'jwks', action: 'removeKey', key: 'k1' },
      { at: '1265m', target: 'jwks', action: 'restore' },
      { at: '2005m', target: '*', action: 'forceRefresh' },
    ])).toEqual([]);
  });
});

describe('the key-id limit', () => {
  it('a scenario may use at most 31 distinct key ids, counting signing keys, key-set keys and fault keys', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const ok = withTokens({ idp: { signingKey: 'k0' }, jwks: { keys } }, { faults: [{ at: '1s', target: 'jwks', action: 'addKey', key: 'k30' }] });
    expect(parseOk(ok).spec.faults).toHaveLength(1);
    const faults = [{ at: '1s', target: 'jwks', action: 'addKey', key: 'k30' }, { at: '2s', target: 'idp', action: 'setSigningKey', key: 'k31' }];
    expect(errorsOf(withTokens({ idp: { signingKey: 'k0' }, jwks: { keys } }, { faults }))).toEqual([
      'faults[1].key: key id "k31" is one too many: a scenario may use at most 31 distinct key ids (a Faultline limit), counting signing keys, key-set keys and the keys of faults',
    ]);
  });

  it('counts keys across key sets and identity providers', () => {
    const input = withTokens({ idp: { signingKey: 'extra' }, jwks: { keys: Array.from({ length: 31 }, (_, i) => `k${i}`) } });
    expect(errorsOf(input)).toEqual([
      'nodes[3].keys[30]: key id "k30" is one too many: a scenario may use at most 31 distinct key ids (a Faultline limit), counting signing keys, key-set keys and the keys of faults',
    ]);
  });
});
