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

export function summarise(plan: ExperimentPlan, results: readonly (RunResult | undefined)[]): ExperimentResults {
  const runs = results.filter((r): r is RunResult => r !== undefined).sort((a, b) => a.index - b.index);
  const metrics = plan.experiment.collect.map((m) => m.label);
  const summary = plan.experiment.vary.values.map((value, valueIndex) => {
    const mine = runs.filter((r) => r.valueIndex === valueIndex);
    return { value, outcomes: Object.fromEntries(metrics.map((label) => [label, stats(mine.map((r) => r.outcomes[label]))])) };
  });
  return { scenario: plan.scenario, path: plan.experiment.vary.path, values: plan.experiment.vary.values, seeds: plan.experiment.seeds, metrics, runs, summary };
}
