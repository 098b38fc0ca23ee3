/**
 * `faultline sweep <file | built-in experiment id> [--workers N] [--json] [--csv FILE]`: every
 * (value, seed) of the document's `experiment` on Node worker threads; a progress line on stderr;
 * Ctrl-C cancels (exit 130). Results do not depend on --workers (src/experiments/scheduler.ts).
 */
import { writeFileSync } from 'node:fs';
import { planExperiment, resultsToJson, runsToCsv, summarise, formatNumber, type ExperimentResults } from '../experiments';
import { defaultWorkerCount, runInThreads } from '../experiments/node-pool';
import { formatIssue, parseScenarioText } from '../scenario';
import { findBuiltin } from '../scenarios';
import { readSourceText } from './load';
import { builtinExperiments, findBuiltinExperiment } from '../scenarios/experiments';

export const SWEEP_USAGE = 'faultline sweep <scenario.json | built-in experiment id> [--workers N] [--json] [--csv FILE]';

export interface SweepOptions {
  workers?: number;
  json: boolean;
  csv?: string;
}

export interface SweepIo {
  out: (text: string) => void;
  err: (text: string) => void;
  stderr?: NodeJS.WriteStream;
}

/** The raw document from a file or a built-in experiment; a message when neither. */
function readDocument(source: string): { doc: unknown } | { error: string } {
  const builtin = findBuiltinExperiment(source);
  if (builtin) return { doc: structuredClone(builtin.document) };
  const scenario = findBuiltin(source); // a plain built-in scenario: planning says it has no experiment
  if (scenario) return { doc: structuredClone(scenario.scenario) };
  const read = readSourceText(source, 'built-in experiment', builtinExperiments.map((e) => e.id));
  if ('error' in read) return { error: `(file): ${read.error}` };
  const text = read.text;
  // parseScenarioText checks size and syntax with positions; the value itself is then re-read.
  const checked = parseScenarioText(text);
  if (!checked.ok && checked.errors[0]?.path === '(file)') return { error: checked.errors.map(formatIssue).join('\n') };
  return { doc: JSON.parse(text) as unknown };
}

export async function sweep(source: string, options: SweepOptions, io: SweepIo): Promise<number> {
  const read = readDocument(source);
  if ('error' in read) {
    io.err(`${read.error}\n`);
    return 1;
  }
  const planned = planExperiment(read.doc);
  if (!planned.ok) {
    for (const issue of planned.errors) io.err(`${formatIssue(issue)}\n`);
    return 1;
  }
  for (const warning of planned.warnings) io.err(`warning: ${warning}\n`);
  const { plan } = planned;
  const workers = options.workers ?? defaultWorkerCount();

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = new SweepProgressLine(io.stderr ?? process.stderr);
  const started = performance.now();
  let outcome;
  try {
    outcome = await runInThreads(plan, workers, { signal: controller.signal, onProgress: (p) => progress.update(p.done, p.total) });
  } catch (error) {
    progress.done();
    io.err(`faultline: sweep failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  progress.done();
  const seconds = (performance.now() - started) / 1000;
  const results = summarise(plan, outcome.results);
  if (outcome.cancelled) {
    io.err(`cancelled after ${results.runs.length} of ${plan.tasks.length} runs (${seconds.toFixed(1)} s)\n`);
    return 130;
  }
  if (options.csv !== undefined) writeFileSync(options.csv, runsToCsv(results));
  io.out(options.json ? `${resultsToJson(results)}\n` : `${formatSweep(results, seconds, Math.min(workers, plan.tasks.length))}\n`);
  return 0;
}

/** Per metric, a table of value × (n, mean, median, p10, p90, min, max). */
function formatSweep(results: ExperimentResults, seconds: number, workers: number): string {
  const out = [
    `${results.scenario} — ${results.path} over ${results.values.length} values × ${results.seeds.length} seeds = ${results.runs.length} runs in ${seconds.toFixed(1)} s on ${workers} worker${workers === 1 ? '' : 's'} (${(results.runs.length / seconds).toFixed(1)} runs/s)`,
  ];
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

/** Like progress.ts for runs: a live line on a terminal, a line per tenth otherwise, after 1 s. */
class SweepProgressLine {
  private readonly startedMs = performance.now();
  private shown = false;
  private lastTenth = -1;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(done: number, total: number): void {
    const elapsedMs = performance.now() - this.startedMs;
    if (elapsedMs < 1000) return;
    const line = `sweeping… ${done} of ${total} runs (${((done / total) * 100).toFixed(0)}%, ${(elapsedMs / 1000).toFixed(1)} s)`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\u001b[K`);
      this.shown = true;
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.stream.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.shown && this.stream.isTTY) this.stream.write('\r\u001b[K');
  }
}
