/**
 * A weak-points ranking as JSON (the CLI puts it under the report header, `kind: "weak-points"`,
 * docs/report.md) and CSV (one row per component, worst first). As for sweeps, Infinity ("never") and NaN ("undefined", e.g. no alerts
 * defined) become null in JSON and empty cells in CSV.
 */
import { csvField } from '../share/series-csv.ts';
import { csvOutcomeNumber } from '../format/numbers.ts';
import type { WeakPointsResults } from './weak-points.ts';

const COLUMNS = ['rank', 'id', 'kind', 'action', 'goodputLost', 'goodputLostShare', 'peakErrorRate', 'recoverySeconds', 'alertFired', 'impact'] as const;

export function weakPointsToJson<T extends WeakPointsResults>(results: T): string {
  return JSON.stringify(results, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value));
}

export function weakPointsToCsv(results: WeakPointsResults): string {
  const lines = [COLUMNS.join(',')];
  for (const point of results.ranked) {
    lines.push(COLUMNS.map((c) => { const v = point[c]; return typeof v === 'number' ? csvOutcomeNumber(v) : csvField(v); }).join(','));
  }
  return `${lines.join('\n')}\n`;
}
