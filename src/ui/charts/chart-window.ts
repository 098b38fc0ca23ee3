/**
 * Which stretch of simulated time the charts show. By default they follow the playhead: the
 * scenario's story window while the playhead is inside it, else the last FOLLOW_SPAN_MS (from 0
 * until the run is that old); a run no longer than that is shown whole. "Whole run" shows 0 to
 * the end. A 15.5 h story drawn whole gives its first 35 minutes a sliver; followed, they fill
 * the chart.
 */

export type ChartWindowMode = 'follow' | 'whole';

/** How much the followed window shows: the last 10 minutes of simulated time. */
export const FOLLOW_SPAN_MS = 10 * 60_000;

/** A stretch the scenario names as the one that matters (optional; from the document when it has one). */
export interface StoryWindow {
  fromMs: number;
  toMs: number;
}

export interface ChartWindow {
  minMs: number;
  maxMs: number;
}

export interface ChartWindowInput {
  nowMs: number;
  durationMs: number;
  mode: ChartWindowMode;
  story?: StoryWindow | null;
}

/** The window for the playhead at `nowMs`; always minMs < maxMs, inside [0, max(duration, 1 ms)]. */
export function chartWindow({ nowMs, durationMs, mode, story }: ChartWindowInput): ChartWindow {
  const endMs = Math.max(1, Number.isFinite(durationMs) ? durationMs : 1);
  if (mode === 'whole' || endMs <= FOLLOW_SPAN_MS) return { minMs: 0, maxMs: endMs };
  const now = Math.min(endMs, Math.max(0, Number.isFinite(nowMs) ? nowMs : 0));
  const inStory = usableStory(story, endMs);
  if (inStory && now >= inStory.fromMs && now <= inStory.toMs) return { minMs: inStory.fromMs, maxMs: inStory.toMs };
  const maxMs = Math.max(now, FOLLOW_SPAN_MS);
  return { minMs: maxMs - FOLLOW_SPAN_MS, maxMs };
}

/**
 * How much history (ms before the worker's now) the charts need for `mode`: undefined for the
 * whole run. A quarter more than the window, as the worker's clock runs ahead of the page's.
 */
export function historyNeededMs(mode: ChartWindowMode, story?: StoryWindow | null): number | undefined {
  if (mode === 'whole') return undefined;
  const storySpan = story ? Math.max(0, story.toMs - story.fromMs) : 0;
  return Math.ceil(Math.max(FOLLOW_SPAN_MS, storySpan) * 1.25);
}

/** A story window clipped to the run, or null when it is empty or not numbers. */
function usableStory(story: StoryWindow | null | undefined, endMs: number): StoryWindow | null {
  if (!story || !Number.isFinite(story.fromMs) || !Number.isFinite(story.toMs)) return null;
  const fromMs = Math.max(0, story.fromMs);
  const toMs = Math.min(endMs, story.toMs);
  return toMs > fromMs ? { fromMs, toMs } : null;
}
