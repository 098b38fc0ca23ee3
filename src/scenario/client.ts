/**
 * kind "client": a population of callers. Open loop (`rate` per second, Poisson or constant
 * arrivals) or closed loop (`users` who each wait for an outcome, then think). With `auth`, it
 * signs in at an identity provider and sends its token with every request.
 */
import type { ClientSpec, RequestClassSpec } from '../engine/index.ts';
import { fields, list } from './fields.ts';
import { durationField } from './durations.ts';
import { constantMs, distributionField } from './distributions.ts';
import { noRetry, retrySchema } from './retry.ts';
import { booleanField, choiceField, nodeRefField, numberField, textField, wholeNumberField } from './values.ts';
import { nodeBaseShape } from './node-base.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { clientAuthSchema, readClientAuth } from './auth.ts';
import { quote } from './errors.ts';
import { CLOSED_LOOP_DEFAULTS } from './default-values.ts';

/** Defaults the parser applies itself (no prefault: they depend on the loop); src/scenario/defaults.ts reads them. */
export { CLOSED_LOOP_DEFAULTS } from './default-values.ts';

const requestClassSchema = fields({
  name: textField({ maxLength: SCENARIO_LIMITS.maxClassNameLength, what: 'a class name', nonEmpty: true }),
  weight: numberField({ min: 0, minExclusive: true, description: 'Relative share of requests.' }),
});

export const DEFAULT_CLASSES: readonly RequestClassSpec[] = [{ name: 'default', weight: 1 }];

export const clientSchema = fields(
  {
    ...nodeBaseShape('client'),
    rate: numberField({
      min: 0,
      minExclusive: true,
      max: SCENARIO_LIMITS.maxTotalRatePerSec,
      maxIsLimit: true,
      description: 'Open loop: requests per second. Give either rate or users.',
    }).optional(),
    arrival: choiceField(['poisson', 'constant'], 'Open loop only. Default "poisson".').optional(),
    users: wholeNumberField({
      min: 1,
      max: SCENARIO_LIMITS.maxTotalUsers,
      maxIsLimit: true,
      description: 'Closed loop: users who each send, wait for the outcome, then think.',
    }).optional(),
    // no prefault: a think time on an open-loop client is an error, so the parser applies the default
    think: distributionField(`Closed loop only: pause between a user's requests. Default ${CLOSED_LOOP_DEFAULTS.think}.`).optional(),
    classes: list(requestClassSchema, {
      min: 1,
      max: SCENARIO_LIMITS.maxClassesPerClient,
      noun: ['request class', 'request classes'],
      isLimit: true,
    }).optional(),
    target: nodeRefField('The node this client sends to (a link from the client must lead there).'),
    timeout: durationField({ positive: true, absentMeans: 'no timeout', description: 'Per attempt. Default: none.' }).optional(),
    deadline: durationField({
      positive: true,
      absentMeans: 'no deadline',
      description: 'Per original request, retries included. Default: none.',
    }).optional(),
    propagateDeadline: booleanField('Send the deadline with each request, so servers that know it can shed expired work. Default true.').prefault(true),
    retry: retrySchema.optional(),
    auth: clientAuthSchema.optional(),
  },
).transform((client, ctx): ClientSpec => {
  const open = client.rate !== undefined;
  if (open === (client.users !== undefined)) {
    const got = open ? 'both' : 'neither';
    ctx.addIssue({
      code: 'custom',
      message: `expected exactly one of "rate" (open loop, requests per second) or "users" (closed loop), got ${got}`,
    });
  } else if (open && client.think !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['think'], message: 'think time applies to a closed-loop client ("users"); this one has a "rate"' });
  } else if (!open && client.arrival !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['arrival'], message: 'arrival applies to an open-loop client ("rate"); this one has "users"' });
  }
  const classes = client.classes ?? DEFAULT_CLASSES;
  const seen = new Set<string>();
  classes.forEach(({ name }, index) => {
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['classes', index, 'name'], message: `duplicate class name ${quote(name)}` });
    seen.add(name);
  });
  return {
    kind: 'client',
    id: client.id,
    label: client.label ?? client.id,
    loop: open ? 'open' : 'closed',
    ratePerSec: client.rate ?? 0,
    arrival: client.arrival ?? 'poisson',
    users: client.users ?? 0,
    think: client.think ?? constantMs(CLOSED_LOOP_DEFAULTS.think),
    classes: classes.map(({ name, weight }) => ({ name, weight })),
    target: client.target,
    timeoutMs: client.timeout ?? Infinity,
    deadlineMs: client.deadline ?? Infinity,
    propagateDeadline: client.propagateDeadline,
    retry: client.retry ?? noRetry(),
    auth: client.auth === undefined ? null : readClientAuth(client.auth, open ? null : client.users ?? null, (issue) => ctx.addIssue({ code: 'custom', ...issue })),
  };
});
