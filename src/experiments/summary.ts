/**
 * Per value of the varied parameter, each metric across seeds: mean, median, the 10th–90th
 * percentile band and min/max. Infinity ("never") sorts last and counts; NaN (undefined) is left out.
 */
import type { ExperimentPlan, RunResult } from './plan.ts';

export interface Stats {
  /** Seeds with a defined value (NaN left out). */
  n: number;
  mean: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
}

export interface ValueSummary {
  value: unknown;
  /** Metric label → statistics across the seeds of this value. */
  outcomes: Record<string, Stats>;
}

export interface ExperimentResults {
  scenario: string;
  path: string;
  values: unknown[];
  seeds: number[];
  metrics: string[];
  /** One per run, in run order (value-major); missing runs (a cancelled sweep) are left out. */
  runs: RunResult[];
  summary: ValueSummary[];
}

/** Nearest rank: with few seeds an interpolated percentile would invent values between runs. */
function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function stats(values: number[]): Stats {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n, mean: NaN, median: NaN, p10: NaN, p90: NaN, min: NaN, max: NaN };
  const mid = Math.floor(n / 2);
  return {
    n,
    mean: sorted.reduce((a, b) => a + b, 0) / n,
    median: n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    p10: percentile(sorted, 0.1),
    p90: percentile(sorted, 0.9),
    min: sorted[0],
    max: sorted[n - 1],
  };
}

/** What a sweep's results are about, without its runs: enough to summarise runs again (`faultline merge`). */
export type SweepFrame = Pick<ExperimentResults, 'scenario' | 'path' | 'values' | 'seeds' | 'metrics'>;

export function sweepFrame(plan: ExperimentPlan): SweepFrame {
  const { vary, seeds, collect } = plan.experiment;
  return { scenario: plan.scenario, path: vary.path, values: vary.values, seeds, metrics: collect.map((m) => m.label) };
}

export function summarise(plan: ExperimentPlan, results: readonly (RunResult | undefined)[]): ExperimentResults {
  return summariseRuns(sweepFrame(plan), results);
}

/** The results of a frame's runs: in run order, with per-value statistics (the same for any split of the runs). */
export function summariseRuns(frame: SweepFrame, results: readonly (RunResult | undefined)[]): ExperimentResults {
  const runs = results.filter((r): r is RunResult => r !== undefined).sort((a, b) => a.index - b.index);
  const { metrics } = frame;
  const summary = frame.values.map((value, valueIndex) => {
    const mine = runs.filter((r) => r.valueIndex === valueIndex);
    return { value, outcomes: Object.fromEntries(metrics.map((label) => [label, stats(mine.map((r) => r.outcomes[label]))])) };
  });
  return { scenario: frame.scenario, path: frame.path, values: frame.values, seeds: frame.seeds, metrics, runs, summary };
}
