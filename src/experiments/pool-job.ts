/**
 * What a pool's worker runs: a sweep's experiment (plan.ts) or a single-failures analysis
 * (single-failures.ts). Both are whole runs by index returning a RunResult, so the pools, the
 * scheduler and the cancel are the same; only the planning differs, and it is redone in each
 * worker from the document (and the analysis request), which is all a worker is sent.
 */
import type { RunGuardOptions } from '../engine/index.ts';
import { formatIssue } from '../scenario/index.ts';
import { planExperiment, runTask, type RunResult } from './plan.ts';
import { planSingleFailures, runFailureTask, type SingleFailureRequest } from './single-failures.ts';

/** What a pool needs of a plan: its document, how many runs, and the analysis when it is not a sweep. */
export interface PoolPlan {
  doc: unknown;
  tasks: readonly unknown[];
  singleFailures?: SingleFailureRequest;
}

export type PlannedJob = { ok: true; runs: number; run(index: number, guard?: RunGuardOptions): RunResult } | { ok: false; errors: string[] };

export function planPoolJob(doc: unknown, singleFailures?: SingleFailureRequest): PlannedJob {
  if (singleFailures !== undefined) {
    const planned = planSingleFailures(doc, singleFailures);
    if (!planned.ok) return { ok: false, errors: planned.errors.map(formatIssue) };
    const { plan } = planned;
    return { ok: true, runs: plan.tasks.length, run: (index, guard) => runFailureTask(plan, index, guard) };
  }
  const planned = planExperiment(doc);
  if (!planned.ok) return { ok: false, errors: planned.errors.map(formatIssue) };
  const { plan } = planned;
  return { ok: true, runs: plan.tasks.length, run: (index, guard) => runTask(plan, index, guard) };
}
