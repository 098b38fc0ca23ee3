/**
 * What an experiment may collect, as plain facts: the metrics, the nodes they fit, the sweep's
 * limits. Zod-free, so the Experiments panel offers metrics without the parser (issue 16);
 * experiment.ts reads and checks an `experiment` with them.
 */
import { isPlainObject } from './issue-text.ts';

export const EXPERIMENT_LIMITS = { maxValues: 1000, maxSeeds: 1000, maxRuns: 20_000, maxMetrics: 50, maxWith: 10 } as const;

/** One outcome metric, normalised (times in ms). `label` is how results name it. */
export interface MetricSpec {
  label: string;
  name: MetricName;
  target: string;
  /** goodput: the window [fromMs, toMs); collapsed: the last `windowMs`; recoverySeconds: `afterMs`; rejectingShare: `atMs`. */
  fromMs?: number;
  toMs?: number;
  windowMs?: number;
  afterMs?: number;
  atMs?: number;
}

type TargetKind = 'client' | 'node' | 'any' | 'validator' | 'alert';
export interface MetricDef {
  target: TargetKind;
  /** Optional duration arguments after the target, by name. */
  args: readonly ('from' | 'to' | 'window' | 'after' | 'at')[];
  required: number;
  what: string;
}

/** The metrics `collect` accepts; docs/format.md and docs/experiments.md describe each. */
export const METRICS = {
  goodput: { target: 'client', args: ['from', 'to'], required: 0, what: 'successes before the deadline per second over [from, to) (default: warm-up to end)' },
  goodputShare: { target: 'client', args: ['from', 'to'], required: 0, what: 'successes before the deadline / requests generated, over [from, to)' },
  meanLatency: { target: 'any', args: [], required: 0, what: 'mean latency in ms after the warm-up' },
  p50: { target: 'any', args: [], required: 0, what: 'median latency in ms after the warm-up' },
  p95: { target: 'any', args: [], required: 0, what: '95th percentile latency in ms after the warm-up' },
  p99: { target: 'any', args: [], required: 0, what: '99th percentile latency in ms after the warm-up' },
  utilization: { target: 'node', args: [], required: 0, what: 'busy share of the workers (null where workers are unbounded)' },
  attemptsPerRequest: { target: 'client', args: [], required: 0, what: 'attempts per original request (retry amplification)' },
  collapsed: { target: 'client', args: ['window'], required: 0, what: '1 if goodput over the last window (default 20 s) is below 10% of the requests generated in it, else 0' },
  recoverySeconds: { target: 'any', args: ['after'], required: 1, what: 'seconds after `after` until a client\'s goodput holds 85% of its demand over 3 s, or a validator has no rejecting replica; null = never' },
  rejectingShare: { target: 'validator', args: ['at'], required: 1, what: 'share of the validator\'s replicas rejecting a live key at `at`' },
  everRejectingShare: { target: 'validator', args: [], required: 0, what: 'share of the validator\'s replicas that rejected a live key at some point' },
  detectSeconds: { target: 'alert', args: ['after'], required: 1, what: 'seconds from `after` until the alert (by name) fires — 0 if it is firing then; null = never' },
  detected: { target: 'alert', args: ['after'], required: 0, what: '1 if the alert (by name) fires at or after `after` (default the start), or is firing then; else 0' },
} as const satisfies Record<string, MetricDef>;

export type MetricName = keyof typeof METRICS;

/** What a metric needs to know of the node it names: its kind, and whether it validates tokens. */
export interface MetricTarget {
  kind: string;
  validator: boolean;
}

/** The nodes of a document by id, as metrics see them (a validator is a non-client with `auth`). */
export function metricTargets(doc: Record<string, unknown>): Map<string, MetricTarget> {
  const kinds = new Map<string, MetricTarget>();
  for (const node of Array.isArray(doc.nodes) ? doc.nodes : []) {
    if (isPlainObject(node) && typeof node.id === 'string' && typeof node.kind === 'string') kinds.set(node.id, { kind: node.kind, validator: node.auth !== undefined && node.kind !== 'client' });
  }
  return kinds;
}

/** Whether `name` can be collected from `node` (the Experiments panel offers only these). */
export function metricFits(name: MetricName, node: MetricTarget): boolean {
  const def: MetricDef = METRICS[name];
  const isClient = node.kind === 'client';
  if (name === 'recoverySeconds') return isClient || node.validator;
  if (def.target === 'alert') return false; // its target is an alert's name, not a node
  return def.target === 'any' || (def.target === 'client' && isClient) || (def.target === 'node' && !isClient) || (def.target === 'validator' && node.validator);
}

