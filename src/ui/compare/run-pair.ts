/**
 * Runs A and B to their ends in two compare workers at once (workers/compare.worker.ts, comlink),
 * through the abortable pool (src/experiments/worker-pool.ts), reporting each side's progress.
 * Cancel terminates both workers: a half-finished run has nothing to show.
 *
 * Progress calls travel on the callback's own comlink port, not with the answer, and terminating
 * a worker does not empty that port: calls the worker made just before its end (or just before its
 * answer) can land after the outcome. They are dropped once the pair has settled or been
 * cancelled, or they would put a cancelled or finished dialog back to "running".
 */
import { proxy } from 'comlink';
import type { FaultSpec, RunReport } from '../../engine/index.ts';
import type { CompareHost, CompareRunResult } from '../../../workers/protocol.ts';
import { browserThread, PoolTaskError, runPool, type WorkerThread } from '../../experiments/worker-pool.ts';

export interface PairProgress {
  /** 0…1 for A and for B. */
  a: number;
  b: number;
}

export type PairOutcome =
  | { kind: 'done'; a: RunReport; b: RunReport; faultsA: FaultSpec[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; side: 'A' | 'B'; errors: string[] };

const SIDES = ['A', 'B'] as const;

/** What a side that did not finish says (a done side never gets here). */
function errorsOf(result: CompareRunResult | undefined): string[] {
  if (result === undefined) return ['the run did not finish'];
  return result.kind === 'invalid' ? result.errors : result.kind === 'failed' ? [result.message] : [];
}

/** A compare worker as the page starts it. */
export const browserCompareThread = (): WorkerThread =>
  browserThread(new Worker(new URL('../../../workers/compare.worker.ts', import.meta.url), { type: 'module' }), 'the compare worker');

export interface PairOptions {
  signal: AbortSignal;
  /** Both runs cut to this length when they are longer (null: whole runs). */
  capMs?: number | null;
  /** Called only while the pair is running: never after the promise settles or the signal aborts. */
  onProgress: (progress: PairProgress) => void;
  /** Starts one compare worker: the page's Web Worker by default; a Node thread in tests/contract. */
  start?: () => WorkerThread;
}

export async function runPair(docA: Record<string, unknown>, docB: Record<string, unknown>, options: PairOptions): Promise<PairOutcome> {
  const docs = [docA, docB];
  const shares = [0, 0];
  let settled = false;
  let outcome;
  try {
    outcome = await runPool<CompareHost, CompareRunResult>({
      size: 2,
      total: 2,
      start: options.start ?? browserCompareThread,
      run: (remote, index) =>
        remote.run(
          docs[index],
          proxy((simulatedMs: number, totalMs: number) => {
            if (settled || options.signal.aborted) return;
            shares[index] = totalMs > 0 ? simulatedMs / totalMs : 0;
            options.onProgress({ a: shares[0], b: shares[1] });
          }),
          options.capMs ?? null,
        ),
      signal: options.signal,
    });
  } catch (error) {
    if (!(error instanceof PoolTaskError)) throw error;
    return { kind: 'failed', side: SIDES[error.index] ?? 'A', errors: [error.message] };
  } finally {
    settled = true;
  }
  if (outcome.cancelled) return { kind: 'cancelled' };
  const [a, b] = outcome.results;
  if (a?.kind !== 'done') return { kind: 'failed', side: 'A', errors: errorsOf(a) };
  if (b?.kind !== 'done') return { kind: 'failed', side: 'B', errors: errorsOf(b) };
  return { kind: 'done', a: a.report, b: b.report, faultsA: a.faults };
}
