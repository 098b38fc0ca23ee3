/**
 * Fetches chart series from the worker at most MAX_POLL_HZ while the run plays, and once more
 * whenever something else changes (pause, step, reload, selection, the options — e.g. the charts'
 * window asking for more history) — timed by the one frame scheduler, so a hidden tab polls nothing.
 * `onSlice(null)`: there is no run any more (New), so whatever showed the last one empties.
 */
import type { SeriesOptions, SeriesSlice } from '../../../workers/protocol.ts';
import { useRunStore } from '../../store/run-store.ts';
import { simulationHost } from '../../store/simulation-worker.ts';
import { frameScheduler } from '../frame-scheduler.ts';

export const MAX_POLL_HZ = 4;

export function pollSeries(ids: () => readonly string[], onSlice: (slice: SeriesSlice | null) => void, options: () => SeriesOptions = () => ({})): () => void {
  let lastFetchMs = -Infinity;
  let lastKey = '';
  let inFlight = false;
  let stopped = false;
  const stop = frameScheduler.onFrame((timeMs) => {
    const { status, revision, runId } = useRunStore.getState();
    if (inFlight || status === 'idle' || status === 'loading' || (status === 'invalid' && runId === 0)) return;
    const wanted = ids();
    const asked = options();
    const key = `${status}|${revision}|${runId}|${wanted.join('\u0000')}|${asked.maxPoints}|${asked.tailMs}`;
    const due = status === 'running' ? timeMs - lastFetchMs >= 1000 / MAX_POLL_HZ || key !== lastKey : key !== lastKey;
    if (!due) return;
    inFlight = true;
    lastFetchMs = timeMs;
    lastKey = key;
    simulationHost()
      .getSeries([...wanted], asked)
      .then((slice) => {
        if (!stopped) onSlice(slice);
      })
      .finally(() => {
        inFlight = false;
      });
  });
  return () => {
    stopped = true;
    stop();
  };
}
