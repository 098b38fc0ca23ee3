/** docs/scenario.schema.json: current with the zod schemas, and agreeing with the parser. */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultsSchema, defaultsSchemaText, scenarioJsonSchemaText } from '../../src/scenario/json-schema';
import { parseScenario } from '../../src/scenario';
import { scenario, threeTier, withCache, withTokens } from './fixtures';

const SCHEMA_FILE = fileURLToPath(new URL('../../docs/scenario.schema.json', import.meta.url));

describe('docs/scenario.schema.json', () => {
  it('is up to date (else run: npx tsx scripts/write-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioJsonSchemaText());
  });
});

describe('src/scenario/defaults-schema.json (what defaultOf reads, zod-free)', () => {
  it('is up to date (else run: npx tsx scripts/write-schema.ts)', () => {
    expect(readFileSync(new URL('../../src/scenario/defaults-schema.json', import.meta.url), 'utf8')).toBe(defaultsSchemaText());
  });

  it('keeps every default whole and drops the words: a default object keeps its own keys', () => {
    const cut = defaultsSchema({ properties: { think: { description: 'pause', default: { dist: 'exponential', mean: '10ms' }, anyOf: [{ $ref: '#/definitions/duration', minimum: 0 }] } }, definitions: { duration: { pattern: 'x', type: 'string' } } });
    expect(cut).toEqual({ properties: { think: { default: { dist: 'exponential', mean: '10ms' }, anyOf: [{ $ref: '#/definitions/duration' }] } }, definitions: { duration: {} } });
  });
});

describe('the JSON Schema and the parser agree', () => {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

  const full = threeTier(
    {
      users: {
        label: 'Users', classes: [{ name: 'ios', weight: 2 }], timeout: '2s', deadline: 10_000, position: { x: 1, y: 2 },
        retry: { attempts: 3, backoff: { base: '10ms', cap: '1s', multiplier: 2 }, jitter: 'decorrelated' },
      },
      api: {
        workers: 'unbounded', queue: { capacity: null, discipline: 'lifo' }, serviceTime: { dist: 'lognormal', median: '5ms', p99: '80ms' },
        errorRate: 0.01, calls: [{ to: 'db', when: ['ios'], timeout: '100ms', retry: { attempts: 2 } }],
      },
      db: { workers: 4, queue: { capacity: 10 }, serviceTime: { dist: 'uniform', min: 1, max: '3ms' } },
    },
    {
      $schema: '../docs/scenario.schema.json', description: '# Full', seed: 7, sampleEvery: '500ms', warmup: '1s',
      links: [
        { id: 'users-api', from: 'users', to: 'api', latency: { dist: 'exponential', mean: '3ms' }, capacity: 1000, buffer: 50, loss: 0.001,
          priority: 1, weight: 2, routing: 'failover', detectAfter: '1s', up: true, back: { latency: '2ms', capacity: null, buffer: null, loss: 0 } },
        { id: 'api-db', from: 'api', to: 'db' },
      ],
      faults: [
        { at: '2s', for: '1s', target: 'api-db', action: 'degrade', latency: '50ms', loss: 0.2, capacity: 10 },
        { at: '3s', target: 'db', action: 'setWorkers', workers: 'unbounded' },
        { at: '3s', target: 'users', action: 'setRate', rate: 0 },
        { at: '4s', target: '*', action: 'crash' },
      ],
      guide: [{ at: 0, title: 'Start', text: '' }],
    },
  );

  const resilient = scenario({
    nodes: [
      { id: 'users', kind: 'client', rate: 10, target: 'c', deadline: '2s', propagateDeadline: false,
        retry: { attempts: 3, budget: { ratio: 0.1, minPerSec: 1, window: '5s' }, breaker: { failureRatio: 0.5, window: '10s', minAttempts: 5 } } },
      { id: 'c', kind: 'cache', backend: 'api', keys: 500, popularity: { zipf: 0.8 }, capacity: 100, ttl: '1m', ttlJitter: 0.1, negativeTtl: '5s',
        coalesce: true, staleWhileRevalidate: '10s', hitTime: '0.5ms', warm: true, timeout: '1s',
        retry: { attempts: 2, budget: { bucket: { capacity: 10, perRequest: 0.1, perSuccess: 0, perRetry: 1 } } } },
      { id: 'api', kind: 'service', slowdownPerInFlight: '1ms', propagateDeadline: true, cancelOnCallerGiveUp: true,
        queue: { capacity: 100, discipline: 'lifo', maxWait: '500ms' },
        circuitBreaker: { failureRatio: 0.5, window: '10s', minAttempts: 20, openFor: '5s', halfOpenProbes: 2, fallback: 'backup' },
        calls: [{ to: 'db', circuitBreaker: null }, { to: 'backup', circuitBreaker: { failureRatio: 1 } }],
        bulkheads: [{ name: 'db-pool', to: 'db', workers: 4, queue: { capacity: 10, maxWait: '100ms' } }, { when: ['default'], workers: 'unbounded' }] },
      { id: 'db', kind: 'database' },
      { id: 'backup', kind: 'external' },
    ],
    links: [
      { id: 'users-c', from: 'users', to: 'c' }, { id: 'c-api', from: 'c', to: 'api' },
      { id: 'api-db', from: 'api', to: 'db' }, { id: 'api-backup', from: 'api', to: 'backup' },
    ],
    faults: [{ at: '1s', target: 'c', action: 'flush' }, { at: '2s', target: '*', action: 'flush', for: '1s' }],
  });

  const tokens = scenario({
    duration: '1d',
    nodes: [
      { id: 'users', kind: 'client', users: 100, target: 'api', classes: [{ name: 'ios', weight: 1 }, { name: 'sms', weight: 1 }],
        auth: { issuer: 'idp', sessions: 100, refreshBefore: '5m' } },
      { id: 'api', kind: 'service', replicas: 20,
        auth: { keyset: 'jwks', refreshEvery: '12h', refreshOnUnknownKey: true, minRefreshInterval: '5m', negativeTtl: '1h', keepLastKnownGood: false, fetchTimeout: '2s' } },
      { id: 'idp', kind: 'identity', signingKey: 'key-a', tokenLifetime: { dist: 'uniform', min: '60m', max: '90m' }, workers: 50, replicas: 2,
        mfa: { via: 'mfa', when: ['ios', 'sms'], timeout: '30s', retry: { attempts: 2 } }, bulkheads: [{ to: 'mfa', workers: 10 }] },
      { id: 'mfa', kind: 'service', calls: [{ to: 'apns', when: 'ios' }] },
      { id: 'apns', kind: 'external' },
      { id: 'jwks', kind: 'keyset', keys: ['key-a', 'key-b'], workers: 'unbounded', serviceTime: '5ms' },
    ],
    links: [
      { id: 'users-api', from: 'users', to: 'api' }, { id: 'users-idp', from: 'users', to: 'idp' }, { id: 'idp-mfa', from: 'idp', to: 'mfa' },
      { id: 'mfa-apns', from: 'mfa', to: 'apns' }, { id: 'api-jwks', from: 'api', to: 'jwks' },
    ],
    faults: [
      { at: '19h', target: 'jwks', action: 'removeKey', key: 'key-a' },
      { at: '20h', target: 'jwks', action: 'addKey', key: 'key-a', for: '1h' },
      { at: '21h', target: 'jwks', action: 'restore' },
      { at: '22h', target: 'idp', action: 'setSigningKey', key: 'key-b' },
      { at: '23h', target: '*', action: 'forceRefresh' },
      { at: '23h', target: 'api', action: 'forceRefresh' },
    ],
  });

  it.each([
    ['the smallest scenario', scenario()],
    ['a scenario using every token field', tokens],
    ['a scenario using every field', full],
    ['a scenario using every resilience and cache field', resilient],
  ])('accepts %s, as the parser does', (_name, input) => {
    expect(parseScenario(input).ok).toBe(true);
    expect(validate(input)).toBe(true);
  });

  it.each([
    ['a misspelt field', threeTier({ users: { rat: 3 } })],
    ['a field of another kind', threeTier({ api: { signingKey: 'k1' } })],
    ['an identity without a signing key', threeTier({ db: { kind: 'identity' } })],
    ['a bad duration', scenario({ duration: '10 minutes' })],
    ['a unitless duration string', scenario({ duration: '100' })],
    ['a bad distribution', threeTier({ api: { serviceTime: { dist: 'exponential', mean: '1ms', extra: 1 } } })],
    ['workers 0', threeTier({ api: { workers: 0 } })],
    ['a fault argument of another action', threeTier({}, { faults: [{ at: 0, target: 'api', action: 'crash', factor: 2 }] })],
    ['a bad id', threeTier({ db: { id: 'has space' } })],
    ['a missing target', threeTier({ users: { target: undefined } })],
    ['a budget with both ratio and bucket', threeTier({ users: { retry: { attempts: 2, budget: { ratio: 0.1, bucket: { capacity: 1, perSuccess: 1 } } } } })],
    ['a budget with neither', threeTier({ users: { retry: { attempts: 2, budget: {} } } })],
    ['a bucket budget with a window', threeTier({ users: { retry: { attempts: 2, budget: { bucket: { capacity: 1, perSuccess: 1 }, window: '1s' } } } })],
    ['a circuit breaker failure ratio of 0', threeTier({ api: { calls: [{ to: 'db', circuitBreaker: { failureRatio: 0 } }] } })],
    ['a call circuit breaker that is not an object or null', threeTier({ api: { calls: [{ to: 'db', circuitBreaker: true }] } })],
    ['a bulkhead with neither when nor to', threeTier({ api: { bulkheads: [{ workers: 1 }] } })],
    ['a bulkhead without workers', threeTier({ api: { bulkheads: [{ to: 'db' }] } })],
    ['a cache without a ttl', withCache({ ttl: undefined })],
    ['a cache with capacity 0', withCache({ capacity: 0 })],
    ['a cache ttlJitter above 1', withCache({ ttlJitter: 2 })],
    ['a flush with an argument', withCache({}, { faults: [{ at: 0, target: 'c', action: 'flush', factor: 2 }] })],
    ['client auth without an issuer', withTokens({ users: { auth: {} } })],
    ['a validator without refreshEvery', withTokens({ api: { auth: { keyset: 'jwks' } } })],
    ['replicas 0', withTokens({ api: { replicas: 0 } })],
    ['auth on an identity provider', withTokens({ idp: { auth: { keyset: 'jwks', refreshEvery: '1h' } } })],
    ['a key set with no keys', withTokens({ jwks: { keys: [] } })],
    ['a bad key id', withTokens({ jwks: { keys: ['a key'] } })],
    ['removeKey without a key', withTokens({}, { faults: [{ at: 0, target: 'jwks', action: 'removeKey' }] })],
    ['restore with a key', withTokens({}, { faults: [{ at: 0, target: 'jwks', action: 'restore', key: 'k1' }] })],
  ])('rejects %s, as the parser does', (_name, input) => {
    expect(parseScenario(input).ok).toBe(false);
    expect(validate(input)).toBe(false);
  });
});

describe('the JSON Schema knows experiments', () => {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  const dir = fileURLToPath(new URL('../../src/scenarios/experiments/', import.meta.url));

  it('accepts every built-in experiment file, which the parser accepts too', () => {
    for (const name of ['s1-hockey-stick.json', 's4-collapse-probability.json', 's8-recovery-vs-refresh.json']) {
      const doc = JSON.parse(readFileSync(dir + name, 'utf8'));
      expect(parseScenario(doc).ok, name).toBe(true);
      expect(validate(doc), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects an unknown field inside experiment, as the parser does', () => {
    const doc = JSON.parse(readFileSync(dir + 's4-collapse-probability.json', 'utf8'));
    doc.experiment.repeat = 3;
    expect(parseScenario(doc).ok).toBe(false);
    expect(validate(doc)).toBe(false);
  });
});
