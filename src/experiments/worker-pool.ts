/**
 * The one abortable pool over comlink workers (a sweep's workers in the page and in the CLI,
 * `faultline test`'s threads, the compare pair): start `size` workers, `prepare` each once (load a document), hand out tasks one at a time
 * per worker (scheduler.ts, results placed by index). On abort, queued tasks are never handed out
 * and every worker is terminated at once — a running task's answer never comes; finished results
 * are kept. Free of Worker globals: `start` makes the thread (a browser Worker through
 * `browserThread`, a Node worker thread through node-pool.ts `nodeThread` for the CLI, or one in
 * tests/contract), so the CLI and the tests drive the same pool and the real worker modules.
 */
import { wrap, type Endpoint, type Remote } from 'comlink';
import { runAll, type SweepOutcome, type SweepProgress } from './scheduler.ts';

/** A started worker: comlink's endpoint, how to end it, and (optionally) its own death. */
export interface WorkerThread {
  endpoint: Endpoint;
  terminate(): unknown;
  /** Settles if the thread fails by itself (its script did not load): the task on it fails. */
  failed?: Promise<Error>;
}

/** A task that failed (its worker threw or died), with the index it was handed out with. */
export class PoolTaskError extends Error {
  constructor(
    readonly index: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PoolTaskError';
  }
}

export interface PoolOptions<T, R> {
  /** Workers to start: at most `total`, at least one. */
  size: number;
  total: number;
  start(): WorkerThread;
  /** Once per worker before its first task; a rejection ends the pool with that error. */
  prepare?(remote: Remote<T>): Promise<void>;
  /** Every worker is prepared and no task is out yet: start-up is timed apart from the runs (scripts/bench-sweep.ts). */
  onReady?(): void;
  run(remote: Remote<T>, index: number): Promise<R>;
  signal?: AbortSignal;
  onProgress?(progress: SweepProgress): void;
}

/** A browser Worker as a pool thread; its 'error' event means the script failed to load or run. */
export function browserThread(worker: Worker, name: string): WorkerThread {
  const failed = new Promise<Error>((resolve) => {
    worker.addEventListener('error', (event) => resolve(new Error(`${name} failed: ${event.message || 'it could not start'}`)), { once: true });
  });
  return { endpoint: worker, terminate: () => worker.terminate(), failed };
}

const rejectWith = (failed: Promise<Error> | undefined): Promise<never> =>
  failed ? failed.then((error) => Promise.reject(error)) : new Promise<never>(() => {});

export async function runPool<T, R>(options: PoolOptions<T, R>): Promise<SweepOutcome<R>> {
  const { total, signal } = options;
  const none = (cancelled: boolean): SweepOutcome<R> => ({ results: new Array<R | undefined>(total).fill(undefined), cancelled });
  if (signal?.aborted) return none(true);
  if (total === 0) return none(false);
  const threads = Array.from({ length: Math.max(1, Math.min(options.size, total)) }, () => options.start());
  let ended = false;
  const terminate = (): void => {
    if (ended) return;
    ended = true;
    for (const thread of threads) thread.terminate();
  };
  // Terminate at the abort itself, not when the awaits below notice it.
  signal?.addEventListener('abort', terminate, { once: true });
  const aborted = new Promise<'aborted'>((resolve) => signal?.addEventListener('abort', () => resolve('aborted'), { once: true }));
  try {
    const workers = threads.map((thread) => ({ thread, remote: wrap<T>(thread.endpoint) }));
    const prepare = options.prepare;
    if (prepare) {
      const ready = Promise.all(workers.map(({ thread, remote }) => Promise.race([prepare(remote), rejectWith(thread.failed)])));
      if ((await Promise.race([ready, aborted])) === 'aborted') return none(true);
    }
    options.onReady?.();
    const executors = workers.map(({ thread, remote }) => ({
      run: (index: number): Promise<R> =>
        Promise.race([options.run(remote, index), rejectWith(thread.failed)]).catch((error: unknown) => {
          // the worker's own error (comlink carries its stack) stays the cause: a bug report needs it
          throw new PoolTaskError(index, error instanceof Error ? error.message : String(error), { cause: error });
        }),
    }));
    return await runAll<R>(total, executors, { signal, onProgress: options.onProgress });
  } finally {
    signal?.removeEventListener('abort', terminate);
    terminate();
  }
}
