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
}

export interface RunReport {
  scenario: string;
  seed: number;
  simulatedMs: number;
  warmupMs: number;
  events: number;
  wallMs: number;
  nodes: Record<string, NodeReport>;
  clients: Record<string, ClientReport>;
  links: Record<string, LinkReport>;
  series: SeriesReport;
}
