/**
 * The live state of the run, outside React (DESIGN.md §5): the latest Float64Array from the
 * worker and its layout. Painters read `get()` once per animation frame and compare `version`;
 * nothing here triggers a render. Offsets: `nodeFieldOffset` / `linkFieldOffset` (src/engine).
 */
import type { LiveLayout } from '../engine/index.ts';

export interface LiveSnapshot {
  layout: LiveLayout | null;
  /** Layout: see src/engine/live.ts; values[0] is the simulated clock in ms. */
  values: Float64Array | null;
  /** Bumped on every new array or layout. */
  version: number;
}

let snapshot: LiveSnapshot = { layout: null, values: null, version: 0 };
const listeners = new Set<() => void>();

export const liveMetrics = {
  get(): LiveSnapshot {
    return snapshot;
  },
  /** Called after every update, at up to ~30 Hz: keep listeners cheap (or use frameScheduler). */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

/**
 * Publishes a new array (and layout, when it changed). Returns the array it replaces, so the
 * caller can hand that buffer back to the worker's pool.
 */
export function publishLive(layout: LiveLayout | null, values: Float64Array | null): Float64Array | null {
  const previous = snapshot.values;
  const layoutChanged = layout !== snapshot.layout;
  // A new layout makes old numbers meaningless: never show them against new ids.
  const next = values ?? (layoutChanged ? null : previous);
  snapshot = { layout, values: next, version: snapshot.version + 1 };
  for (const listener of [...listeners]) listener();
  return next === previous ? null : previous;
}
