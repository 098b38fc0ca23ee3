// One side of a comparison (src/ui/compare/run-pair.ts): the page starts two of these, A and B,
// so both runs go to completion off the main thread and side by side on two cores. Cancel is
// `terminate()` from the page; nothing here needs to listen for it.
import { runSide, type CompareWorkerReply, type CompareWorkerRequest } from '../src/compare/index.ts';

/** At most this often a progress message: the page needs a moving bar, not every slice. */
const PROGRESS_EVERY_MS = 100;

const post = (reply: CompareWorkerReply): void => postMessage(reply);

addEventListener('message', (event: MessageEvent<CompareWorkerRequest>) => {
  let lastPostMs = -Infinity;
  try {
    const result = runSide(event.data.doc, (simulatedMs, totalMs) => {
      const now = performance.now();
      if (now - lastPostMs < PROGRESS_EVERY_MS) return;
      lastPostMs = now;
      post({ kind: 'progress', simulatedMs, totalMs });
    });
    post(result.ok ? { kind: 'done', report: result.report } : { kind: 'invalid', errors: result.errors });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
