/**
 * kind "cache": a cache in front of a `backend`. Each request reads one key (Zipf popularity over
 * `keys`); a miss calls the backend (with `timeout` and `retry`) and keeps the answer for `ttl`.
 */
import type { CacheSpec } from '../engine/index.ts';
import { fields, leaf, reject } from './fields.ts';
import { durationField } from './durations.ts';
import { noRetry, retrySchema } from './retry.ts';
import { booleanField, nodeRefField, numberField, wholeNumberField } from './values.ts';
import { nodeBaseShape } from './node-base.ts';
import { SCENARIO_LIMITS } from './limits.ts';

export const DEFAULT_CACHE_KEYS = 1000;
export const DEFAULT_ZIPF = 1;

const popularitySchema = fields({
  zipf: numberField({ min: 0, description: `Zipf exponent of key popularity: 0 = uniform, 1 = classic Zipf; larger = more skewed. Default ${DEFAULT_ZIPF}.` }),
});

/** Entries kept at most: a whole number ≥ 1, or null (unbounded → Infinity). */
const cacheCapacityField = leaf({
  expected: 'a whole number ≥ 1, or null for unbounded',
  json: {
    anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }],
    description: 'Entries kept at most; the least recently used is evicted. null = unbounded. Default null.',
  },
  read: (value) => (value === null ? Infinity : Number.isSafeInteger(value) && (value as number) >= 1 ? (value as number) + 0 : reject()),
});

export const cacheSchema = fields({
  ...nodeBaseShape('cache'),
  backend: nodeRefField('The node a miss is read from (a link from the cache must lead there).'),
  keys: wholeNumberField({
    min: 1,
    max: SCENARIO_LIMITS.maxCacheKeys,
    maxIsLimit: true,
    description: `Distinct keys requests read. Default ${DEFAULT_CACHE_KEYS}.`,
  }).prefault(DEFAULT_CACHE_KEYS),
  popularity: popularitySchema.prefault({ zipf: DEFAULT_ZIPF }),
  capacity: cacheCapacityField.prefault(null),
  ttl: durationField({ positive: true, description: 'How long a stored answer stays fresh (> 0).' }),
  ttlJitter: numberField(
    { min: 0, max: 1, description: 'Each TTL is drawn uniformly within ± this fraction of ttl: 0.1 = ±10%. Default 0.' },
    'a fraction from 0 to 1 (0.1 = ±10%)',
  ).prefault(0),
  negativeTtl: durationField({ description: 'How long a failed backend answer is kept (and served as a failure); 0 = failures are not stored. Default 0.' }).prefault(0),
  coalesce: booleanField('One backend call per key at a time; later misses for that key wait for it. Default false.').prefault(false),
  staleWhileRevalidate: durationField({
    description: 'For this long after expiry an entry is still served (stale) while one background refresh runs. Default 0.',
  }).prefault(0),
  hitTime: durationField({ description: 'Time to answer from the cache. Default "1ms".' }).prefault('1ms'),
  warm: booleanField('Every key starts cached, as if all were loaded at the start of the run. Default false.').prefault(false),
  timeout: durationField({ positive: true, absentMeans: 'no timeout', description: 'Per attempt at the backend. Default: none.' }).optional(),
  retry: retrySchema.optional(),
}).transform(
  (cache): CacheSpec => ({
    kind: 'cache',
    id: cache.id,
    label: cache.label ?? cache.id,
    backend: cache.backend,
    keys: cache.keys,
    zipfExponent: cache.popularity?.zipf ?? DEFAULT_ZIPF,
    capacity: cache.capacity,
    ttlMs: cache.ttl,
    ttlJitter: cache.ttlJitter,
    negativeTtlMs: cache.negativeTtl,
    coalesce: cache.coalesce,
    staleWhileRevalidateMs: cache.staleWhileRevalidate,
    hitTimeMs: cache.hitTime,
    warm: cache.warm,
    timeoutMs: cache.timeout ?? Infinity,
    retry: cache.retry ?? noRetry(),
  }),
);
