/**
 * The browser's pool: one Web Worker per core (`navigator.hardwareConcurrency`, capped), each
 * running whole runs (workers/experiment.worker.ts). Cancelling terminates the workers; runs in
 * progress are lost, finished ones are kept.
 */
import { wrap, type Remote } from 'comlink';
import type { PoolPlan } from './pool-job.ts';
import type { ExperimentRunner } from './runner-host.ts';
import { runAll, type SweepOutcome, type SweepProgress } from './scheduler.ts';

/** Leave the page's own thread some room: at most this many workers by default. */
export const MAX_BROWSER_WORKERS = 4;

export function browserWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, MAX_BROWSER_WORKERS));
}

export async function runInBrowser(
  plan: PoolPlan,
  options: { workers?: number; signal?: AbortSignal; onProgress?: (progress: SweepProgress) => void } = {},
): Promise<SweepOutcome> {
  const count = Math.max(1, Math.min(options.workers ?? browserWorkerCount(), plan.tasks.length));
  const threads = Array.from({ length: count }, () => new Worker(new URL('../../workers/experiment.worker.ts', import.meta.url), { type: 'module' }));
  const remotes: Remote<ExperimentRunner>[] = threads.map((w) => wrap<ExperimentRunner>(w));
  const terminate = (): void => threads.forEach((w) => w.terminate());
  options.signal?.addEventListener('abort', terminate, { once: true });
  try {
    // a cancel during loading must not wait for workers that were just terminated
    const aborted = new Promise<'aborted'>((resolve) => options.signal?.addEventListener('abort', () => resolve('aborted'), { once: true }));
    const loaded = await Promise.race([Promise.all(remotes.map((r) => r.load(plan.doc, plan.singleFailures))), aborted]);
    if (loaded === 'aborted') return { results: new Array(plan.tasks.length).fill(undefined), cancelled: true };
    const failed = loaded.find((l) => !l.ok);
    if (failed && !failed.ok) throw new Error(failed.errors.join('\n'));
    return await runAll(plan.tasks.length, remotes.map((r) => ({ run: (index: number) => r.run(index) })), { signal: options.signal, onProgress: options.onProgress });
  } finally {
    terminate();
  }
}
