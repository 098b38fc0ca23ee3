/**
 * `faultline sweep <file | built-in> --single-failures [--at D] [--for D] [--only id,id] [--seeds
 * list]`, and `faultline sweep <built-in weak-points id>`: every single failure tried on the sweep's
 * worker threads (src/experiments/single-failures.ts), progress on stderr, then the components
 * ranked worst first — a table, `--json` or `--csv FILE|-`. Ctrl-C cancels (exit 130).
 */
import { planSingleFailures, rankWeakPoints, weakPointsToCsv, type SingleFailureRequest, type WeakPointsResults } from '../experiments/index.ts';
import { weakPointsReportJson } from './report-json.ts';
import { defaultWorkerCount, runInThreads } from '../experiments/node-pool.ts';
import { formatDuration } from '../scenario/index.ts';
import { builtinScenarios, findBuiltin } from '../scenarios/index.ts';
import { builtinWeakPoints, findBuiltinWeakPoints } from '../scenarios/experiments/index.ts';
import type { Io } from './io.ts';
import { readDocument } from './load.ts';
import { checkOutputOptions } from './output-options.ts';
import { STDOUT, writeOutput } from './output-path.ts';
import { formatProblem, locateIssues } from './problems.ts';
import { SweepProgressLine } from './sweep-progress.ts';

export interface SingleFailureOptions {
  workers?: number;
  json: boolean;
  csv?: string;
  timing: boolean;
  request: SingleFailureRequest;
}

export async function singleFailuresSweep(source: string, options: SingleFailureOptions, io: Io & { stderr?: NodeJS.WriteStream }): Promise<number> {
  if (!checkOutputOptions(options.csv, options.json, 'sweep', io)) return 2;
  const builtin = findBuiltinWeakPoints(source);
  // a built-in analysis brings its times; --at/--for given on the command line win
  const request: SingleFailureRequest = { ...(builtin ? { at: builtin.at, for: builtin.for, only: builtin.only } : {}), ...definedOnly(options.request) };
  const ids = [...builtinWeakPoints.map((w) => w.id), ...builtinScenarios.map((s) => s.id)];
  const read = await readDocument(source, (id) => findBuiltin(builtin?.scenario ?? id)?.scenario, 'built-in scenario', ids);
  if (!read.ok) {
    for (const problem of read.errors) io.err(`${formatProblem(read.name, problem)}\n`);
    return 1;
  }
  const planned = planSingleFailures(read.doc, request);
  if (!planned.ok) {
    for (const problem of locateIssues(planned.errors.filter((e) => !['at', 'for', 'only', 'seeds'].includes(e.path)), read.text)) io.err(`${formatProblem(read.name, problem)}\n`);
    for (const e of planned.errors.filter((e) => ['at', 'for', 'only', 'seeds'].includes(e.path))) io.err(`faultline sweep: --${e.path}: ${e.message}\n`);
    return planned.errors.every((e) => ['at', 'for', 'only', 'seeds'].includes(e.path)) ? 2 : 1;
  }
  for (const warning of planned.warnings) io.err(`${read.name}: warning: ${warning}\n`);
  const { plan } = planned;
  const workers = options.workers ?? defaultWorkerCount();
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = new SweepProgressLine(io.stderr ?? process.stderr, 'trying failures…');
  const started = performance.now();
  let outcome;
  try {
    outcome = await runInThreads(plan, workers, { signal: controller.signal, onProgress: (p) => progress.update(p.done, p.total) });
  } catch (error) {
    progress.done();
    io.err(`${read.name}: single-failures analysis failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  progress.done();
  const seconds = (performance.now() - started) / 1000;
  const results = rankWeakPoints(plan, outcome.results);
  if (outcome.cancelled) {
    io.err(`${read.name}: cancelled after ${results.runs.length} of ${plan.tasks.length} runs (${seconds.toFixed(1)} s)\n`);
    return 130;
  }
  if (options.csv !== undefined) {
    if (options.csv === STDOUT) {
      io.out(weakPointsToCsv(results));
      return 0;
    }
    const problem = writeOutput(options.csv, weakPointsToCsv(results));
    if (problem !== null) {
      io.err(`${options.csv}: ${problem}\n`);
      return 1;
    }
  }
  const threads = Math.min(workers, plan.tasks.length);
  const timing = options.timing ? ` in ${seconds.toFixed(1)} s on ${threads} worker${threads === 1 ? '' : 's'}` : '';
  io.out(options.json ? `${weakPointsReportJson(results)}\n` : `${formatWeakPoints(results, plan.tasks.length, timing)}\n`);
  return 0;
}

function definedOnly(request: SingleFailureRequest): SingleFailureRequest {
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as SingleFailureRequest;
}

function cell(value: number, digits: number, unit = ''): string {
  if (Number.isNaN(value)) return '–';
  if (value === Infinity) return 'never';
  return `${Number(value.toFixed(digits))}${unit}`;
}

/** The ranked table: one row per component, worst first. */
export function formatWeakPoints(results: WeakPointsResults, runs: number, timing: string): string {
  const noAlerts = results.ranked.every((p) => Number.isNaN(p.alertFired));
  const head = [
    `${results.scenario} — every single failure tried: ${results.ranked.length} component${results.ranked.length === 1 ? '' : 's'} failed at ${formatDuration(results.atMs)} for ${formatDuration(results.forMs)}, ${results.seeds.length} seed${results.seeds.length === 1 ? '' : 's'} (${results.seeds.join(', ')}), ${runs} runs${timing}`,
    `baseline: ${cell(results.baseline.goodput, 1)} good requests from ${formatDuration(results.atMs)} to the end${noAlerts ? '; alert fired: – (no alerts defined)' : ''}`,
    '',
  ];
  const headers = ['rank', 'component', 'failure', 'goodput lost', 'lost share', 'peak errors', 'recovery', 'alert fired', 'impact'];
  const rows = results.ranked.map((p) => [
    String(p.rank),
    p.id,
    `${p.kind} ${p.action}`,
    cell(p.goodputLost, 1),
    cell(p.goodputLostShare * 100, 1, '%'),
    cell(p.peakErrorRate * 100, 1, '%'),
    Number.isFinite(p.recoverySeconds) ? `${cell(p.recoverySeconds, 1)} s` : cell(p.recoverySeconds, 1),
    Number.isNaN(p.alertFired) ? '–' : results.seeds.length === 1 ? (p.alertFired === 1 ? 'yes' : 'no') : `${cell(p.alertFired * 100, 0)}% of seeds`,
    p.impact,
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const left = new Set([1, 2, 8]);
  const line = (cells: string[]): string => cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [...head, line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}
