/**
 * The run's time series as CSV, shared by the CLI (`faultline run --csv`) and the editor's
 * "Download CSV": one writer, so both give the same columns. Pure (no DOM, no Node).
 */
import type { SeriesReport } from '../engine/index.ts';
import { csvSeriesNumber } from '../format/numbers.ts';

/** The run's time series as CSV: one row per interval, one column per entity and metric. */
export function seriesToCsv(series: SeriesReport): string {
  const headers = ['t_ms'];
  const columns: number[][] = [series.t];
  // probes and alerts (issue 13) exist only in scenarios that have them: older CSVs are unchanged
  for (const group of ['nodes', 'clients', 'links', 'probes', 'alerts'] as const) {
    for (const [entity, metrics] of Object.entries(series[group] ?? {})) {
      for (const [metric, values] of Object.entries(metrics)) {
        headers.push(`${group}.${entity}.${metric}`);
        columns.push(values);
      }
    }
  }
  const lines = [headers.map(csvField).join(',')];
  for (let row = 0; row < series.t.length; row++) lines.push(columns.map((c) => csvSeriesNumber(c[row])).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * A text cell, safe to open in a spreadsheet. Names and values come from scenario files anyone
 * can write, so a cell that starts like a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-…`,
 * or a tab or carriage return before one) gets a leading `'` and is quoted, as OWASP's "CSV
 * injection" advice says; Excel, LibreOffice and Sheets then show it as text and run nothing.
 * Every CSV the project writes (this file, src/experiments/writers.ts) quotes text through here.
 * Numbers are written by their own formatters and never pass through it.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return safe !== text || /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

