/**
 * Results as JSON (every run and the per-value summary) and CSV (one row per run, or one row per
 * value and metric). Non-finite numbers become null in JSON and empty cells in CSV: NaN means
 * "undefined" and Infinity "never" (see docs/experiments.md).
 */
import { csvField } from '../share/series-csv.ts';
import type { ExperimentResults } from './summary.ts';
import { csvOutcomeNumber } from '../format/numbers.ts';

export function resultsToJson(results: ExperimentResults): string {
  return JSON.stringify(results, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value));
}

/** One row per run: value, seed, then one column per metric. */
export function runsToCsv(results: ExperimentResults): string {
  const lines = [['value', 'seed', ...results.metrics].map(csvField).join(',')];
  for (const run of results.runs) lines.push([csvValue(run.value), String(run.seed), ...results.metrics.map((m) => csvOutcomeNumber(run.outcomes[m]))].join(','));
  return `${lines.join('\n')}\n`;
}

/** One row per value and metric: n, mean, median, p10, p90, min, max. */
export function summaryToCsv(results: ExperimentResults): string {
  const columns = ['n', 'mean', 'median', 'p10', 'p90', 'min', 'max'] as const;
  const lines = [['value', 'metric', ...columns].join(',')];
  for (const row of results.summary) {
    for (const metric of results.metrics) {
      const s = row.outcomes[metric];
      lines.push([csvValue(row.value), csvField(metric), ...columns.map((c) => csvOutcomeNumber(s[c]))].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function csvValue(value: unknown): string {
  return typeof value === 'number' ? csvOutcomeNumber(value) : csvField(typeof value === 'string' ? value : JSON.stringify(value));
}

