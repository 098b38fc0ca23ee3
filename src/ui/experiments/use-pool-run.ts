/**
 * One pool job at a time on the browser's worker pool — a sweep or a single-failures analysis:
 * progress, cancel (finished runs are kept and collected), and what the runs add up to.
 */
import { useEffect, useRef, useState } from 'react';
import type { PoolPlan, RunResult } from '../../experiments/panel.ts';
import { runInBrowser } from '../../experiments/browser-pool.ts';

export type SweepStatus =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; done: number; total: number; seconds: number }
  | { kind: 'cancelled'; done: number; total: number }
  | { kind: 'error'; message: string };

export interface PoolRun<P extends PoolPlan, R> {
  status: SweepStatus;
  results: R | null;
  /** Runs the plan; resolves with what its finished runs add up to, or null when the pool failed. */
  run(plan: P): Promise<R | null>;
  cancel(): void;
  /** Back to idle (a new choice), or to an error message that is not the pool's (a refused form). */
  reset(message?: string): void;
}

/** `collect` turns the finished runs (undefined where a cancel stopped one) into the results. */
export function usePoolRun<P extends PoolPlan, R extends { runs: readonly RunResult[] }>(
  collect: (plan: P, results: readonly (RunResult | undefined)[]) => R,
): PoolRun<P, R> {
  const [status, setStatus] = useState<SweepStatus>({ kind: 'idle' });
  const [results, setResults] = useState<R | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  async function run(plan: P): Promise<R | null> {
    const abort = new AbortController();
    controller.current = abort;
    setResults(null);
    const total = plan.tasks.length;
    setStatus({ kind: 'running', done: 0, total });
    const started = performance.now();
    try {
      const outcome = await runInBrowser(plan, { signal: abort.signal, onProgress: ({ done }) => setStatus({ kind: 'running', done, total }) });
      const collected = collect(plan, outcome.results);
      setResults(collected);
      setStatus(outcome.cancelled ? { kind: 'cancelled', done: collected.runs.length, total } : { kind: 'done', done: total, total, seconds: (performance.now() - started) / 1000 });
      return collected;
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  return {
    status,
    results,
    run,
    cancel: () => controller.current?.abort(),
    reset: (message) => {
      setResults(null);
      setStatus(message === undefined ? { kind: 'idle' } : { kind: 'error', message });
    },
  };
}
