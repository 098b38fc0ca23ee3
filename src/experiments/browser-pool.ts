/**
 * The browser's pool: one Web Worker per core (`navigator.hardwareConcurrency`, capped), each
 * running whole runs (workers/experiment.worker.ts), through the abortable pool (worker-pool.ts):
 * cancelling hands out no more runs and terminates the workers; runs in progress are lost,
 * finished ones are kept. Before a pool starts, one such worker plans the runs (`planSweep`,
 * `planSingleFailures`): the page carries no parser (issue 16).
 */
import { wrap } from 'comlink';
import type { ExperimentHost } from '../../workers/protocol.ts';
import type { PlanResult, RunResult } from './plan.ts';
import type { SingleFailurePlanResult, SingleFailureRequest } from './single-failures.ts';
import type { PoolPlan } from './pool-job.ts';
import type { SweepOutcome, SweepProgress } from './scheduler.ts';
import { browserThread, runPool, type WorkerThread } from './worker-pool.ts';

/** Leave the page's own thread some room: at most this many workers by default. */
export const MAX_BROWSER_WORKERS = 4;

export function browserWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, MAX_BROWSER_WORKERS));
}

const browserExperimentThread = (): WorkerThread =>
  browserThread(new Worker(new URL('../../workers/experiment.worker.ts', import.meta.url), { type: 'module' }), 'a sweep worker');

/** One question to a new experiment worker, which then ends; its failing to start fails the question with its message. */
export async function askExperimentWorker<R>(question: (host: ExperimentHost) => R | Promise<R>, start: () => WorkerThread = browserExperimentThread): Promise<R> {
  const thread = start();
  try {
    const host = wrap<ExperimentHost>(thread.endpoint) as unknown as ExperimentHost;
    const failed = thread.failed ? thread.failed.then((error) => Promise.reject(error)) : new Promise<never>(() => {});
    return await Promise.race([Promise.resolve(question(host)), failed]);
  } finally {
    thread.terminate();
  }
}

/** The sweep's plan, made in an experiment worker. */
export const planSweepInWorker = (doc: unknown, start?: () => WorkerThread): Promise<PlanResult> => askExperimentWorker((host) => host.planSweep(doc), start);

/** The single-failures analysis' plan, made in an experiment worker. */
export const planSingleFailuresInWorker = (doc: unknown, request: SingleFailureRequest, start?: () => WorkerThread): Promise<SingleFailurePlanResult> =>
  askExperimentWorker((host) => host.planSingleFailures(doc, request), start);

export function runInBrowser(
  plan: PoolPlan,
  options: { workers?: number; signal?: AbortSignal; onProgress?: (progress: SweepProgress) => void } = {},
): Promise<SweepOutcome> {
  return runPool<ExperimentHost, RunResult>({
    size: options.workers ?? browserWorkerCount(),
    total: plan.tasks.length,
    start: browserExperimentThread,
    prepare: async (remote) => {
      const loaded = await remote.load(plan.doc, plan.singleFailures);
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    },
    run: (remote, index) => remote.run(index),
    signal: options.signal,
    onProgress: options.onProgress,
  });
}
