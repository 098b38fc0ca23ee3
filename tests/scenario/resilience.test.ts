/** retry.budget, retry.breaker and circuitBreaker: normalised values, messages and paths, checks across the file. */
import { describe, expect, it } from 'vitest';
import { errorsOf, nodeOf, parseOk, scenario, threeTier } from './fixtures';

const POSITIVE_DURATION = 'a duration > 0 (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';

/** The client's retry (3 attempts) with `fields` added. */
const clientRetry = (fields: Record<string, unknown>) => threeTier({ users: { retry: { attempts: 3, ...fields } } });
const budgetOf = (budget: unknown) => nodeOf(parseOk(clientRetry({ budget })).spec, 'users', 'client').retry.budget;
const budgetErrors = (budget: unknown) => errorsOf(clientRetry({ budget }));

describe('retry.budget', () => {
  it('is null when left out, on every kind of caller', () => {
    const { spec } = parseOk(threeTier());
    expect(nodeOf(spec, 'users', 'client').retry).toMatchObject({ budget: null, breaker: null });
    expect(nodeOf(spec, 'api', 'service').calls[0]?.retry).toMatchObject({ budget: null, breaker: null });
  });

  it('ratio: minPerSec 0 and a 10 s window by default', () => {
    expect(budgetOf({ ratio: 0.1 })).toEqual({ kind: 'ratio', ratio: 0.1, minPerSec: 0, windowMs: 10_000 });
  });

  it('ratio: reads minPerSec and window (ms)', () => {
    expect(budgetOf({ ratio: 0.2, minPerSec: 5, window: '1.5m' })).toEqual({ kind: 'ratio', ratio: 0.2, minPerSec: 5, windowMs: 90_000 });
    expect(budgetOf({ ratio: 0, window: 250 })).toEqual({ kind: 'ratio', ratio: 0, minPerSec: 0, windowMs: 250 });
  });

  it('bucket: perRequest and perSuccess 0, perRetry 1 by default', () => {
    expect(budgetOf({ bucket: { capacity: 10, perSuccess: 0.1 } })).toEqual({ kind: 'bucket', capacity: 10, perRequest: 0, perSuccess: 0.1, perRetry: 1 });
  });

  it('bucket: reads every field', () => {
    expect(budgetOf({ bucket: { capacity: 100, perRequest: 0.5, perSuccess: 2, perRetry: 10 } })).toEqual({
      kind: 'bucket', capacity: 100, perRequest: 0.5, perSuccess: 2, perRetry: 10,
    });
  });

  it('is read on a call\'s retry too', () => {
    const { spec } = parseOk(threeTier({ api: { calls: [{ to: 'db', retry: { attempts: 2, budget: { ratio: 0.5 } } }] } }));
    expect(nodeOf(spec, 'api', 'service').calls[0]?.retry.budget).toEqual({ kind: 'ratio', ratio: 0.5, minPerSec: 0, windowMs: 10_000 });
  });

  it.each([
    [{}, 'nodes[0].retry.budget: expected exactly one of "ratio" (a share of requests) or "bucket" (a token bucket), got neither'],
    [{ ratio: 0.1, bucket: { capacity: 1, perSuccess: 1 } }, 'nodes[0].retry.budget: expected exactly one of "ratio" (a share of requests) or "bucket" (a token bucket), got both'],
    [0.1, 'nodes[0].retry.budget: expected an object, got 0.1'],
    [{ ratio: -0.1 }, 'nodes[0].retry.budget.ratio: expected a number ≥ 0, got -0.1'],
    [{ ratio: '10%' }, 'nodes[0].retry.budget.ratio: expected a number ≥ 0, got "10%"'],
    [{ ratio: 0.1, minPerSec: -1 }, 'nodes[0].retry.budget.minPerSec: expected a number ≥ 0, got -1'],
    [{ ratio: 0.1, window: 0 }, `nodes[0].retry.budget.window: expected ${POSITIVE_DURATION}, got 0`],
    [{ ration: 0.1 }, 'nodes[0].retry.budget.ration: unknown field (did you mean "ratio"?)'],
    [{ bucket: { capacity: 10 } }, 'nodes[0].retry.budget.bucket: expected "perRequest" or "perSuccess" above 0 (else the bucket never refills), got neither'],
    [{ bucket: { capacity: 10, perRequest: 0, perSuccess: 0 } }, 'nodes[0].retry.budget.bucket: expected "perRequest" or "perSuccess" above 0 (else the bucket never refills), got neither'],
    [{ bucket: { perSuccess: 1 } }, 'nodes[0].retry.budget.bucket.capacity: required field is missing; expected a number > 0'],
    [{ bucket: { capacity: 0, perSuccess: 1 } }, 'nodes[0].retry.budget.bucket.capacity: expected a number > 0, got 0'],
    [{ bucket: { capacity: 5, perSuccess: -1 } }, 'nodes[0].retry.budget.bucket.perSuccess: expected a number ≥ 0, got -1'],
    [{ bucket: { capacity: 5, perRequest: -1, perSuccess: 1 } }, 'nodes[0].retry.budget.bucket.perRequest: expected a number ≥ 0, got -1'],
    [{ bucket: { capacity: 5, perSuccess: 1, perRetry: 0 } }, 'nodes[0].retry.budget.bucket.perRetry: expected a number > 0, got 0'],
    [{ bucket: { capacity: 2, perSuccess: 1, perRetry: 3 } }, 'nodes[0].retry.budget.bucket.perRetry: expected at most the capacity (2), got 3: no retry could ever be paid for'],
    [{ bucket: { capacity: 5, perSucess: 1 } }, 'nodes[0].retry.budget.bucket.perSucess: unknown field (did you mean "perSuccess"?)'],
    [{ bucket: 5 }, 'nodes[0].retry.budget.bucket: expected an object, got 5'],
  ])('%j', (budget, message) => {
    expect(budgetErrors(budget)).toEqual([message]);
  });

  it('minPerSec and window belong to a ratio budget', () => {
    expect(budgetErrors({ bucket: { capacity: 5, perSuccess: 1 }, minPerSec: 1, window: '5s' })).toEqual([
      'nodes[0].retry.budget.minPerSec: "minPerSec" belongs to a ratio budget; this one has a "bucket"',
      'nodes[0].retry.budget.window: "window" belongs to a ratio budget; this one has a "bucket"',
    ]);
  });

  it('with one attempt it has no effect: a warning', () => {
    const { warnings } = parseOk(threeTier({ users: { retry: { budget: { ratio: 0.1 } } } }));
    expect(warnings).toEqual(['nodes[0].retry.budget: has no effect with "attempts": 1 (no retries to limit)']);
  });
});

describe('retry.breaker', () => {
  const breakerOf = (breaker: unknown) => nodeOf(parseOk(clientRetry({ breaker })).spec, 'users', 'client').retry.breaker;

  it('a 10 s window and 10 attempts at least by default', () => {
    expect(breakerOf({ failureRatio: 0.5 })).toEqual({ failureRatio: 0.5, windowMs: 10_000, minAttempts: 10 });
  });

  it('reads every field', () => {
    expect(breakerOf({ failureRatio: 0, window: '30s', minAttempts: 1 })).toEqual({ failureRatio: 0, windowMs: 30_000, minAttempts: 1 });
    expect(breakerOf({ failureRatio: 1, window: 500, minAttempts: 200 })).toEqual({ failureRatio: 1, windowMs: 500, minAttempts: 200 });
  });

  it.each([
    [{}, 'nodes[0].retry.breaker.failureRatio: required field is missing; expected a probability from 0 to 1'],
    [{ failureRatio: 1.5 }, 'nodes[0].retry.breaker.failureRatio: expected a probability from 0 to 1, got 1.5'],
    [{ failureRatio: 0.5, window: '0' }, `nodes[0].retry.breaker.window: expected ${POSITIVE_DURATION}, got "0"`],
    [{ failureRatio: 0.5, minAttempts: 0 }, 'nodes[0].retry.breaker.minAttempts: expected a whole number ≥ 1, got 0'],
    [{ failureRatio: 0.5, minAttempts: 2.5 }, 'nodes[0].retry.breaker.minAttempts: expected a whole number ≥ 1, got 2.5'],
    [{ failureRatio: 0.5, openFor: '5s' }, 'nodes[0].retry.breaker.openFor: unknown field'],
    [true, 'nodes[0].retry.breaker: expected an object, got true'],
  ])('%j', (breaker, message) => {
    expect(errorsOf(clientRetry({ breaker }))).toEqual([message]);
  });

  it('with one attempt it has no effect: a warning', () => {
    const { warnings } = parseOk(threeTier({ api: { calls: [{ to: 'db', retry: { breaker: { failureRatio: 0.5 } } }] } }));
    expect(warnings).toEqual(['nodes[1].calls[0].retry.breaker: has no effect with "attempts": 1 (no retries to limit)']);
  });
});

describe('circuitBreaker', () => {
  /** users → api → db, api → backup; `api` fields given. */
  const withBackup = (api: Record<string, unknown>) => scenario({
    nodes: [
      { id: 'users', kind: 'client', rate: 10, target: 'api' },
      { id: 'api', kind: 'service', ...api },
      { id: 'db', kind: 'database' },
      { id: 'backup', kind: 'external' },
    ],
    links: [
      { id: 'users-api', from: 'users', to: 'api' },
      { id: 'api-db', from: 'api', to: 'db' },
      { id: 'api-backup', from: 'api', to: 'backup' },
    ],
  });
  const callsOf = (api: Record<string, unknown>) => nodeOf(parseOk(withBackup(api)).spec, 'api', 'service').calls;
  const DEFAULTS = { failureRatio: 0.5, windowMs: 10_000, minAttempts: 20, openMs: 5000, halfOpenProbes: 1, fallback: null };

  it('is null when left out', () => {
    expect(callsOf({ calls: [{ to: 'db' }] })[0]?.circuitBreaker).toBeNull();
  });

  it('{} fills every default: opens at 50% failures over 10 s after 20 attempts, for 5 s, one probe, no fallback', () => {
    expect(callsOf({ calls: [{ to: 'db', circuitBreaker: {} }] })[0]?.circuitBreaker).toEqual(DEFAULTS);
  });

  it('reads every field (times in ms)', () => {
    const breaker = { failureRatio: 0.25, window: '1m', minAttempts: 5, openFor: '2.5s', halfOpenProbes: 3, fallback: 'backup' };
    expect(callsOf({ calls: [{ to: 'db', circuitBreaker: breaker }] })[0]?.circuitBreaker).toEqual({
      failureRatio: 0.25, windowMs: 60_000, minAttempts: 5, openMs: 2500, halfOpenProbes: 3, fallback: 'backup',
    });
  });

  it('on the node: applies to each call without its own; a call can have its own, or none (null)', () => {
    const calls = callsOf({
      circuitBreaker: { failureRatio: 0.9 },
      calls: [{ to: 'db' }, { to: 'db', circuitBreaker: { minAttempts: 3 } }, { to: 'db', circuitBreaker: null }, { to: 'backup' }],
    });
    expect(calls.map((call) => call.circuitBreaker)).toEqual([
      { ...DEFAULTS, failureRatio: 0.9 },
      { ...DEFAULTS, minAttempts: 3 },
      null,
      { ...DEFAULTS, failureRatio: 0.9 },
    ]);
    expect(calls[0]?.circuitBreaker).not.toBe(calls[3]?.circuitBreaker); // one breaker per call: no shared object
  });

  it.each([
    [{ failureRatio: 0 }, 'circuitBreaker.failureRatio: expected a number > 0 and ≤ 1, got 0'],
    [{ failureRatio: 1.1 }, 'circuitBreaker.failureRatio: expected a number > 0 and ≤ 1, got 1.1'],
    [{ window: -1 }, `circuitBreaker.window: expected ${POSITIVE_DURATION}, got -1`],
    [{ minAttempts: 1.5 }, 'circuitBreaker.minAttempts: expected a whole number ≥ 1, got 1.5'],
    [{ openFor: 0 }, `circuitBreaker.openFor: expected ${POSITIVE_DURATION}, got 0`],
    [{ halfOpenProbes: 0 }, 'circuitBreaker.halfOpenProbes: expected a whole number ≥ 1, got 0'],
    [{ fallback: 'a b' }, 'circuitBreaker.fallback: expected a node id: 1–64 letters, digits, "_", ".", ":" or "-", got "a b"'],
    [{ failureRate: 0.5 }, 'circuitBreaker.failureRate: unknown field (did you mean "failureRatio"?)'],
  ])('on a call: %j', (breaker, message) => {
    expect(errorsOf(withBackup({ calls: [{ to: 'db', circuitBreaker: breaker }] }))).toEqual([`nodes[1].calls[0].${message}`]);
  });

  it('on a call, anything but an object or null is an error', () => {
    expect(errorsOf(withBackup({ calls: [{ to: 'db', circuitBreaker: 3 }] }))).toEqual([
      'nodes[1].calls[0].circuitBreaker: expected a circuit breaker object, or null for none, got 3',
    ]);
  });

  it('on the node, the same checks at the node\'s path', () => {
    expect(errorsOf(withBackup({ calls: [{ to: 'db' }], circuitBreaker: { halfOpenProbes: 0 } }))).toEqual([
      'nodes[1].circuitBreaker.halfOpenProbes: expected a whole number ≥ 1, got 0',
    ]);
    expect(errorsOf(withBackup({ circuitBreaker: null }))).toEqual(['nodes[1].circuitBreaker: expected an object, got null']);
  });

  it('a fallback must be another node than the call\'s own target', () => {
    expect(errorsOf(withBackup({ calls: [{ to: 'db', circuitBreaker: { fallback: 'db' } }] }))).toEqual([
      'nodes[1].calls[0].circuitBreaker.fallback: expected a node other than the call\'s own target "db", got "db"',
    ]);
    expect(errorsOf(withBackup({ calls: [{ to: 'backup' }, { to: 'db' }], circuitBreaker: { fallback: 'db' } }))).toEqual([
      'nodes[1].circuitBreaker.fallback: expected a node other than the target of calls[1], got "db" (give calls[1] its own "circuitBreaker", or null)',
    ]);
  });

  it('a fallback must name a node that can receive, with a link from this node to it', () => {
    expect(errorsOf(withBackup({ calls: [{ to: 'db', circuitBreaker: { fallback: 'backp' } }] }))).toEqual([
      'nodes[1].calls[0].circuitBreaker.fallback: no node has id "backp" (did you mean "backup"?)',
    ]);
    expect(errorsOf(withBackup({ calls: [{ to: 'db', circuitBreaker: { fallback: 'users' } }] }))).toEqual([
      'nodes[1].calls[0].circuitBreaker.fallback: "users" is a client; clients only send requests, they cannot receive them',
    ]);
    expect(errorsOf(withBackup({ calls: [{ to: 'backup' }], circuitBreaker: { fallback: 'users-api' } }))).toEqual([
      'nodes[1].circuitBreaker.fallback: "users-api" is a link, not a node',
    ]);
    expect(errorsOf(threeTier({ db: { calls: [], circuitBreaker: { fallback: 'api' } } }))).toEqual([
      'nodes[2].circuitBreaker.fallback: no link from "db" to "api"',
    ]);
  });

  it('a fallback counts as a call for call cycles, reported where it is written', () => {
    const loop = (api: Record<string, unknown>) => scenario({
      nodes: [
        { id: 'users', kind: 'client', rate: 10, target: 'backup' },
        { id: 'backup', kind: 'service', calls: [{ to: 'api' }] },
        { id: 'api', kind: 'service', ...api },
        { id: 'db', kind: 'database' },
      ],
      links: [
        { id: 'users-backup', from: 'users', to: 'backup' },
        { id: 'backup-api', from: 'backup', to: 'api' },
        { id: 'api-db', from: 'api', to: 'db' },
        { id: 'api-backup', from: 'api', to: 'backup' },
      ],
    });
    expect(errorsOf(loop({ calls: [{ to: 'db', circuitBreaker: { fallback: 'backup' } }] }))).toEqual([
      'nodes[2].calls[0].circuitBreaker.fallback: call cycle "backup" → "api" → "backup": every request would call round it forever',
    ]);
    expect(errorsOf(loop({ calls: [{ to: 'db' }], circuitBreaker: { fallback: 'backup' } }))).toEqual([
      'nodes[2].circuitBreaker.fallback: call cycle "backup" → "api" → "backup": every request would call round it forever',
    ]);
  });

  it('on a node that makes no calls it has no effect: a warning', () => {
    expect(parseOk(threeTier({ db: { circuitBreaker: {} } })).warnings).toEqual([
      'nodes[2].circuitBreaker: has no effect: it applies to the node\'s calls, and this node makes none',
    ]);
  });
});
