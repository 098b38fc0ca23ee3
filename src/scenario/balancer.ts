/** kind "balancer": spreads requests over `targets` by `policy`, skipping those it sees as down. */
import type { BalancerPolicy, BalancerSpec } from '../engine/index.ts';
import { fields, list } from './fields.ts';
import { durationField } from './durations.ts';
import { noRetry, retrySchema } from './retry.ts';
import { choiceField, nodeRefField } from './values.ts';
import { nodeBaseShape } from './node-base.ts';
import { SCENARIO_LIMITS } from './limits.ts';

export const BALANCER_POLICIES = ['roundRobin', 'random', 'leastOutstanding', 'powerOfTwo'] as const satisfies readonly BalancerPolicy[];

export const balancerSchema = fields({
  ...nodeBaseShape('balancer'),
  policy: choiceField(BALANCER_POLICIES, 'How the next target is picked. Default "roundRobin".').prefault('roundRobin'),
  targets: list(nodeRefField('A node behind the balancer (a link from the balancer must lead there).'), {
    min: 1,
    max: SCENARIO_LIMITS.maxNodes,
    noun: ['target', 'targets'],
  }),
  detectAfter: durationField({ description: 'How long after a target crashes or recovers the balancer notices. Default "5s".' }).prefault('5s'),
  timeout: durationField({ positive: true, absentMeans: 'no timeout', description: 'Per attempt at a target. Default: none.' }).optional(),
  retry: retrySchema.optional(),
}).transform(
  (balancer): BalancerSpec => ({
    kind: 'balancer',
    id: balancer.id,
    label: balancer.label ?? balancer.id,
    policy: balancer.policy,
    targets: balancer.targets,
    detectAfterMs: balancer.detectAfter,
    timeoutMs: balancer.timeout ?? Infinity,
    retry: balancer.retry ?? noRetry(),
  }),
);
