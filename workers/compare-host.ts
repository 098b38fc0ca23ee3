/**
 * One side of a comparison (src/ui/compare/run-pair.ts starts two compare workers, A and B, through
 * the abortable pool): the whole run, with progress through a callback (a comlink proxy from the
 * page). Free of comlink and worker globals so Node can drive it. Cancel is the pool terminating
 * the worker: `runSide` is synchronous, so nothing here could hear a message meanwhile.
 * It also answers the dialog's choices (`choices`, `pathEdit`): the page carries no parser (issue
 * 16), so one compare worker stays up while the dialog is mounted (src/ui/compare/chooser.ts).
 */
import { builtinVariants, capDuration, pathEditVariant, runSide, suggestChanges } from '../src/compare/index.ts';
import { formatIssue, parseScenario } from '../src/scenario/index.ts';
import type { CompareHost } from './protocol.ts';

/** At most this often a progress call: the page needs a moving bar, not every slice. */
export const PROGRESS_EVERY_MS = 100;

export function createCompareHost(): CompareHost {
  return {
    run(doc, onProgress, capMs = null) {
      let lastCallMs = -Infinity;
      try {
        const result = runSide(capDuration(doc, capMs), (simulatedMs, totalMs) => {
          const now = performance.now();
          if (onProgress === undefined || now - lastCallMs < PROGRESS_EVERY_MS) return;
          lastCallMs = now;
          void onProgress(simulatedMs, totalMs);
        });
        return result.ok ? { kind: 'done', report: result.report, faults: result.faults } : { kind: 'invalid', errors: result.errors };
      } catch (error) {
        return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },

    choices(doc) {
      const parsed = parseScenario(doc);
      if (!parsed.ok) return { a: { ok: false, errors: parsed.errors.map(formatIssue) }, fixes: [], suggestions: [] };
      return { a: { ok: true, durationMs: parsed.spec.durationMs, faults: parsed.spec.faults }, fixes: builtinVariants(doc), suggestions: suggestChanges(doc) };
    },

    pathEdit(doc, pathText, valueText) {
      return pathEditVariant(doc, pathText, valueText);
    },
  };
}
