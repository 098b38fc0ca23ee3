/**
 * Hands whole runs to a set of executors (worker threads, Web Workers, or the calling thread),
 * one at a time each, and places every result by its run index — so the results are the same
 * whatever the number of executors and whichever finishes first.
 */
import type { RunResult } from './plan.ts';

/** `R` is a sweep's RunResult by default; `faultline test` hands out whole files the same way. */
export interface RunExecutor<R = RunResult> {
  run(index: number): Promise<R>;
}

export interface SweepProgress {
  done: number;
  total: number;
}

export interface SweepOutcome<R = RunResult> {
  /** By run index; undefined where a cancelled sweep never ran it. */
  results: (R | undefined)[];
  cancelled: boolean;
}

export async function runAll<R = RunResult>(
  total: number,
  executors: readonly RunExecutor<R>[],
  options: { signal?: AbortSignal; onProgress?: (progress: SweepProgress) => void } = {},
): Promise<SweepOutcome<R>> {
  if (executors.length === 0) throw new Error('a sweep needs at least one executor');
  const results: (R | undefined)[] = new Array(total).fill(undefined);
  let next = 0;
  let done = 0;
  const { signal, onProgress } = options;
  const cancelled = (): boolean => signal?.aborted === true;
  // On cancel, executors still busy are abandoned (the pool terminates them); stop waiting for them.
  const aborted = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  const loop = async (executor: RunExecutor<R>): Promise<void> => {
    while (!cancelled() && next < total) {
      const index = next++;
      const result = await executor.run(index);
      if (cancelled()) return;
      results[index] = result;
      done++;
      onProgress?.({ done, total });
    }
  };
  await Promise.race([Promise.all(executors.map(loop)), aborted]);
  return { results, cancelled: cancelled() };
}

/** Runs in the calling thread (tests, a one-worker fallback): each run is synchronous. */
export function inlineExecutor(run: (index: number) => RunResult): RunExecutor {
  return { run: async (index) => run(index) };
}
