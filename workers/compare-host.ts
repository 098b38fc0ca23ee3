/**
 * One side of a comparison (src/ui/compare/run-pair.ts starts two compare workers, A and B, through
 * the abortable pool): the whole run, with progress through a callback (a comlink proxy from the
 * page). Free of comlink and worker globals so Node can drive it. Cancel is the pool terminating
 * the worker: `runSide` is synchronous, so nothing here could hear a message meanwhile.
 */
import { runSide } from '../src/compare/index.ts';
import type { CompareHost } from './protocol.ts';

/** At most this often a progress call: the page needs a moving bar, not every slice. */
export const PROGRESS_EVERY_MS = 100;

export function createCompareHost(): CompareHost {
  return {
    run(doc, onProgress) {
      let lastCallMs = -Infinity;
      try {
        const result = runSide(doc, (simulatedMs, totalMs) => {
          const now = performance.now();
          if (onProgress === undefined || now - lastCallMs < PROGRESS_EVERY_MS) return;
          lastCallMs = now;
          void onProgress(simulatedMs, totalMs);
        });
        return result.ok ? { kind: 'done', report: result.report } : { kind: 'invalid', errors: result.errors };
      } catch (error) {
        return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
