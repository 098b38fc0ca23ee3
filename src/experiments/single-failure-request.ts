/**
 * What a single-failures analysis is asked, and its defaults: plain facts, zod-free, so the Weak
 * points form shows its placeholders without the planner (single-failures.ts, which runs in an
 * experiment worker: the page carries no parser, issue 16).
 */

/** Defaults: the failure starts a third of the way into the run and lasts a sixth of it. */
export const SINGLE_FAILURE_DEFAULTS = { atShare: 1 / 3, forShare: 1 / 6 } as const;

/** What a caller asks for (durations as the format writes them: "5m", or ms). */
export interface SingleFailureRequest {
  at?: string | number;
  for?: string | number;
  /** Component ids to try; absent: every node a crash applies to and every link. */
  only?: string[];
  /** Absent: the scenario's own seed. */
  seeds?: number[];
  /** Keep the scenario's own failures in every run (default: removed, so each run has one failure;
   * its workload — faults on clients, such as a rate that grows — always stays). */
  keepFaults?: boolean;
}
