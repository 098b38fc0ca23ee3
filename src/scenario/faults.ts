/**
 * Faults: timed actions. `{ at, for?, target, action, …arguments }`; each action has its own
 * arguments and applies to some kinds of target (checked once the whole file is read). Key
 * faults (`removeKey`, `addKey`, `setSigningKey`) name a key id in `key`.
 */
import type { DistributionSpec, FaultAction, FaultParams, FaultSpec } from '../engine/index.ts';
import { z } from './zod.ts';
import { describeValue, isPlainObject, parseWith, type IssueLog, type Path, quote } from './errors.ts';
import { fields, leaf, reject } from './fields.ts';
import { durationField } from './durations.ts';
import { distributionField } from './distributions.ts';
import { keyIdField, numberField, probabilityField, workersField, ID_PATTERN } from './values.ts';
import { didYouMean } from './suggest.ts';
import { SCENARIO_LIMITS } from './limits.ts';

export { FAULT_ACTIONS, FAULT_TARGET_KINDS } from './fault-targets.ts';
import { FAULT_ACTIONS } from './fault-targets.ts';

/** A node id, a link id, or "*" (every node or link the action applies to). */
const faultTargetField = leaf({
  expected: 'a node or link id, or "*"',
  json: {
    anyOf: [{ type: 'string', pattern: ID_PATTERN.source }, { const: '*' }],
    description: 'A node or link id, or "*" for every node or link the action applies to.',
  },
  read: (value) => (typeof value === 'string' && (value === '*' || ID_PATTERN.test(value)) ? value : reject()),
});

const baseShape = {
  at: durationField({ description: 'When the fault happens, from the start of the run.' }),
  for: durationField({ positive: true, absentMeans: 'a permanent fault', description: 'Revert after this long. Default: permanent.' }).optional(),
  target: faultTargetField,
};

const ARGUMENTS = {
  down: {},
  up: {},
  degrade: {
    latency: distributionField('New latency of the link.').optional(),
    loss: probabilityField('New loss probability of the link.').optional(),
    capacity: numberField({ min: 0, minExclusive: true, description: 'New capacity, messages per second.' }).optional(),
  },
  crash: {},
  recover: {},
  slow: { factor: numberField({ min: 0, minExclusive: true, description: 'Service times are multiplied by this.' }) },
  error: { errorRate: probabilityField('New error rate.') },
  setWorkers: { workers: workersField('New number of workers.') },
  flush: {},
  setRate: {
    rate: numberField({
      min: 0,
      max: SCENARIO_LIMITS.maxTotalRatePerSec,
      maxIsLimit: true,
      description: 'New rate, requests per second (an open-loop client).',
    }),
  },
  removeKey: { key: keyIdField('The key id the key set stops publishing.') },
  addKey: { key: keyIdField('The key id the key set starts publishing.') },
  restore: {},
  setSigningKey: { key: keyIdField('The key id the identity provider signs new tokens with.') },
  forceRefresh: {},
} satisfies Record<FaultAction, z.ZodRawShape>;

/** For a misplaced argument: `"factor" is an argument of action "slow", not of "down"` (every action that takes it). */
function misplacedArguments(action: FaultAction): Record<string, string> {
  const owners = new Map<string, string[]>();
  for (const other of FAULT_ACTIONS) {
    for (const key of Object.keys(ARGUMENTS[other])) {
      if (!Object.hasOwn(ARGUMENTS[action], key)) owners.set(key, [...(owners.get(key) ?? []), quote(other)]);
    }
  }
  const messages: Record<string, string> = {};
  for (const [key, actions] of owners) {
    const which = actions.length === 1 ? `action ${actions[0]}` : `actions ${actions.join(', ')}`;
    messages[key] = `${quote(key)} is an argument of ${which}, not of ${quote(action)}`;
  }
  return messages;
}

/** The arguments as read: any action's, though each action's schema admits only its own. */
interface FaultArguments {
  latency?: DistributionSpec;
  loss?: number;
  capacity?: number;
  factor?: number;
  errorRate?: number;
  workers?: number;
  rate?: number;
  key?: string;
}

interface ReadFault extends FaultArguments {
  at: number;
  for?: number;
  target: string;
}

/** File names → the engine's (units in the names: capacity → capacityPerSec, rate → ratePerSec). */
function toParams(args: FaultArguments): FaultParams {
  const params: FaultParams = {};
  if (args.latency !== undefined) params.latency = args.latency;
  if (args.loss !== undefined) params.loss = args.loss;
  if (args.capacity !== undefined) params.capacityPerSec = args.capacity;
  if (args.factor !== undefined) params.factor = args.factor;
  if (args.errorRate !== undefined) params.errorRate = args.errorRate;
  if (args.workers !== undefined) params.workers = args.workers;
  if (args.rate !== undefined) params.ratePerSec = args.rate;
  if (args.key !== undefined) params.key = args.key;
  return params;
}

function faultSchema<A extends FaultAction>(action: A) {
  return fields({ ...baseShape, action: z.literal(action), ...ARGUMENTS[action] }, misplacedArguments(action)).transform(
    (fault, ctx): FaultSpec => {
      // the shape depends on `action`, which TypeScript cannot follow through the spread above
      const { at, for: forMs, target, ...args } = fault as unknown as ReadFault;
      const params = toParams(args);
      if (action === 'degrade' && Object.keys(params).length === 0) {
        ctx.addIssue({ code: 'custom', message: 'expected at least one of "latency", "loss", "capacity" for action "degrade", got none' });
      }
      return { atMs: at, forMs: forMs ?? Infinity, target, action, params };
    },
  );
}

export const FAULT_SCHEMAS = Object.fromEntries(FAULT_ACTIONS.map((action) => [action, faultSchema(action)])) as {
  [A in FaultAction]: ReturnType<typeof faultSchema<A>>;
};

/** When the action itself is unreadable, the common fields are still checked. */
const faultBaseSchema = z.object(baseShape);

const ACTIONS_TEXT = FAULT_ACTIONS.join(', ');

/** Reads one entry of `faults`; logs its problems under `path`. */
export function parseFault(raw: unknown, path: Path, log: IssueLog): FaultSpec | undefined {
  if (!isPlainObject(raw)) {
    log.error(path, `expected a fault object ({ "at": …, "target": …, "action": … }), got ${describeValue(raw)}`);
    return undefined;
  }
  const action = raw.action;
  if (typeof action === 'string' && Object.hasOwn(FAULT_SCHEMAS, action)) {
    const schema: z.ZodType<FaultSpec> = FAULT_SCHEMAS[action as FaultAction];
    return parseWith(schema, raw, path, log);
  }
  const hint = typeof action === 'string' ? didYouMean(action, FAULT_ACTIONS) : '';
  log.error(
    [...path, 'action'],
    action === undefined
      ? `required field is missing; expected one of ${ACTIONS_TEXT}`
      : `unknown action ${describeValue(action)}${hint || ` (expected one of ${ACTIONS_TEXT})`}`,
  );
  parseWith(faultBaseSchema, raw, path, log);
  return undefined;
}
