/**
 * The report's JSON Schema (docs/report.schema.json, written by scripts/write-schema.ts) from a
 * zod description of the report. The type checker proves that description equal to the types the
 * engine and the sweep produce (RunReport, ExperimentResults, the header of report-json.ts), so
 * the schema cannot drift from the code: a field added to the engine fails `npm run typecheck`
 * here until it is described. Of the CLI only `faultline merge` imports it, to check the parts it
 * reads against `sweepPartSchema`.
 */
import { z } from '../scenario/index.ts';
import type { RunReport } from '../engine/index.ts';
import type { ExperimentResults } from '../experiments/index.ts';
import type { ExpectReport } from '../expect/index.ts';
import { REPORT_FORMAT, type RunReportDocument, type SweepReportDocument, type WeakPointsReportDocument } from './report-json.ts';
import type { SweepPartDocument } from './sweep-part.ts';

const count = z.number().int().min(0);
const share = z.number().min(0).max(1);
const latency = z.object({ mean: z.number(), p50: z.number(), p95: z.number(), p99: z.number() }).describe('Milliseconds.');
const reasonCounts = z.record(z.string(), count).describe('Counts by reason; every reason the engine knows is present, zero or not.');
const retries = z.object({ sent: count, refusedByBudget: count, refusedByBreaker: count });

const cache = z.object({
  hits: count, misses: count, stale: count, coalesced: count, negativeHits: count, evictions: count, fetches: count, refreshes: count,
  hitRatio: share, entries: count,
});
const auth = z.object({
  trustedByAllReplicas: z.array(z.string()), trustedBySomeReplica: z.array(z.string()),
  rejectingShare: share, everRejectingShare: share,
  accepted: count, rejectedUntrustedKey: count, rejectedExpired: count, rejectedNoToken: count, negativeCacheHits: count,
  keysetFetches: count, keysetFetchFailures: count, nextRefreshInMs: z.number(), replicas: count,
});
const node = z.object({
  kind: z.string(),
  arrived: count, completed: count, dropped: reasonCounts, queued: count, inService: count,
  latencyMs: latency, meanQueueLength: z.number(), meanInSystem: z.number(),
  utilization: z.number().nullable().describe('Mean busy workers / workers; null where workers are unbounded.'),
  meanBusyWorkers: z.number(), throughputPerSec: z.number(), waitedShare: share,
  retries,
  circuits: z.record(z.string(), z.object({ state: z.enum(['closed', 'open', 'halfOpen']), opened: count, refused: count })),
  wastedWorkMs: z.number().optional(), wastedShare: share.optional(), goodputPerSec: z.number().optional(),
  auth: auth.optional(),
  bulkheads: z.record(z.string(), z.object({ workers: count.nullable(), queued: count, inService: count, queueFull: count, shed: count })).optional(),
  cache: cache.optional(),
});
const client = z.object({
  kind: z.literal('client'),
  generated: count, succeeded: count, goodput: count, failed: reasonCounts, inFlight: count, attempts: count,
  retryAmplification: z.number(), retries,
  classes: z.record(z.string(), z.object({ generated: count, succeeded: count })),
  auth: z.object({ signIns: count, reauthentications: count, holders: count, rejectedTokenShare: share }).optional(),
  latencyMs: latency,
});
const linkDirection = z.object({ sent: count, delivered: count, dropped: reasonCounts, inTransit: count, utilization: z.number(), meanDelayMs: z.number() });
const link = z.object({ sent: count, delivered: count, dropped: reasonCounts, utilization: z.number(), forward: linkDirection, back: linkDirection });
const seriesGroup = z.record(z.string(), z.record(z.string(), z.array(z.number())));
const series = z.object({
  intervalMs: z.number(), t: z.array(z.number()), nodes: seriesGroup, clients: seriesGroup, links: seriesGroup,
  probes: seriesGroup.optional().describe('Scenarios with probes: sent, succeeded, failed, failuresInARow, latencyMs.'),
  alerts: seriesGroup.optional().describe('Scenarios with alerts: by alert name, `firing` (1 while it fires at the interval\'s end, else 0).'),
});
const probe = z.object({
  kind: z.literal('probe'), target: z.string(), via: z.string(), everyMs: z.number(),
  sent: count, succeeded: count, failed: reasonCounts, inFlight: count, latencyMs: latency,
});
const alert = z.object({
  name: z.string(), severity: z.enum(['page', 'ticket', 'info']),
  firings: z.array(z.object({ firedAtMs: z.number(), clearedAtMs: z.number().nullable().describe('null: still firing at the end.') })),
});
const detection = z.object({
  fault: count.describe('The fault\'s index in the scenario\'s `faults`.'),
  label: z.string(), atMs: z.number(),
  impactStartMs: z.number().nullable().describe('End of the first sample interval from the fault on with the users\' goodput share below the objective; null: never.'),
  firstAlert: z.string().nullable(), firstAlertAtMs: z.number().nullable(),
  detectMs: z.number().nullable().describe('firstAlertAtMs − impactStartMs (negative: the alert came first); null when either is missing.'),
});

const runReport = z.object({
  scenario: z.string(),
  keys: z.array(z.string()).describe('Key ids by bit position: `trustedKeys` series are bitmasks over this list.'),
  seed: count, simulatedMs: z.number(), warmupMs: z.number(), events: count,
  wallMs: z.number().describe('Wall-clock milliseconds the run took; left out with --no-timing.'),
  nodes: z.record(z.string(), node), clients: z.record(z.string(), client), links: z.record(z.string(), link),
  series,
  probes: z.record(z.string(), probe).optional().describe('Scenarios with probes only.'),
  alerts: z.array(alert).optional().describe('Scenarios with alerts only.'),
  detection: z.array(detection).optional().describe('Scenarios with alerts only: per fault, user impact start, first alert, time to detect.'),
});

const comparison = {
  atMost: z.number().optional(), atLeast: z.number().optional(), equals: z.union([z.number(), z.boolean(), z.string()]).optional(),
};
const expectSection = z.object({
  passed: count, failed: count,
  errors: count.describe('Assertions whose value the report does not have (see each result\'s message).'),
  results: z.array(z.object({
    index: count.describe('Position in the scenario\'s `expect` list.'),
    name: z.string().optional(),
    metric: z.string().describe('The report path, as written.'),
    fromMs: z.number().optional(), toMs: z.number().optional(),
    of: z.enum(['sum', 'mean', 'max', 'min', 'share']).optional().describe('How the window was reduced to one value.'),
    ...comparison,
    value: z.union([z.number(), z.boolean(), z.string()]).nullable().describe('What the report says; null with status "error".'),
    status: z.enum(['pass', 'fail', 'error']),
    message: z.string().optional(),
  })),
}).describe('The scenario\'s `expect` list checked against this report (docs/format.md "Expectations"); only when the scenario has one.');

const header = {
  format: z.literal(REPORT_FORMAT),
  faultlineVersion: z.string().describe('The faultline version that wrote the report.'),
};

const runDocument = z.object({ ...header, kind: z.literal('run'), ...runReport.shape, wallMs: runReport.shape.wallMs.optional(), expect: expectSection.optional() });

/**
 * A sweep's results. In JSON, a metric that is undefined (NaN) or never happened (Infinity) is
 * null, so the schema's numbers there are nullable; the in-memory type has plain numbers.
 */
function sweepDocument<N extends z.ZodType<number | null>>(outcome: N) {
  const stats = z.object({ n: count, mean: outcome, median: outcome, p10: outcome, p90: outcome, min: outcome, max: outcome });
  return z.object({
    ...header,
    kind: z.literal('sweep'),
    scenario: z.string(), path: z.string(), values: z.array(z.unknown()), seeds: z.array(count), metrics: z.array(z.string()),
    runs: z.array(z.object({ index: count, valueIndex: count, value: z.unknown(), seed: count, events: count, outcomes: z.record(z.string(), outcome) })),
    summary: z.array(z.object({ value: z.unknown(), outcomes: z.record(z.string(), stats) })),
  });
}

/**
 * One shard's runs (`sweep --shard K/N`), joined by `faultline merge`. Its metrics keep undefined
 * (null) and never ("Infinity") apart. `faultline merge` checks every part against this schema.
 */
const partOutcome = z.union([z.number(), z.null(), z.enum(['Infinity', '-Infinity'])]);
export const sweepPartSchema = z.object({
  ...header,
  kind: z.literal('sweep-part'),
  experiment: z.string().regex(/^sha256:[0-9a-f]{64}$/).describe('sha256 of the experiment\'s document (keys sorted): only parts of one experiment merge.'),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).describe('Shard index of count; it holds the runs whose index mod count = index − 1.'),
  totalRuns: count,
  scenario: z.string(), path: z.string(), values: z.array(z.unknown()), seeds: z.array(count), metrics: z.array(z.string()),
  runs: z.array(z.object({ index: count, valueIndex: count, value: z.unknown(), seed: count, events: count, outcomes: z.record(z.string(), partOutcome) })),
});

/**
 * A weak-points ranking (`sweep --single-failures`, docs/experiments.md "Weak points"): undefined
 * (no alerts defined) and never are null in JSON, as in a sweep.
 */
function weakPointsDocument<N extends z.ZodType<number | null>>(outcome: N) {
  return z.object({
    ...header,
    kind: z.literal('weak-points'),
    scenario: z.string(),
    atMs: z.number().describe('When each failure starts, ms from the start of the run.'),
    forMs: z.number().describe('How long each failure lasts, ms.'),
    seeds: z.array(count),
    baseline: z.record(z.string(), outcome).describe('The run without a failure: its outcomes, mean over the seeds.'),
    ranked: z.array(z.object({
      id: z.string(), kind: z.string(), action: z.enum(['crash', 'down']),
      rank: count, n: count,
      goodputLost: outcome, goodputLostShare: outcome, peakErrorRate: outcome, recoverySeconds: outcome, alertFired: outcome,
      impact: z.enum(['none', 'low', 'medium', 'high']),
    })).describe('Worst first.'),
    runs: z.array(z.object({ index: count, valueIndex: count, value: z.unknown(), seed: count, events: count, outcomes: z.record(z.string(), outcome) })),
  });
}

// The proof that the description is the code's: each pair must be the same type.
// (Flat turns the header's intersection into one object type, as z.infer writes it.)
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Flat<T> = { [K in keyof T]: T[K] };
const sameRunReport: Same<z.infer<typeof runReport>, RunReport> = true;
const sameRunDocument: Same<z.infer<typeof runDocument>, Flat<RunReportDocument>> = true;
const sameSweepDocument: Same<z.infer<ReturnType<typeof sweepDocument<z.ZodNumber>>>, Flat<SweepReportDocument>> = true;
const sameExpect: Same<z.infer<typeof expectSection>, ExpectReport> = true;
const sameSweepResults: Same<Flat<Omit<SweepReportDocument, keyof typeof header | 'kind'>>, ExperimentResults> = true;
const sameSweepPart: Same<z.infer<typeof sweepPartSchema>, Flat<SweepPartDocument>> = true;
const sameWeakPoints: Same<z.infer<ReturnType<typeof weakPointsDocument<z.ZodNumber>>>, Flat<WeakPointsReportDocument>> = true;
void [sameWeakPoints, sameExpect, sameRunReport, sameRunDocument, sameSweepDocument, sameSweepResults, sameSweepPart];

/** Stable for v1, like the scenario schema's (src/scenario/header.ts, SCENARIO_SCHEMA_ID). */
export const REPORT_SCHEMA_ID = 'https://faultline.dev/schema/report/v1.json';

export function buildReportJsonSchema(): Record<string, unknown> {
  const report = z.discriminatedUnion('kind', [runDocument, sweepDocument(z.number().nullable()), sweepPartSchema, weakPointsDocument(z.number().nullable())]);
  const generated = z.toJSONSchema(report, { io: 'input', target: 'draft-07', unrepresentable: 'any' });
  const { $schema, ...body } = generated;
  return {
    $schema,
    $id: REPORT_SCHEMA_ID,
    title: `Faultline report (${REPORT_FORMAT})`,
    description:
      'What `faultline run --json` (kind "run"), `faultline sweep --json` and `faultline merge --json` (kind "sweep") and `faultline sweep --shard K/N` (kind "sweep-part") print. Fields may be added within v1; readers should ignore fields they do not know. Reference: docs/report.md.',
    ...body,
  };
}

/** The file's exact text: stable key order, two-space indent, final newline. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(buildReportJsonSchema(), null, 2)}\n`;
}
