/** A station's downstream calls, and the `when` class selector they share with bulkheads. */
import type { CallSpec, CircuitBreakerSpec } from '../engine/index.ts';
import { z } from './zod.ts';
import { fields, leaf, reject } from './fields.ts';
import { durationField } from './durations.ts';
import { noRetry, retrySchema } from './retry.ts';
import { circuitBreakerSchema } from './resilience.ts';
import { nodeRefField } from './values.ts';
import { describeValue, isPlainObject, scenarioErrorMap } from './errors.ts';
import { SCENARIO_LIMITS } from './limits.ts';

/** `when`: one class name or a list of them → string[]; absent → null (every class). */
export function classSelectorField(description: string) {
  return leaf({
    expected: 'a class name or a non-empty list of class names',
    json: {
      anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
      description,
    },
    read: (value) => {
      if (typeof value === 'string' && value !== '') return [value];
      if (!Array.isArray(value)) return reject();
      if (value.length === 0) return reject('expected at least one class name, got an empty list (leave "when" out to apply to every class)');
      if (value.length > SCENARIO_LIMITS.maxClassesPerClient) return reject(`expected at most ${SCENARIO_LIMITS.maxClassesPerClient} class names, got ${value.length}`);
      const bad = value.find((name) => typeof name !== 'string' || name === '');
      return bad === undefined ? (value as string[]) : reject(`expected a list of class names, but one is ${describeValue(bad)}`);
    },
  });
}

/** A call's own breaker: an object, or null for none (overriding the node's `circuitBreaker`). */
const callBreakerField = z
  .unknown()
  .transform((value, ctx): CircuitBreakerSpec | null => {
    if (value === null) return null;
    if (!isPlainObject(value)) {
      ctx.addIssue({ code: 'custom', message: `expected a circuit breaker object, or null for none, got ${describeValue(value)}` });
      return z.NEVER;
    }
    const result = circuitBreakerSchema.safeParse(value, { error: scenarioErrorMap });
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  })
  .meta({
    anyOf: [{ $ref: '#/definitions/circuitBreaker' }, { type: 'null' }],
    description: 'A circuit breaker on this call; null = none. Default: the node\'s own "circuitBreaker", if any.',
  });

/** A call as read: `circuitBreaker` undefined = the station's, null = none. */
export type ReadCall = Omit<CallSpec, 'circuitBreaker'> & { circuitBreaker: CircuitBreakerSpec | null | undefined };

export const callSchema = fields({
  to: nodeRefField('The node called (a link from this node must lead there).'),
  when: classSelectorField('Only requests of these classes make this call. Default: every class.').optional(),
  timeout: durationField({ positive: true, absentMeans: 'no timeout', description: 'Per attempt. Default: none.' }).optional(),
  retry: retrySchema.optional(),
  circuitBreaker: callBreakerField.optional(),
}).transform(
  (call): ReadCall => ({
    to: call.to,
    when: call.when ?? null,
    timeoutMs: call.timeout ?? Infinity,
    retry: call.retry ?? noRetry(),
    circuitBreaker: call.circuitBreaker,
  }),
).meta({ id: 'call' });
