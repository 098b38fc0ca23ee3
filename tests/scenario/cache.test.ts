/** kind "cache" and the fault action "flush": normalised values, messages and paths, checks across the file. */
import { describe, expect, it } from 'vitest';
import { errorsOf, nodeOf, parseOk, scenario, withCache } from './fixtures';

const DURATION = 'a duration (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';
const POSITIVE_DURATION = 'a duration > 0 (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';

const cacheOf = (fields: Record<string, unknown>) => nodeOf(parseOk(withCache(fields)).spec, 'c', 'cache');
const cacheErrors = (fields: Record<string, unknown>) => errorsOf(withCache(fields));

describe('cache fields', () => {
  it('defaults: 1000 keys, Zipf 1, unbounded, no jitter, failures not stored, no coalescing, no stale serving, 1 ms hits, cold, no timeout, no retry', () => {
    expect(cacheOf({})).toEqual({
      kind: 'cache', id: 'c', label: 'c', backend: 'db', keys: 1000, zipfExponent: 1, capacity: Infinity, ttlMs: 30_000, ttlJitter: 0,
      negativeTtlMs: 0, coalesce: false, staleWhileRevalidateMs: 0, hitTimeMs: 1, warm: false, timeoutMs: Infinity,
      retry: { attempts: 1, backoff: { baseMs: 0, capMs: Infinity, multiplier: 2 }, jitter: 'none', budget: null, breaker: null },
    });
  });

  it('reads every field (times in ms)', () => {
    expect(cacheOf({
      label: 'Profile cache', keys: 1_000_000, popularity: { zipf: 0 }, capacity: 5000, ttl: '5m', ttlJitter: 0.1, negativeTtl: '10s',
      coalesce: true, staleWhileRevalidate: '30s', hitTime: 0.2, warm: true, timeout: '200ms', retry: { attempts: 2, backoff: { base: '50ms' } },
    })).toMatchObject({
      label: 'Profile cache', keys: 1_000_000, zipfExponent: 0, capacity: 5000, ttlMs: 300_000, ttlJitter: 0.1, negativeTtlMs: 10_000,
      coalesce: true, staleWhileRevalidateMs: 30_000, hitTimeMs: 0.2, warm: true, timeoutMs: 200, retry: { attempts: 2, backoff: { baseMs: 50 } },
    });
  });

  it('capacity null is unbounded; a Zipf exponent above 1 is fine', () => {
    expect(cacheOf({ capacity: null, popularity: { zipf: 1.4 } })).toMatchObject({ capacity: Infinity, zipfExponent: 1.4 });
  });

  it('its backend call can have a retry budget and breaker', () => {
    expect(cacheOf({ retry: { attempts: 3, budget: { ratio: 0.1 }, breaker: { failureRatio: 0.5 } } }).retry).toMatchObject({
      budget: { kind: 'ratio', ratio: 0.1 }, breaker: { failureRatio: 0.5 },
    });
  });

  it('backend and ttl are required', () => {
    expect(cacheErrors({ backend: undefined, ttl: undefined })).toEqual([
      'nodes[1].backend: required field is missing; expected a node id: 1–64 letters, digits, "_", ".", ":" or "-"',
      `nodes[1].ttl: required field is missing; expected ${POSITIVE_DURATION}`,
    ]);
  });

  it.each([
    [{ keys: 0 }, 'nodes[1].keys: expected a whole number ≥ 1, got 0'],
    [{ keys: 10.5 }, 'nodes[1].keys: expected a whole number ≥ 1, got 10.5'],
    [{ keys: 1_000_001 }, 'nodes[1].keys: expected at most 1000000 (a Faultline limit), got 1000001'],
    [{ popularity: { zipf: -1 } }, 'nodes[1].popularity.zipf: expected a number ≥ 0, got -1'],
    [{ popularity: {} }, 'nodes[1].popularity.zipf: required field is missing; expected a number ≥ 0'],
    [{ popularity: 1 }, 'nodes[1].popularity: expected an object, got 1'],
    [{ popularity: { zipf: 1, s: 2 } }, 'nodes[1].popularity.s: unknown field'],
    [{ capacity: 0 }, 'nodes[1].capacity: expected a whole number ≥ 1, or null for unbounded, got 0'],
    [{ capacity: 1.5 }, 'nodes[1].capacity: expected a whole number ≥ 1, or null for unbounded, got 1.5'],
    [{ capacity: 'unbounded' }, 'nodes[1].capacity: expected a whole number ≥ 1, or null for unbounded, got "unbounded"'],
    [{ ttl: 0 }, `nodes[1].ttl: expected ${POSITIVE_DURATION}, got 0`],
    [{ ttlJitter: 1.5 }, 'nodes[1].ttlJitter: expected a fraction from 0 to 1 (0.1 = ±10%), got 1.5'],
    [{ ttlJitter: '10%' }, 'nodes[1].ttlJitter: expected a fraction from 0 to 1 (0.1 = ±10%), got "10%"'],
    [{ negativeTtl: -1 }, `nodes[1].negativeTtl: expected ${DURATION}, got -1`],
    [{ coalesce: 'yes' }, 'nodes[1].coalesce: expected true or false, got "yes"'],
    [{ staleWhileRevalidate: 'x' }, `nodes[1].staleWhileRevalidate: expected ${DURATION}, got "x"`],
    [{ hitTime: null }, `nodes[1].hitTime: expected ${DURATION}, got null`],
    [{ warm: 0 }, 'nodes[1].warm: expected true or false, got 0'],
    [{ timeout: 0 }, `nodes[1].timeout: expected ${POSITIVE_DURATION}, got 0`],
    [{ retry: { attempts: 0 } }, 'nodes[1].retry.attempts: expected a whole number ≥ 1, got 0'],
    [{ backend: 'a b' }, 'nodes[1].backend: expected a node id: 1–64 letters, digits, "_", ".", ":" or "-", got "a b"'],
    [{ tll: '1s' }, 'nodes[1].tll: unknown field (did you mean "ttl"?)'],
    [{ workers: 2 }, 'nodes[1].workers: unknown field'],
  ])('%j', (fields, message) => {
    expect(cacheErrors(fields)).toEqual([message]);
  });

  it('a capacity that holds every key is a warning: nothing is ever evicted', () => {
    expect(parseOk(withCache({ keys: 100, capacity: 100 })).warnings).toEqual(['nodes[1].capacity: 100 entries hold all 100 keys: nothing is ever evicted']);
    expect(parseOk(withCache({ keys: 100, capacity: 99 })).warnings).toEqual([]);
  });

  it('with one attempt, a retry budget on the backend call has no effect: a warning', () => {
    expect(parseOk(withCache({ retry: { budget: { ratio: 0.1 } } })).warnings).toEqual([
      'nodes[1].retry.budget: has no effect with "attempts": 1 (no retries to limit)',
    ]);
  });
});

describe('cache in the graph', () => {
  it('the backend must be a node that can receive, with a link from the cache to it', () => {
    expect(cacheErrors({ backend: 'dbb' })).toEqual(['nodes[1].backend: no node has id "dbb" (did you mean "db"?)']);
    expect(cacheErrors({ backend: 'users' })).toEqual(['nodes[1].backend: "users" is a client; clients only send requests, they cannot receive them']);
    expect(errorsOf(withCache({}, { links: [{ id: 'users-c', from: 'users', to: 'c' }] }))).toEqual(['nodes[1].backend: no link from "c" to "db"']);
  });

  it('is a target for clients, balancers, calls and links like a service', () => {
    const { spec } = parseOk(scenario({
      nodes: [
        { id: 'users', kind: 'client', rate: 10, target: 'lb' },
        { id: 'lb', kind: 'balancer', targets: ['c'], retry: { attempts: 2, budget: { bucket: { capacity: 5, perSuccess: 0.1 } } } },
        { id: 'c', kind: 'cache', backend: 'api', ttl: '1m' },
        { id: 'api', kind: 'service', calls: [{ to: 'c2' }] },
        { id: 'c2', kind: 'cache', backend: 'db', ttl: '1m' },
        { id: 'db', kind: 'database' },
      ],
      links: [
        { id: 'l1', from: 'users', to: 'lb' }, { id: 'l2', from: 'lb', to: 'c' }, { id: 'l3', from: 'c', to: 'api' },
        { id: 'l4', from: 'api', to: 'c2' }, { id: 'l5', from: 'c2', to: 'db' },
      ],
    }));
    expect(spec.nodes.map((node) => node.kind)).toEqual(['client', 'balancer', 'cache', 'service', 'cache', 'database']);
    expect(nodeOf(spec, 'lb', 'balancer').retry.budget).toEqual({ kind: 'bucket', capacity: 5, perRequest: 0, perSuccess: 0.1, perRetry: 1 });
  });

  it('its backend counts as a call for call cycles', () => {
    expect(errorsOf(scenario({
      nodes: [
        { id: 'users', kind: 'client', rate: 10, target: 'c' },
        { id: 'c', kind: 'cache', backend: 'api', ttl: '30s' },
        { id: 'api', kind: 'service', calls: [{ to: 'c' }] },
      ],
      links: [{ id: 'l1', from: 'users', to: 'c' }, { id: 'l2', from: 'c', to: 'api' }, { id: 'l3', from: 'api', to: 'c' }],
    }))).toEqual(['nodes[2].calls[0].to: call cycle "c" → "api" → "c": every request would call round it forever']);
    expect(errorsOf(scenario({
      nodes: [
        { id: 'users', kind: 'client', rate: 10, target: 'api' },
        { id: 'api', kind: 'service', calls: [{ to: 'c' }] },
        { id: 'c', kind: 'cache', backend: 'api', ttl: '30s' },
      ],
      links: [{ id: 'l1', from: 'users', to: 'api' }, { id: 'l2', from: 'c', to: 'api' }, { id: 'l3', from: 'api', to: 'c' }],
    }))).toEqual(['nodes[2].backend: call cycle "api" → "c" → "api": every request would call round it forever']);
  });
});

describe('faults on caches', () => {
  const faults = (...list: unknown[]) => withCache({}, { faults: list });

  it('flush, crash and recover apply to a cache; flush takes no arguments', () => {
    expect(parseOk(faults(
      { at: '1s', target: 'c', action: 'flush' },
      { at: '2s', target: '*', action: 'flush', for: '1s' },
      { at: '3s', target: 'c', action: 'crash', for: '1s' },
      { at: '5s', target: 'c', action: 'recover' },
    )).spec.faults).toEqual([
      { atMs: 1000, forMs: Infinity, target: 'c', action: 'flush', params: {} },
      { atMs: 2000, forMs: 1000, target: '*', action: 'flush', params: {} },
      { atMs: 3000, forMs: 1000, target: 'c', action: 'crash', params: {} },
      { atMs: 5000, forMs: Infinity, target: 'c', action: 'recover', params: {} },
    ]);
  });

  it('flush applies to caches only; service actions do not apply to a cache', () => {
    expect(errorsOf(faults(
      { at: '1s', target: 'db', action: 'flush' },
      { at: '1s', target: 'users-c', action: 'flush' },
      { at: '1s', target: 'c', action: 'slow', factor: 2 },
      { at: '1s', target: 'c', action: 'setWorkers', workers: 2 },
    ))).toEqual([
      'faults[0].action: action "flush" does not apply to "db", a database (it takes crash, recover, slow, error, setWorkers)',
      'faults[1].action: action "flush" does not apply to "users-c", a link (it takes down, up, degrade)',
      'faults[2].action: action "slow" does not apply to "c", a cache (it takes crash, recover, flush)',
      'faults[3].action: action "setWorkers" does not apply to "c", a cache (it takes crash, recover, flush)',
    ]);
  });

  it('an argument given to flush names its own action', () => {
    expect(errorsOf(faults({ at: '1s', target: 'c', action: 'flush', factor: 2 }))).toEqual([
      'faults[0].factor: "factor" is an argument of action "slow", not of "flush"',
    ]);
  });

  it('"*" with no cache in the scenario matches nothing: a warning', () => {
    const noCache = scenario({ faults: [{ at: '1s', target: '*', action: 'flush' }] });
    expect(parseOk(noCache).warnings).toEqual(['faults[0].target: "*" matches nothing: action "flush" applies to cache, and the scenario has none']);
  });

  it('a misspelt action is suggested', () => {
    expect(errorsOf(faults({ at: '1s', target: 'c', action: 'flsuh' }))).toEqual(['faults[0].action: unknown action "flsuh" (did you mean "flush"?)']);
  });
});
