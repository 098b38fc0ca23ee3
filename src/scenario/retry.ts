/** Retry policy: used by clients, by each downstream call, by balancers and by caches. */
import type { RetrySpec } from '../engine/index.ts';
import { fields } from './fields.ts';
import { durationField } from './durations.ts';
import { choiceField, numberField, wholeNumberField } from './values.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { retryBreakerSchema, retryBudgetSchema } from './resilience.ts';

export const JITTERS = ['none', 'full', 'equal', 'decorrelated'] as const;

const backoffSchema = fields({
  base: durationField({ description: 'Delay before the first retry. Default 0.' }).prefault(0),
  cap: durationField({ absentMeans: 'no cap', description: 'Largest delay. Default: no cap.' }).optional(),
  multiplier: numberField({ min: 1, description: 'Each delay is the previous one times this. Default 2.' }).prefault(2),
});

export function noRetry(): RetrySpec {
  return { attempts: 1, backoff: { baseMs: 0, capMs: Infinity, multiplier: 2 }, jitter: 'none', budget: null, breaker: null };
}

export const retrySchema = fields({
  attempts: wholeNumberField({
    min: 1,
    max: SCENARIO_LIMITS.maxRetryAttempts,
    maxIsLimit: true,
    description: 'Total attempts, the first included: 1 means no retry. Default 1.',
  }).prefault(1),
  backoff: backoffSchema.prefault({}),
  jitter: choiceField(JITTERS, 'Randomisation of each delay. Default "none".').prefault('none'),
  budget: retryBudgetSchema.optional(),
  breaker: retryBreakerSchema.optional(),
}).transform(
  ({ attempts, backoff, jitter, budget, breaker }): RetrySpec => ({
    attempts,
    backoff: { baseMs: backoff.base, capMs: backoff.cap ?? Infinity, multiplier: backoff.multiplier },
    jitter,
    budget: budget ?? null,
    breaker: breaker ?? null,
  }),
).meta({ id: 'retry', description: 'Retry policy. Default: 1 attempt (no retry).' });
