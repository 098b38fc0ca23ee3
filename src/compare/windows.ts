/**
 * Sums over a report's series in a window of simulated time. Series values are per interval and
 * t[i] is the end of interval i (DESIGN.md §4), so [fromMs, toMs) covers whole intervals only.
 */
import type { RunReport } from '../engine/index.ts';

export function intervalRange(report: RunReport, fromMs: number, toMs: number): [number, number] {
  const dt = report.series.intervalMs;
  const first = Math.max(0, Math.ceil(fromMs / dt - 1e-9));
  const end = Math.min(report.series.t.length, Math.floor(toMs / dt + 1e-9));
  return [first, Math.max(first, end)];
}

export function sumIn(values: readonly number[] | undefined, [from, to]: [number, number]): number {
  if (!values) return 0;
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] ?? 0;
  return total;
}

/** Mean of a per-interval count as a rate per second over the window; NaN for an empty window. */
export function ratePerSecIn(report: RunReport, values: readonly number[] | undefined, range: [number, number]): number {
  const seconds = ((range[1] - range[0]) * report.series.intervalMs) / 1000;
  return seconds > 0 ? sumIn(values, range) / seconds : NaN;
}

/** The last value of a series (a level such as queue depth, sampled at the interval's end). */
export function lastOf(values: readonly number[] | undefined): number {
  return values && values.length > 0 ? values[values.length - 1] : NaN;
}

/** The largest value of a level series (sampled at interval ends, so a peak between samples is missed). */
export function peakOf(values: readonly number[]): number {
  let peak = -Infinity;
  for (const v of values) if (v > peak) peak = v; // a loop: spreading a long series would overflow the stack
  return peak === -Infinity ? NaN : peak;
}
