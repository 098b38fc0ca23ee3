/**
 * `faultline test`'s pool: Node worker threads, each running whole files, handed out one at a time
 * by the sweep's scheduler (src/experiments/scheduler.ts `runAll`), results placed by file index.
 * Like the sweep's pool (src/experiments/node-pool.ts), a thread loads the engine once; cancelling
 * terminates the threads.
 */
import { Worker } from 'node:worker_threads';
import { runAll, type RunExecutor, type SweepOutcome } from '../experiments/index.ts';
import type { FileRun } from './test-run.ts';

type Reply = { ready: true } | { index: number; run: FileRun } | { index: number; error: string };

class TestThread implements RunExecutor<FileRun> {
  private readonly worker = new Worker(new URL('./test-worker-entry.mjs', import.meta.url));
  private pending: { resolve: (r: FileRun) => void; reject: (e: Error) => void } | null = null;
  readonly ready: Promise<void>;

  constructor(private readonly docs: readonly unknown[]) {
    let started: () => void = () => {};
    let failed: (e: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    this.ready.catch(() => {}); // also reported to the file waiting on the thread, if any
    this.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return started();
      const pending = this.pending;
      this.pending = null;
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(reply.run);
    });
    const fail = (error: Error): void => {
      failed(error);
      this.pending?.reject(error);
      this.pending = null;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a test worker exited (code ${code})`)));
  }

  async run(index: number): Promise<FileRun> {
    await this.ready;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ index, doc: this.docs[index] });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Runs every document on up to `workers` threads; `onResult` sees each file as it finishes. */
export async function runFilesInThreads(
  docs: readonly unknown[],
  workers: number,
  options: { signal?: AbortSignal; onResult?: (results: readonly (FileRun | undefined)[]) => void } = {},
): Promise<SweepOutcome<FileRun>> {
  const count = Math.max(1, Math.min(workers, docs.length));
  const threads = Array.from({ length: count }, () => new TestThread(docs));
  let latest: (FileRun | undefined)[] = [];
  try {
    // runAll places results by index as they come; progress is the moment to look at them
    const executors = threads.map((thread): RunExecutor<FileRun> => ({
      run: async (index) => {
        const run = await thread.run(index);
        latest[index] = run;
        return run;
      },
    }));
    latest = new Array(docs.length).fill(undefined);
    return await runAll(docs.length, executors, { signal: options.signal, onProgress: () => options.onResult?.(latest) });
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
