/**
 * The CLI's pool: Node worker threads, each running whole runs (node-worker.ts, loaded through
 * tsx by node-worker-entry.mjs). Cancelling terminates the threads; runs in progress are lost.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunResult } from './plan.ts';
import type { PoolPlan } from './pool-job.ts';
import { runAll, type RunExecutor, type SweepOutcome, type SweepProgress } from './scheduler.ts';

/** Threads by default: one per core, at most this many (a sweep should not take the machine). */
export const MAX_DEFAULT_WORKERS = 8;

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_WORKERS));
}

type Reply = { ready: true } | { index: number; result: RunResult } | { index: number; error: string };

class ThreadExecutor implements RunExecutor {
  private readonly worker: Worker;
  private pending: { resolve: (r: RunResult) => void; reject: (e: Error) => void } | null = null;
  /** Settles when the thread has loaded the engine (through tsx) and planned the experiment. */
  readonly ready: Promise<void>;

  constructor(plan: PoolPlan) {
    this.worker = new Worker(new URL('./node-worker-entry.mjs', import.meta.url), { workerData: { doc: plan.doc, singleFailures: plan.singleFailures } });
    let started: () => void = () => {};
    let failed: (e: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    this.ready.catch(() => {}); // also reported to the run waiting on the thread, if any
    this.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return started();
      const pending = this.pending;
      this.pending = null;
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(reply.result);
    });
    const fail = (error: Error): void => {
      failed(error);
      this.pending?.reject(error);
      this.pending = null;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a sweep worker exited (code ${code})`)));
  }

  run(index: number): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ index });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Runs every (value, seed) of the plan (a sweep's, or a single-failures analysis') on `workers` threads. The threads are started and warmed
 * once per sweep (each loads the engine through tsx and plans the experiment, ~1–2 s of CPU), all
 * before the first run is handed out; `onReady` reports when, so start-up can be timed apart from
 * the runs (scripts/bench-sweep.ts).
 */
export async function runInThreads(
  plan: PoolPlan,
  workers: number,
  options: { signal?: AbortSignal; onProgress?: (progress: SweepProgress) => void; onReady?: () => void; indices?: readonly number[] } = {},
): Promise<SweepOutcome> {
  // A shard (src/experiments/shard.ts) runs some of the runs; results stay placed by run index.
  const indices = options.indices ?? plan.tasks.map((_, i) => i);
  if (indices.length === 0) return { results: new Array(plan.tasks.length).fill(undefined), cancelled: false };
  const count = Math.max(1, Math.min(workers, indices.length));
  const executors = Array.from({ length: count }, () => new ThreadExecutor(plan));
  try {
    const aborted = new Promise<'aborted'>((resolve) => {
      if (options.signal?.aborted) resolve('aborted');
      options.signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    if ((await Promise.race([Promise.all(executors.map((e) => e.ready)), aborted])) === 'aborted') {
      return { results: new Array(plan.tasks.length).fill(undefined), cancelled: true };
    }
    options.onReady?.();
    const outcome = await runAll(indices.length, executors.map((e): RunExecutor => ({ run: (i) => e.run(indices[i]) })), options);
    const results: SweepOutcome['results'] = new Array(plan.tasks.length).fill(undefined);
    outcome.results.forEach((result, i) => (results[indices[i]] = result));
    return { results, cancelled: outcome.cancelled };
  } finally {
    await Promise.all(executors.map((e) => e.terminate()));
  }
}
