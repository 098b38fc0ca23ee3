/**
 * The one rule for ticks on a simulated-time axis, shared by the charts (uPlot's `incrs` and
 * `values`) and the fault timeline: ticks fall on multiples of a "nice" step — 1/2/5/10/15/30 s,
 * the same in minutes, then 1/2/3/6/12 h and whole days — the smallest step that keeps the ticks
 * at most `maxTicks`. So a 15.5 h run is marked 0h, 3h, 6h…, never 2h 35m or 16m 40s.
 */
import type uPlot from 'uplot';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Below a second (a zoom into a short run): 10/20/50/100/200/500 ms. */
const SUB_SECOND_MS = [10, 20, 50, 100, 200, 500];
const CLOCK_STEPS = [1, 2, 5, 10, 15, 30];
const HOUR_STEPS = [1, 2, 3, 6, 12];
const DAY_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/** Every step the rule allows, ascending, in ms. */
export const TIME_STEPS_MS: readonly number[] = [
  ...SUB_SECOND_MS,
  ...CLOCK_STEPS.map((n) => n * SECOND_MS),
  ...CLOCK_STEPS.map((n) => n * MINUTE_MS),
  ...HOUR_STEPS.map((n) => n * HOUR_MS),
  ...DAY_STEPS.map((n) => n * DAY_MS),
];

/** The smallest allowed step that puts at most `maxTicks` ticks on a span of `spanMs`. */
export function timeTickStep(spanMs: number, maxTicks: number): number {
  const span = Math.max(0, spanMs);
  const most = Math.max(1, Math.floor(maxTicks));
  for (const step of TIME_STEPS_MS) if (Math.floor(span / step) + 1 <= most) return step;
  return TIME_STEPS_MS[TIME_STEPS_MS.length - 1];
}

/** The ticks (ms) on [minMs, maxMs]: every multiple of the step inside it, at most `maxTicks` of them. */
export function timeTicks(minMs: number, maxMs: number, maxTicks: number): { stepMs: number; ticksMs: number[] } {
  const stepMs = timeTickStep(maxMs - minMs, maxTicks);
  const ticksMs: number[] = [];
  // Integer multiples, so a tick is exactly k × step (no drift from repeated addition).
  let k = Math.ceil(minMs / stepMs);
  if (k * stepMs < minMs) k++; // minMs / stepMs can round down (a tiny minMs)
  for (; k * stepMs <= maxMs; k++) ticksMs.push(k * stepMs);
  return { stepMs, ticksMs };
}

/**
 * A tick's label with only the units its step needs: "3h", "15h 30m", "15h 30m 10s", "1.5s".
 * (formatSimTime drops seconds past an hour: two ticks 10 s apart would read the same.)
 */
export function formatTimeTick(ms: number, stepMs: number): string {
  if (ms === 0) return stepMs >= HOUR_MS ? '0h' : stepMs >= MINUTE_MS ? '0m' : '0s';
  const negative = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / MINUTE_MS);
  const secondsMs = abs % MINUTE_MS;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}d`);
  if (hours > 0 && stepMs < DAY_MS) parts.push(`${hours}h`);
  if (minutes > 0 && stepMs < HOUR_MS) parts.push(`${minutes}m`);
  if (secondsMs > 0 && stepMs < MINUTE_MS) {
    const seconds = secondsMs / SECOND_MS;
    parts.push(`${stepMs < SECOND_MS ? Number(seconds.toFixed(2)) : Math.round(seconds)}s`);
  }
  // Only for a time that is not a multiple of its step (not a tick): the seconds, to the hundredth.
  if (parts.length === 0) parts.push(`${Number((secondsMs / SECOND_MS).toFixed(2))}s`);
  return negative + parts.join(' ');
}

/** Room a tick label needs ("15h 30m 10s" at the axis' font), in CSS px. */
export const MIN_TICK_SPACING_PX = 72;

/** How many ticks an axis `widthPx` wide can label without crowding (at least 2: both ends). */
export function maxTicksForWidth(widthPx: number): number {
  return Math.max(2, Math.floor(Math.max(0, widthPx) / MIN_TICK_SPACING_PX) + 1);
}

/** The x ticks of a uPlot chart in simulated seconds, for its current width. */
function plotTicks(u: uPlot, minS: number, maxS: number): { stepMs: number; ticksMs: number[] } {
  const widthPx = u.bbox.width > 0 ? u.bbox.width / (globalThis.devicePixelRatio || 1) : u.width - 60;
  return timeTicks(minS * 1000, maxS * 1000, maxTicksForWidth(widthPx));
}

/**
 * uPlot axis options for an x axis in simulated seconds, by this rule: the ticks (`splits`) and
 * their labels (`values`) come from timeTicks, not from uPlot's own pick among `incrs`.
 */
export function timeAxisOptions(): Pick<uPlot.Axis, 'space' | 'incrs' | 'splits' | 'values'> {
  return {
    space: MIN_TICK_SPACING_PX,
    incrs: TIME_STEPS_MS.map((ms) => ms / 1000),
    splits: (u, _axis, minS, maxS) => plotTicks(u, minS, maxS).ticksMs.map((ms) => ms / 1000),
    values: (u, splits) => {
      const { stepMs } = plotTicks(u, u.scales.x.min ?? 0, u.scales.x.max ?? 1);
      return splits.map((s) => formatTimeTick(Math.round(s * 1000), stepMs));
    },
  };
}
