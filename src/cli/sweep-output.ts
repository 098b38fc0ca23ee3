/**
 * How a sweep's whole results leave the CLI — the tables, `--json` or `--csv FILE|-` — shared by
 * `faultline sweep` and `faultline merge`, so merged parts print exactly what one sweep prints.
 */
import { runsToCsv, type ExperimentResults } from '../experiments/index.ts';
import { csvOutcomeNumber as formatNumber } from '../format/numbers.ts';
import type { Io } from './io.ts';
import { STDOUT, writeOutput } from './output-path.ts';
import { sweepReportJson } from './report-json.ts';

export interface SweepTiming {
  seconds: number;
  workers: number;
}

/** Writes the results as asked; the exit code (1 when the CSV file could not be written). */
export function writeSweepResults(results: ExperimentResults, options: { json: boolean; csv?: string; timing?: SweepTiming }, io: Io): number {
  if (options.csv === STDOUT) {
    io.out(runsToCsv(results));
    return 0;
  }
  if (options.csv !== undefined) {
    const problem = writeOutput(options.csv, runsToCsv(results));
    if (problem !== null) {
      io.err(`${options.csv}: ${problem}\n`);
      return 1;
    }
  }
  io.out(options.json ? `${sweepReportJson(results)}\n` : `${formatSweep(results, options.timing)}\n`);
  return 0;
}

/** Per metric, a table of value × (n, mean, median, p10, p90, min, max). */
export function formatSweep(results: ExperimentResults, timing: SweepTiming | undefined): string {
  const speed =
    timing === undefined ? '' : ` in ${timing.seconds.toFixed(1)} s on ${timing.workers} worker${timing.workers === 1 ? '' : 's'} (${(results.runs.length / timing.seconds).toFixed(1)} runs/s)`;
  const out = [`${results.scenario} — ${results.path} over ${results.values.length} values × ${results.seeds.length} seeds = ${results.runs.length} runs${speed}`];
  const columns = ['n', 'mean', 'median', 'p10', 'p90', 'min', 'max'] as const;
  for (const metric of results.metrics) {
    const rows = results.summary.map((row) => {
      const s = row.outcomes[metric];
      return [typeof row.value === 'string' ? row.value : JSON.stringify(row.value), ...columns.map((c) => (c === 'n' ? String(s.n) : s[c] === Infinity ? 'never' : formatNumber(s[c]) || '—'))];
    });
    const headers = [results.path, ...columns];
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    out.push('', metric, line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line));
  }
  return out.join('\n');
}

