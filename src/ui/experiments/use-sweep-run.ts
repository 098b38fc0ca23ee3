/**
 * One sweep at a time on the browser's worker pool: progress, cancel (finished runs are kept),
 * and the results. Shared by the built-in and the "this scenario" halves of the panel.
 */
import { useEffect, useRef, useState } from 'react';
import { summarise, type ExperimentPlan, type ExperimentResults } from '../../experiments/index.ts';
import { runInBrowser } from '../../experiments/browser-pool.ts';

export type SweepStatus =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; done: number; total: number; seconds: number }
  | { kind: 'cancelled'; done: number; total: number }
  | { kind: 'error'; message: string };

export interface SweepRun {
  status: SweepStatus;
  results: ExperimentResults | null;
  run(plan: ExperimentPlan): Promise<void>;
  cancel(): void;
  /** Back to idle (a new choice), or to an error message that is not the pool's (a refused form). */
  reset(message?: string): void;
}

export function useSweepRun(): SweepRun {
  const [status, setStatus] = useState<SweepStatus>({ kind: 'idle' });
  const [results, setResults] = useState<ExperimentResults | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  async function run(plan: ExperimentPlan): Promise<void> {
    const abort = new AbortController();
    controller.current = abort;
    setResults(null);
    const total = plan.tasks.length;
    setStatus({ kind: 'running', done: 0, total });
    const started = performance.now();
    try {
      const outcome = await runInBrowser(plan, { signal: abort.signal, onProgress: ({ done }) => setStatus({ kind: 'running', done, total }) });
      const summary = summarise(plan, outcome.results);
      setResults(summary);
      setStatus(outcome.cancelled ? { kind: 'cancelled', done: summary.runs.length, total } : { kind: 'done', done: total, total, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
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
