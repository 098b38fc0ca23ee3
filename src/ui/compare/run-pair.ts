/**
 * Runs A and B to their ends in two Web Workers at once (workers/compare.worker.ts), reporting the
 * slower side's progress. Cancel terminates both workers: a half-finished run has nothing to show.
 */
import type { RunReport } from '../../engine/index.ts';
import type { CompareWorkerReply } from '../../compare/index.ts';

export interface PairProgress {
  /** 0…1 for A and for B. */
  a: number;
  b: number;
}

export type PairOutcome =
  | { kind: 'done'; a: RunReport; b: RunReport }
  | { kind: 'cancelled' }
  | { kind: 'failed'; side: 'A' | 'B'; errors: string[] };

function startSide(doc: Record<string, unknown>, onProgress: (share: number) => void): { worker: Worker; result: Promise<RunReport | { errors: string[] }> } {
  const worker = new Worker(new URL('../../../workers/compare.worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<RunReport | { errors: string[] }>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<CompareWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') onProgress(reply.totalMs > 0 ? reply.simulatedMs / reply.totalMs : 0);
      else if (reply.kind === 'done') resolve(reply.report);
      else if (reply.kind === 'invalid') resolve({ errors: reply.errors });
      else resolve({ errors: [reply.message] });
    });
    worker.addEventListener('error', (event) => resolve({ errors: [`the compare worker failed: ${event.message || 'it could not start'}`] }));
  });
  worker.postMessage({ doc });
  return { worker, result };
}

export async function runPair(docA: Record<string, unknown>, docB: Record<string, unknown>, options: { signal: AbortSignal; onProgress: (progress: PairProgress) => void }): Promise<PairOutcome> {
  const progress: PairProgress = { a: 0, b: 0 };
  const sideA = startSide(docA, (share) => options.onProgress({ ...progress, a: (progress.a = share) }));
  const sideB = startSide(docB, (share) => options.onProgress({ ...progress, b: (progress.b = share) }));
  const terminate = (): void => {
    sideA.worker.terminate();
    sideB.worker.terminate();
  };
  const aborted = new Promise<'cancelled'>((resolve) => {
    if (options.signal.aborted) resolve('cancelled');
    options.signal.addEventListener('abort', () => resolve('cancelled'), { once: true });
  });
  try {
    const both = await Promise.race([Promise.all([sideA.result, sideB.result]), aborted]);
    if (both === 'cancelled') return { kind: 'cancelled' };
    const [a, b] = both;
    if ('errors' in a) return { kind: 'failed', side: 'A', errors: a.errors };
    if ('errors' in b) return { kind: 'failed', side: 'B', errors: b.errors };
    return { kind: 'done', a, b };
  } finally {
    terminate();
  }
}
