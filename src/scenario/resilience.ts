/**
 * Limits on retries (`retry.budget`, `retry.breaker`) and the circuit breaker on a call
 * (`circuitBreaker`). Every field but a few has a default; see docs/format.md.
 */
import type { CircuitBreakerSpec, RetryBreakerSpec, RetryBudgetSpec } from '../engine/index.ts';
import { z } from './zod.ts';
import { fields } from './fields.ts';
import { durationField, parseDuration } from './durations.ts';
import { nodeRefField, numberField, probabilityField, wholeNumberField } from './values.ts';

/** Defaults in the file's own notation (docs/format.md lists them). */
const DEFAULT_WINDOW = '10s';
export const BUDGET_DEFAULTS = { minPerSec: 0, window: DEFAULT_WINDOW, perRequest: 0, perSuccess: 0, perRetry: 1 } as const;
export const RETRY_BREAKER_DEFAULTS = { window: DEFAULT_WINDOW, minAttempts: 10 } as const;
export const CIRCUIT_BREAKER_DEFAULTS = { failureRatio: 0.5, window: DEFAULT_WINDOW, minAttempts: 20, openFor: '5s', halfOpenProbes: 1 } as const;

const windowField = (what: string) =>
  durationField({ positive: true, description: `The sliding window ${what} counted over. Default "${DEFAULT_WINDOW}".` }).prefault(DEFAULT_WINDOW);

const bucketSchema = fields({
  capacity: numberField({ min: 0, minExclusive: true, description: 'Tokens the bucket holds; it starts full.' }),
  perRequest: numberField({ min: 0, description: 'Tokens each original request adds. Default 0.' }).prefault(BUDGET_DEFAULTS.perRequest),
  perSuccess: numberField({ min: 0, description: 'Tokens each successful attempt adds. Default 0.' }).prefault(BUDGET_DEFAULTS.perSuccess),
  perRetry: numberField({ min: 0, minExclusive: true, description: 'Tokens a retry costs; allowed only while that many are left. Default 1.' }).prefault(
    BUDGET_DEFAULTS.perRetry,
  ),
})
  .transform((bucket, ctx): RetryBudgetSpec => {
    if (bucket.perRequest === 0 && bucket.perSuccess === 0) {
      ctx.addIssue({ code: 'custom', message: 'expected "perRequest" or "perSuccess" above 0 (else the bucket never refills), got neither' });
    }
    if (bucket.perRetry > bucket.capacity) {
      ctx.addIssue({
        code: 'custom',
        path: ['perRetry'],
        message: `expected at most the capacity (${bucket.capacity}), got ${bucket.perRetry}: no retry could ever be paid for`,
      });
    }
    return { kind: 'bucket', ...bucket };
  })
  .meta({ anyOf: [{ required: ['perRequest'] }, { required: ['perSuccess'] }] });

/** `{ ratio, minPerSec?, window? }` or `{ bucket: { … } }`: exactly one of the two. */
export const retryBudgetSchema = fields({
  ratio: numberField({ min: 0, description: 'Retries allowed per original request, over the window: 0.1 = 10%.' }).optional(),
  minPerSec: numberField({ min: 0, description: 'Ratio budget: retries per second allowed on top, however few the requests. Default 0.' }).optional(),
  window: durationField({ positive: true, description: `Ratio budget: the sliding window requests and retries are counted over. Default "${DEFAULT_WINDOW}".` }).optional(),
  bucket: bucketSchema.optional(),
})
  .transform((budget, ctx): RetryBudgetSpec => {
    const { ratio, minPerSec, window, bucket } = budget;
    if ((ratio === undefined) === (bucket === undefined)) {
      const got = ratio === undefined ? 'neither' : 'both';
      ctx.addIssue({ code: 'custom', message: `expected exactly one of "ratio" (a share of requests) or "bucket" (a token bucket), got ${got}` });
      return z.NEVER;
    }
    if (bucket !== undefined) {
      for (const [key, value] of Object.entries({ minPerSec, window })) {
        if (value !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" belongs to a ratio budget; this one has a "bucket"` });
      }
      return bucket;
    }
    // minPerSec and window are optional rather than defaulted so that a bucket can refuse them
    return { kind: 'ratio', ratio: ratio ?? 0, minPerSec: minPerSec ?? BUDGET_DEFAULTS.minPerSec, windowMs: window ?? (parseDuration(DEFAULT_WINDOW) as number) };
  })
  .meta({
    oneOf: [
      { required: ['ratio'], not: { required: ['bucket'] } },
      { required: ['bucket'], not: { anyOf: [{ required: ['ratio'] }, { required: ['minPerSec'] }, { required: ['window'] }] } },
    ],
  });

/** No retries while too many attempts fail. */
export const retryBreakerSchema = fields({
  failureRatio: probabilityField('No retries while the share of failed attempts over the window is above this.'),
  window: windowField('attempts and failures are'),
  minAttempts: wholeNumberField({
    min: 1,
    description: `Fewer attempts than this in the window never stop retries. Default ${RETRY_BREAKER_DEFAULTS.minAttempts}.`,
  }).prefault(RETRY_BREAKER_DEFAULTS.minAttempts),
}).transform(({ failureRatio, window, minAttempts }): RetryBreakerSpec => ({ failureRatio, windowMs: window, minAttempts }));

/** The circuit breaker on a downstream call. */
export const circuitBreakerSchema = fields({
  failureRatio: numberField(
    { min: 0, minExclusive: true, max: 1, description: 'Opens when the share of failed attempts over the window reaches this. Default 0.5.' },
    'a number > 0 and ≤ 1',
  ).prefault(CIRCUIT_BREAKER_DEFAULTS.failureRatio),
  window: windowField('attempts and failures are'),
  minAttempts: wholeNumberField({
    min: 1,
    description: `Fewer attempts than this in the window never open the breaker. Default ${CIRCUIT_BREAKER_DEFAULTS.minAttempts}.`,
  }).prefault(CIRCUIT_BREAKER_DEFAULTS.minAttempts),
  openFor: durationField({ positive: true, description: 'How long it stays open (refusing attempts) before letting probes through. Default "5s".' }).prefault(
    CIRCUIT_BREAKER_DEFAULTS.openFor,
  ),
  halfOpenProbes: wholeNumberField({
    min: 1,
    description: 'Attempts let through when half-open: all succeed → closed, any fails → open again. Default 1.',
  }).prefault(CIRCUIT_BREAKER_DEFAULTS.halfOpenProbes),
  fallback: nodeRefField('A node called instead while open (a link from this node must lead there). Default: none, attempts fail with "circuitOpen".').optional(),
}).transform(
  (breaker): CircuitBreakerSpec => ({
    failureRatio: breaker.failureRatio,
    windowMs: breaker.window,
    minAttempts: breaker.minAttempts,
    openMs: breaker.openFor,
    halfOpenProbes: breaker.halfOpenProbes,
    fallback: breaker.fallback ?? null,
  }),
).meta({ id: 'circuitBreaker' });
