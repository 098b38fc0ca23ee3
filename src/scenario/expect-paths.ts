/**
 * The report paths an `expect` assertion may name (docs/format.md "Expectations"): the fields of
 * `faultline run --json` under `clients.<id>`, `nodes.<id>` and `links.<id>`, a few shares derived
 * from them, and — over a window — the per-interval series. The field lists are checked against
 * the report's types, so a field added to the report must be added here.
 */
import type { ClientReport, LinkReport, NodeReport } from '../engine/index.ts';

export const REPORT_GROUPS = ['clients', 'nodes', 'links'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

const CLIENT_FIELDS = {
  kind: true, generated: true, succeeded: true, goodput: true, failed: true, inFlight: true, attempts: true,
  retryAmplification: true, retries: true, classes: true, auth: true, latencyMs: true,
} as const satisfies Record<keyof ClientReport, true>;

const NODE_FIELDS = {
  kind: true, arrived: true, completed: true, dropped: true, queued: true, inService: true, latencyMs: true,
  meanQueueLength: true, meanInSystem: true, utilization: true, meanBusyWorkers: true, throughputPerSec: true,
  waitedShare: true, retries: true, circuits: true, wastedWorkMs: true, wastedShare: true, goodputPerSec: true,
  auth: true, bulkheads: true, cache: true,
} as const satisfies Record<keyof NodeReport, true>;

const LINK_FIELDS = {
  sent: true, delivered: true, dropped: true, utilization: true, forward: true, back: true,
} as const satisfies Record<keyof LinkReport, true>;

/**
 * Shares the report does not carry but every reader of it computes; `[numerator, denominator]`
 * are client fields (totals) or series (over a window). `classes.<name>.successShare` is the same
 * for one request class (series `succeeded.<name>` / `generated.<name>`).
 */
export const DERIVED_CLIENT_SHARES = {
  goodputShare: ['goodput', 'generated'],
  successShare: ['succeeded', 'generated'],
} as const;

export const REPORT_FIELDS: Record<ReportGroup, readonly string[]> = {
  clients: [...Object.keys(CLIENT_FIELDS), ...Object.keys(DERIVED_CLIENT_SHARES)],
  nodes: Object.keys(NODE_FIELDS),
  links: Object.keys(LINK_FIELDS),
};

/**
 * Series whose samples are levels (a queue's depth at the end of an interval, an interval's p99),
 * not counts: over a window they are read as their largest sample unless `of` says otherwise.
 * Every other series counts events per interval and is summed.
 */
export const LEVEL_SERIES: ReadonlySet<string> = new Set([
  'queueDepth', 'inService', 'inFlight', 'bufferDepth', 'utilization', 'rejectingShare', 'rejectedTokenShare',
  'latencyP50Ms', 'latencyP99Ms', 'entries', 'trustedKeys',
]);

/** How a window reduces a series to one number. */
export const WINDOW_AGGREGATES = ['sum', 'mean', 'max', 'min'] as const;
export type WindowAggregate = (typeof WINDOW_AGGREGATES)[number];
