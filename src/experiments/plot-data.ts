/**
 * What a plot of outcome against parameter draws, host-free: x per value (a duration counts in
 * ms), the line through the seeds (mean or median), the 10th–90th percentile band and every seed
 * as a dot. Infinity ("never") and NaN are gaps (null), not points off the chart.
 */
import { parseDuration } from '../scenario/facts.ts';
import type { ExperimentResults } from './summary.ts';

export interface PlotSpec {
  metric: string;
  line: 'mean' | 'median';
  xDivide?: number;
  yDivide?: number;
}

export interface PlotData {
  x: number[];
  line: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  dots: { x: number; y: number }[];
  /** Seeds whose value is Infinity ("never"), per value. */
  never: number[];
}

/** A varied value as a number: numbers as they are, durations in ms, anything else NaN. */
export function numericValue(value: unknown): number {
  if (typeof value === 'number') return value;
  return parseDuration(value) ?? NaN;
}

const finite = (v: number | undefined, divide: number): number | null => (v !== undefined && Number.isFinite(v) ? v / divide : null);

export function plotData(results: ExperimentResults, spec: PlotSpec): PlotData {
  const xd = spec.xDivide ?? 1;
  const yd = spec.yDivide ?? 1;
  const x = results.summary.map((row) => numericValue(row.value) / xd);
  const stats = results.summary.map((row) => row.outcomes[spec.metric]);
  const dots = results.runs.flatMap((run) => {
    const y = finite(run.outcomes[spec.metric], yd);
    return y === null ? [] : [{ x: numericValue(run.value) / xd, y }];
  });
  const never = results.summary.map((_, i) => results.runs.filter((r) => r.valueIndex === i && r.outcomes[spec.metric] === Infinity).length);
  return {
    x,
    line: stats.map((s) => (s && s.n > 0 ? finite(s[spec.line], yd) : null)),
    low: stats.map((s) => (s && s.n > 0 ? finite(s.p10, yd) : null)),
    high: stats.map((s) => (s && s.n > 0 ? finite(s.p90, yd) : null)),
    dots,
    never,
  };
}
