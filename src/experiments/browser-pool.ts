/**
 * The browser's pool: one Web Worker per core (`navigator.hardwareConcurrency`, capped), each
 * running whole runs (workers/experiment.worker.ts), through the abortable pool (worker-pool.ts):
 * cancelling hands out no more runs and terminates the workers; runs in progress are lost,
 * finished ones are kept.
 */
import type { ExperimentHost } from '../../workers/protocol.ts';
import type { RunResult } from './plan.ts';
import type { PoolPlan } from './pool-job.ts';
import type { SweepOutcome, SweepProgress } from './scheduler.ts';
import { browserThread, runPool } from './worker-pool.ts';

/** Leave the page's own thread some room: at most this many workers by default. */
export const MAX_BROWSER_WORKERS = 4;

export function browserWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, MAX_BROWSER_WORKERS));
}

export function runInBrowser(
  plan: PoolPlan,
  options: { workers?: number; signal?: AbortSignal; onProgress?: (progress: SweepProgress) => void } = {},
): Promise<SweepOutcome> {
  return runPool<ExperimentHost, RunResult>({
    size: options.workers ?? browserWorkerCount(),
    total: plan.tasks.length,
    start: () => browserThread(new Worker(new URL('../../workers/experiment.worker.ts', import.meta.url), { type: 'module' }), 'a sweep worker'),
    prepare: async (remote) => {
      const loaded = await remote.load(plan.doc, plan.singleFailures);
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    },
    run: (remote, index) => remote.run(index),
    signal: options.signal,
    onProgress: options.onProgress,
  });
}
