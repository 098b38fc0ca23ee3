/**
 * Keeps the run in step with the editor's document. The worker decides how (workers/
 * document-update.ts): parameters the engine can change mid-run (PATCHABLE_NODE_FIELDS,
 * PATCHABLE_LINK_FIELDS) are patched live; anything else — a node or link added or removed,
 * another field — reloads from t = 0 (a run cannot resume mid-way on another graph), playing on
 * if it was playing. An invalid document keeps the old run; its errors go to the run store.
 */
import { runActions } from './run-store.ts';

/** Typing a number fires a change per keystroke: wait for a pause in the edits. */
export const SYNC_DEBOUNCE_MS = 150;

export function startDocumentSync(getDocument: () => unknown, subscribe: (listener: () => void) => () => void, debounceMs = SYNC_DEBOUNCE_MS): () => void {
  let sent: unknown = undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let stopped = false;

  // One update at a time, always the latest document: edits made meanwhile are sent after it.
  const send = (): void => {
    timer = null;
    if (stopped || inFlight !== null) return;
    const doc = getDocument();
    if (doc === sent) return; // stores replace the document on change: same object, same content
    sent = doc;
    inFlight = runActions.update(doc).finally(() => {
      inFlight = null;
      if (getDocument() !== sent) schedule();
    });
  };
  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(send, debounceMs);
  };

  send();
  const unsubscribe = subscribe(schedule);
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}
