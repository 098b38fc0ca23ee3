/**
 * The run's time series as CSV, shared by the CLI (`faultline run --csv`) and the editor's
 * "Download CSV": one writer, so both give the same columns. Pure (no DOM, no Node).
 */
import type { SeriesReport } from '../engine/report-types';

/** The run's time series as CSV: one row per interval, one column per entity and metric. */
export function seriesToCsv(series: SeriesReport): string {
  const headers = ['t_ms'];
  const columns: number[][] = [series.t];
  for (const group of ['nodes', 'clients', 'links'] as const) {
    for (const [entity, metrics] of Object.entries(series[group])) {
      for (const [metric, values] of Object.entries(metrics)) {
        headers.push(`${group}.${entity}.${metric}`);
        columns.push(values);
      }
    }
  }
  const lines = [headers.map(csvField).join(',')];
  for (let row = 0; row < series.t.length; row++) lines.push(columns.map((c) => formatNumber(c[row])).join(','));
  return `${lines.join('\n')}\n`;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(6);
}
