/**
 * Undo and redo as snapshots of the whole document. Documents are immutable and edits share
 * every untouched node, so a snapshot costs one array of pointers, not a copy of the graph.
 * Bounded: the oldest snapshots fall off.
 */
export const HISTORY_LIMIT = 200;

export interface History<T> {
  past: T[];
  future: T[];
}

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** `before` becomes undoable; a new edit clears what could be redone. */
export function recordEdit<T>(history: History<T>, before: T): History<T> {
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1 - HISTORY_LIMIT) : history.past.slice();
  past.push(before);
  return { past, future: [] };
}

export function undoStep<T>(history: History<T>, current: T): { history: History<T>; document: T } | null {
  if (history.past.length === 0) return null;
  const past = history.past.slice(0, -1);
  return { history: { past, future: [current, ...history.future] }, document: history.past[history.past.length - 1] };
}

export function redoStep<T>(history: History<T>, current: T): { history: History<T>; document: T } | null {
  if (history.future.length === 0) return null;
  const [next, ...future] = history.future;
  return { history: { past: [...history.past, current], future }, document: next };
}
