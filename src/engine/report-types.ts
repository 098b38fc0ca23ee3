/** The shape of `faultline run --json` (DESIGN.md §4), produced by the engine for every host. */

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Counts by reason; every reason the engine knows is present, zero or not. */
export type ReasonCounts = Record<string, number>;

export interface NodeReport {
  kind: string;
  arrived: number;
  completed: number;
  dropped: ReasonCounts;
  /** Still waiting / being worked on at the end of the run (conservation: arrived = completed + dropped + queued + inService). */
  queued: number;
  inService: number;
  latencyMs: LatencySummary;
  meanQueueLength: number;
  meanInSystem: number;
  /** Mean busy workers / workers; null where workers are unbounded. */
  utilization: number | null;
  meanBusyWorkers: number;
  /** Completed per second over the measured window (after warm-up). */
  throughputPerSec: number;
  /** Share of arrivals that found every worker busy and queued (Erlang C's P(wait)). */
  waitedShare: number;
  /** Retries this node sent, and retries its budgets or retry breakers refused. */
  retries: RetryReport;
  /** One entry per downstream call with a circuit breaker, keyed by target id. */
  circuits: Record<string, CircuitReport>;
  /** Services: worker time spent on jobs whose caller had already given up, and its share. */
  wastedWorkMs?: number;
  wastedShare?: number;
  /** Services: completions whose caller was still waiting, per second. */
  goodputPerSec?: number;
  /** Services that validate tokens. */
  auth?: AuthReport;
  /** Services with bulkheads: each pool by name ("default" is the service's own). */
  bulkheads?: Record<string, { workers: number | null; queued: number; inService: number; queueFull: number; shed: number }>;
  /** Caches: what the lookups found and what reached the backend. */
  cache?: CacheReport;
}

/**
 * A cache's run totals. Every lookup is exactly one of hits, stale, negativeHits or misses;
 * coalesced misses joined a fetch already in flight; fetches = misses − coalesced + refreshes.
 */
export interface CacheReport {
  hits: number;
  misses: number;
  /** Served from an expired entry within its stale-while-revalidate window. */
  stale: number;
  coalesced: number;
  /** Answered `error` from a stored failure (negative TTL). */
  negativeHits: number;
  evictions: number;
  /** Backend fetches started, background refreshes included. */
  fetches: number;
  refreshes: number;
  /** (hits + stale) / lookups; 0 with no lookups. */
  hitRatio: number;
  /** Entries held at the end, fresh or not. */
  entries: number;
}

/** A validating service's token state (DESIGN §2: part of every snapshot). */
export interface AuthReport {
  trustedByAllReplicas: string[];
  trustedBySomeReplica: string[];
  /** Share of replicas that distrust a key some live token is signed with. */
  rejectingShare: number;
  /** Share of replicas that distrusted such a key at some point of the run. */
  everRejectingShare: number;
  accepted: number;
  rejectedUntrustedKey: number;
  rejectedExpired: number;
  rejectedNoToken: number;
  negativeCacheHits: number;
  keysetFetches: number;
  keysetFetchFailures: number;
  /** Until the earliest replica's next scheduled refresh. */
  nextRefreshInMs: number;
  replicas: number;
}

export interface RetryReport {
  sent: number;
  refusedByBudget: number;
  refusedByBreaker: number;
}

export interface CircuitReport {
  state: 'closed' | 'open' | 'halfOpen';
  /** Times it opened, and attempts it refused. */
  opened: number;
  refused: number;
}

export interface ClientReport {
  kind: 'client';
  generated: number;
  succeeded: number;
  /** Successes that arrived before the request's deadline. */
  goodput: number;
  failed: ReasonCounts;
  inFlight: number;
  attempts: number;
  /** attempts / original requests. */
  retryAmplification: number;
  retries: RetryReport;
  /** Per request class (every class the client sends). */
  classes: Record<string, { generated: number; succeeded: number }>;
  /** Clients that sign in: sign-ins, sign-ins again after a rejection, holders whose token some validator rejects now. */
  auth?: { signIns: number; reauthentications: number; holders: number; rejectedTokenShare: number };
  latencyMs: LatencySummary;
}

export interface LinkDirectionReport {
  sent: number;
  delivered: number;
  dropped: ReasonCounts;
  inTransit: number;
  utilization: number;
  /** Mean time from send to delivery (buffer wait + transmission + latency), delivered messages only. */
  meanDelayMs: number;
}

export interface LinkReport {
  sent: number;
  delivered: number;
  dropped: ReasonCounts;
  utilization: number;
  forward: LinkDirectionReport;
  back: LinkDirectionReport;
}

export interface SeriesReport {
  intervalMs: number;
  t: number[];
  nodes: Record<string, Record<string, number[]>>;
  clients: Record<string, Record<string, number[]>>;
  links: Record<string, Record<string, number[]>>;
  /** Scenarios with probes: sent, succeeded, failed, failuresInARow, latencyMs. */
  probes?: Record<string, Record<string, number[]>>;
  /** Scenarios with alerts: `firing` (1 while the alert fires at the interval's end, else 0), by alert name. */
  alerts?: Record<string, Record<string, number[]>>;
}

/** A synthetic check's run totals (the format's top-level `probes`). */
export interface ProbeReport {
  kind: 'probe';
  target: string;
  via: string;
  everyMs: number;
  sent: number;
  succeeded: number;
  failed: ReasonCounts;
  inFlight: number;
  /** Of successful probes. */
  latencyMs: LatencySummary;
}

/** One alert: each time it fired, and when it cleared (null: still firing at the end). */
export interface AlertReport {
  name: string;
  severity: 'page' | 'ticket' | 'info';
  firings: { firedAtMs: number; clearedAtMs: number | null }[];
}

/** Per fault: when users were first hurt, which alert said so first, and how long that took. */
export interface DetectionReport {
  /** The fault's index in the scenario's `faults`. */
  fault: number;
  /** "<target> <action> at <time>". */
  label: string;
  atMs: number;
  /** End of the first sample interval from the fault on whose goodput share is below the objective; null: never. */
  impactStartMs: number | null;
  /** The first alert firing at or after the fault (or already firing then); null: none. */
  firstAlert: string | null;
  firstAlertAtMs: number | null;
  /** firstAlertAtMs − impactStartMs (negative: the alert came first); null when either is missing. */
  detectMs: number | null;
}

export interface RunReport {
  scenario: string;
  /** Key ids by bit position: `trustedKeys` series are bitmasks over this list. */
  keys: string[];
  seed: number;
  simulatedMs: number;
  warmupMs: number;
  events: number;
  wallMs: number;
  nodes: Record<string, NodeReport>;
  clients: Record<string, ClientReport>;
  links: Record<string, LinkReport>;
  series: SeriesReport;
  /** Scenarios with probes only. */
  probes?: Record<string, ProbeReport>;
  /** Scenarios with alerts only (with `detection`). */
  alerts?: AlertReport[];
  detection?: DetectionReport[];
}
