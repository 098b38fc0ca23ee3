/**
 * One single-failures analysis at a time on the sweeps' browser worker pool: progress, cancel
 * (finished runs are kept and ranked), and the ranking. The canvas tint is the panel's to set.
 */
import { useEffect, useRef, useState } from 'react';
import { rankWeakPoints, type SingleFailurePlan, type WeakPointsResults } from '../../experiments/index.ts';
import { runInBrowser } from '../../experiments/browser-pool.ts';
import type { SweepStatus } from '../experiments/use-sweep-run.ts';

export interface WeakPointsRun {
  status: SweepStatus;
  results: WeakPointsResults | null;
  run(plan: SingleFailurePlan): Promise<WeakPointsResults | null>;
  cancel(): void;
  reset(message?: string): void;
}

export function useWeakPointsRun(): WeakPointsRun {
  const [status, setStatus] = useState<SweepStatus>({ kind: 'idle' });
  const [results, setResults] = useState<WeakPointsResults | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  async function run(plan: SingleFailurePlan): Promise<WeakPointsResults | null> {
    const abort = new AbortController();
    controller.current = abort;
    setResults(null);
    const total = plan.tasks.length;
    setStatus({ kind: 'running', done: 0, total });
    const started = performance.now();
    try {
      const outcome = await runInBrowser(plan, { signal: abort.signal, onProgress: ({ done }) => setStatus({ kind: 'running', done, total }) });
      const ranked = rankWeakPoints(plan, outcome.results);
      setResults(ranked);
      setStatus(outcome.cancelled ? { kind: 'cancelled', done: ranked.runs.length, total } : { kind: 'done', done: total, total, seconds: (performance.now() - started) / 1000 });
      return ranked;
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
