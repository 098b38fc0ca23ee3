/**
 * The CLI's worker threads: Node `worker_threads` spoken to with comlink (node-endpoint.ts) and run
 * through the one abortable pool (worker-pool.ts), as the page runs its Web Workers. A sweep's
 * thread (node-worker.ts, loaded through tsx by node-worker-entry.mjs) runs whole runs;
 * `faultline test` starts its own threads the same way (src/cli/test-command.ts). Cancelling
 * terminates the threads; runs in progress are lost, finished ones are kept.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExperimentHost } from '../../workers/protocol.ts';
import { nodeEndpoint } from './node-endpoint.ts';
import type { RunResult } from './plan.ts';
import type { PoolPlan } from './pool-job.ts';
import type { SweepOutcome, SweepProgress } from './scheduler.ts';
import { runPool, type WorkerThread } from './worker-pool.ts';

/** Threads by default: one per core, at most this many (a sweep should not take the machine). */
export const MAX_DEFAULT_WORKERS = 8;

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_WORKERS));
}

/** A Node worker thread as a pool thread; an error or an exit of its own fails the task on it. */
export function nodeThread(entry: URL, name: string): WorkerThread {
  const worker = new Worker(entry);
  const failed = new Promise<Error>((resolve) => {
    worker.once('error', (error) => resolve(new Error(`${name} failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => resolve(new Error(`${name} exited (code ${code})`)));
  });
  return { endpoint: nodeEndpoint(worker), terminate: () => worker.terminate(), failed };
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
  const outcome = await runPool<ExperimentHost, RunResult>({
    size: workers,
    total: indices.length,
    start: () => nodeThread(new URL('./node-worker-entry.mjs', import.meta.url), 'a sweep worker'),
    prepare: async (remote) => {
      const loaded = await remote.load(plan.doc, plan.singleFailures);
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    },
    onReady: options.onReady,
    run: (remote, i) => remote.run(indices[i]),
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const results: SweepOutcome['results'] = new Array(plan.tasks.length).fill(undefined);
  outcome.results.forEach((result, i) => (results[indices[i]] = result));
  return { results, cancelled: outcome.cancelled };
}
