/** Clock, rate and status texts for the run controls, the embed, charts and timeline. */
import type { RunSpeed, RunStatus } from '../../store/run-store.ts';

/** A speed button's text: "Story", "10×", "Max". */
export const speedLabel = (speed: RunSpeed): string => (speed === 'max' ? 'Max' : speed === 'story' ? 'Story' : `${speed}×`);

export function speedTitle(speed: RunSpeed): string {
  if (speed === 'max') return 'As fast as possible';
  if (speed === 'story') return "The story's pace: slow where something happens, fast-forward between";
  return `${speed} simulated seconds per second`;
}

/** What the run is doing, in words (the embed says "Starting…" for idle instead). */
export const RUN_STATUS_TEXT: Readonly<Record<RunStatus, string>> = {
  idle: 'No scenario',
  loading: 'Loading…',
  paused: 'Paused',
  running: 'Running',
  finished: 'Finished',
  invalid: 'Scenario has errors',
  failed: 'Simulation failed',
};

/** 83_400 → "1:23.4"; 7_384_000 → "2:03:04". Tenths only while under an hour. */
export function formatClock(ms: number): string {
  const totalSec = Math.max(0, ms) / 1000;
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(Math.floor(seconds))}`;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

/**
 * The progress bar moves in steps of 1/PROGRESS_STEPS of the run: finer than a pixel at any width
 * it is drawn at (8rem), so it looks the same, but a bar that did not move a step is not written —
 * each write repaints the page, milliseconds with a 1,000-node graph (docs/performance.md).
 */
export const PROGRESS_STEPS = 1000;

/** The progress bar's value for the clock: `simulatedMs` rounded down to a step (the end is the end). */
export function progressValue(simulatedMs: number, durationMs: number): number {
  const spanMs = Math.max(1, durationMs);
  if (simulatedMs >= spanMs) return spanMs;
  const stepMs = spanMs / PROGRESS_STEPS;
  return Math.max(0, Math.floor(simulatedMs / stepMs)) * stepMs;
}

// Rates and axis numbers are src/format's: one style for canvas, panels and charts.
export { formatAxisNumber, formatRate } from '../../format/numbers.ts';

export { formatSimTime } from '../../format/sim-time.ts';
