/**
 * Runs A and B to their ends in two compare workers at once (workers/compare.worker.ts, comlink),
 * through the abortable pool (src/experiments/worker-pool.ts), reporting each side's progress.
 * Cancel terminates both workers: a half-finished run has nothing to show.
 */
import { proxy } from 'comlink';
import type { RunReport } from '../../engine/index.ts';
import type { CompareHost, CompareRunResult } from '../../../workers/protocol.ts';
import { browserThread, PoolTaskError, runPool } from '../../experiments/worker-pool.ts';

export interface PairProgress {
  /** 0…1 for A and for B. */
  a: number;
  b: number;
}

export type PairOutcome =
  | { kind: 'done'; a: RunReport; b: RunReport }
  | { kind: 'cancelled' }
  | { kind: 'failed'; side: 'A' | 'B'; errors: string[] };

const SIDES = ['A', 'B'] as const;

/** What a side that did not finish says (a done side never gets here). */
function errorsOf(result: CompareRunResult | undefined): string[] {
  if (result === undefined) return ['the run did not finish'];
  return result.kind === 'invalid' ? result.errors : result.kind === 'failed' ? [result.message] : [];
}

export async function runPair(docA: Record<string, unknown>, docB: Record<string, unknown>, options: { signal: AbortSignal; onProgress: (progress: PairProgress) => void }): Promise<PairOutcome> {
  const docs = [docA, docB];
  const shares = [0, 0];
  let outcome;
  try {
    outcome = await runPool<CompareHost, CompareRunResult>({
      size: 2,
      total: 2,
      start: () => browserThread(new Worker(new URL('../../../workers/compare.worker.ts', import.meta.url), { type: 'module' }), 'the compare worker'),
      run: (remote, index) =>
        remote.run(
          docs[index],
          proxy((simulatedMs: number, totalMs: number) => {
            shares[index] = totalMs > 0 ? simulatedMs / totalMs : 0;
            options.onProgress({ a: shares[0], b: shares[1] });
          }),
        ),
      signal: options.signal,
    });
  } catch (error) {
    if (!(error instanceof PoolTaskError)) throw error;
    return { kind: 'failed', side: SIDES[error.index] ?? 'A', errors: [error.message] };
  }
  if (outcome.cancelled) return { kind: 'cancelled' };
  const [a, b] = outcome.results;
  if (a?.kind !== 'done') return { kind: 'failed', side: 'A', errors: errorsOf(a) };
  if (b?.kind !== 'done') return { kind: 'failed', side: 'B', errors: errorsOf(b) };
  return { kind: 'done', a: a.report, b: b.report };
}
