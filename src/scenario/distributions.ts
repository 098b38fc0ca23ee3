/**
 * Distributions of a time: a duration (constant), or { dist: "exponential", mean },
 * { dist: "uniform", min, max }, { dist: "lognormal", median, p99 }. Values are durations.
 */
import type { DistributionSpec } from '../engine/index.ts';
import { z } from './zod.ts';
import { describeValue, isPlainObject, scenarioErrorMap, quote } from './errors.ts';
import { fields } from './fields.ts';
import { definitionRef, durationField, formatDuration, parseDuration } from './durations.ts';
import { didYouMean } from './suggest.ts';

const exponentialSchema = fields({
  dist: z.literal('exponential'),
  // > 0: a zero mean is a constant 0, and would make the sampler compute 0 · ∞
  mean: durationField({ positive: true }),
}).transform(({ mean }): DistributionSpec => ({ dist: 'exponential', meanMs: mean }));

const uniformSchema = fields({
  dist: z.literal('uniform'),
  min: durationField(),
  max: durationField(),
}).transform(({ min, max }, ctx): DistributionSpec => {
  if (max < min) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: `expected a duration ≥ min (${formatDuration(min)}), got ${formatDuration(max)}` });
  }
  return { dist: 'uniform', minMs: min, maxMs: max };
});

const lognormalSchema = fields({
  dist: z.literal('lognormal'),
  median: durationField({ positive: true }),
  p99: durationField({ positive: true }),
}).transform(({ median, p99 }, ctx): DistributionSpec => {
  if (p99 < median) {
    ctx.addIssue({ code: 'custom', path: ['p99'], message: `expected a duration ≥ median (${formatDuration(median)}), got ${formatDuration(p99)}` });
  }
  return { dist: 'lognormal', medianMs: median, p99Ms: p99 };
});

const DISTRIBUTION_SCHEMAS = { exponential: exponentialSchema, uniform: uniformSchema, lognormal: lognormalSchema } as const;
const DIST_NAMES = Object.keys(DISTRIBUTION_SCHEMAS);
const DIST_EXPECTED = DIST_NAMES.map((name) => quote(name)).join(', ');

function objectJson(dist: string, properties: Record<string, string>) {
  const props: Record<string, unknown> = { dist: { const: dist } };
  for (const [key, text] of Object.entries(properties)) props[key] = definitionRef('duration', text);
  return { type: 'object', properties: props, required: Object.keys(props), additionalProperties: false };
}

/**
 * The editor schema's definition of a distribution. Written out (not generated from the schemas
 * above) because zod can only describe this field's input as "unknown";
 * tests/scenario/json-schema.test.ts checks that parser and schema agree on examples.
 */
export const DISTRIBUTION_JSON = {
  anyOf: [
  definitionRef('duration', 'A constant.'),
  objectJson('exponential', { mean: 'Mean (> 0).' }),
  objectJson('uniform', { min: 'Smallest value.', max: 'Largest value (≥ min).' }),
  objectJson('lognormal', { median: 'Median, p50 (> 0).', p99: '99th percentile (≥ median).' }),
  ],
};

export function constantMs(valueMs: number): DistributionSpec {
  return { dist: 'constant', valueMs };
}

/**
 * A distribution field. Dispatches on `dist` by hand so that a broken `uniform` reports
 * `latency.max: …`, not "matched none of 4 alternatives".
 */
export function distributionField(description?: string) {
  return z
    .unknown()
    .transform((value, ctx): DistributionSpec => {
      if (isPlainObject(value)) {
        const dist = value.dist;
        const schema = typeof dist === 'string' && Object.hasOwn(DISTRIBUTION_SCHEMAS, dist)
          ? DISTRIBUTION_SCHEMAS[dist as keyof typeof DISTRIBUTION_SCHEMAS]
          : undefined;
        if (schema === undefined) {
          const hint = typeof dist === 'string' ? didYouMean(dist, DIST_NAMES) : '';
          const constantHint = dist === 'constant' ? ' (for a constant, write the duration itself)' : hint;
          const message = dist === undefined
            ? `required field is missing; expected one of ${DIST_EXPECTED}`
            : `expected one of ${DIST_EXPECTED}, got ${describeValue(dist)}${constantHint}`;
          ctx.addIssue({ code: 'custom', path: ['dist'], message });
          return z.NEVER;
        }
        const result = schema.safeParse(value, { error: scenarioErrorMap });
        if (result.success) return result.data;
        for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
        return z.NEVER;
      }
      const ms = parseDuration(value);
      if (ms !== null) return constantMs(ms);
      const message = value === undefined
        ? 'required field is missing; expected a duration or a distribution'
        : `expected a duration (a number of ms, or a string like "250ms", "5m") or a distribution ({ "dist": ${DIST_EXPECTED}, … }), got ${describeValue(value)}`;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    })
    .meta(definitionRef('distribution', description));
}
