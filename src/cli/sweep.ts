/**
 * `faultline sweep <file | built-in experiment id | -> [--workers N] [--json] [--csv FILE|-]
 * [--no-timing] [--shard K/N | index/N]`: every (value, seed) of the document's `experiment` on
 * Node worker threads; a progress line on stderr; Ctrl-C cancels (exit 130). Results do not depend
 * on --workers (src/experiments/scheduler.ts). With --shard, only the shard's runs, printed as a
 * part for `faultline merge` (sweep-part.ts).
 */
import { parseShard, planExperiment, shardRunIndices, summarise, type Shard } from '../experiments/index.ts';
import { defaultWorkerCount, runInThreads } from '../experiments/node-pool.ts';
import { findBuiltin } from '../scenarios/index.ts';
import { builtinExperiments, findBuiltinExperiment, findBuiltinWeakPoints } from '../scenarios/experiments/index.ts';
import { COMMAND_HELP } from './help.ts';
import type { Io } from './io.ts';
import { readDocument } from './load.ts';
import { checkOutputOptions } from './output-options.ts';
import { formatProblem, locateIssues } from './problems.ts';
import { writeSweepResults } from './sweep-output.ts';
import { SweepProgressLine } from './sweep-progress.ts';
import { singleFailuresSweep } from './single-failures.ts';
import { experimentFingerprint, sweepPartDocument } from './sweep-part.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

export interface SweepOptions {
  workers?: number;
  json: boolean;
  csv?: string;
  timing: boolean;
  /** Run only this shard's runs and print them as a part (JSON) for `faultline merge`. */
  shard?: Shard;
}

export interface SweepIo extends Io {
  stderr?: NodeJS.WriteStream;
}

export async function sweepCommand(args: string[], io: SweepIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('sweep', args, {
    workers: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'string' },
    'no-timing': { type: 'boolean' },
    shard: { type: 'string' },
    'single-failures': { type: 'boolean' },
    at: { type: 'string' },
    for: { type: 'string' },
    only: { type: 'string' },
    seeds: { type: 'string' },
  });
  if (values.help) {
    io.out(`${COMMAND_HELP.sweep}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('sweep takes exactly one scenario file (with an experiment, or any with --single-failures), built-in experiment id or "-" (stdin)', 'sweep');
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isSafeInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers: expected a whole number from 1 to 64, got "${values.workers}"`, 'sweep');
  }
  const singleFailures = values['single-failures'] === true || (positionals.length === 1 && findBuiltinWeakPoints(positionals[0]) !== undefined);
  if (singleFailures) {
    if (values.shard !== undefined) throw new UsageError('--shard splits a sweep of an experiment; a single-failures analysis runs on one machine', 'sweep');
    const seeds = values.seeds === undefined ? undefined : values.seeds.split(',').map((s) => Number(s.trim()));
    if (seeds?.some((s) => !Number.isSafeInteger(s) || s < 0)) throw new UsageError(`--seeds: expected whole numbers ≥ 0 separated by commas, got "${values.seeds}"`, 'sweep');
    const only = values.only?.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const request = { at: values.at, for: values.for, only, seeds };
    return singleFailuresSweep(positionals[0], { workers, json: values.json === true, csv: values.csv, timing: values['no-timing'] !== true, request }, io);
  }
  for (const flag of ['at', 'for', 'only', 'seeds'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} belongs to --single-failures (an experiment's seeds are in its file)`, 'sweep');
  }
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const parsed = parseShard(values.shard, process.env);
    if (!parsed.ok) throw new UsageError(`--shard: ${parsed.problem}`, 'sweep');
    if (values.csv !== undefined) throw new UsageError('--shard prints a part for `faultline merge`, not CSV; give --csv to merge instead', 'sweep');
    shard = parsed.shard;
  }
  return sweep(positionals[0], { workers, json: values.json === true, csv: values.csv, timing: values['no-timing'] !== true, shard }, io);
}

/** The document of a built-in experiment (or of a plain built-in scenario: planning says it has no experiment). */
function builtinDocument(id: string): unknown {
  return findBuiltinExperiment(id)?.document ?? findBuiltin(id)?.scenario;
}

export async function sweep(source: string, options: SweepOptions, io: SweepIo): Promise<number> {
  if (!checkOutputOptions(options.csv, options.json, 'sweep', io)) return 2;
  const read = await readDocument(source, builtinDocument, 'built-in experiment', builtinExperiments.map((e) => e.id));
  if (!read.ok) {
    for (const problem of read.errors) io.err(`${formatProblem(read.name, problem)}\n`);
    return 1;
  }
  const planned = planExperiment(read.doc);
  if (!planned.ok) {
    for (const problem of locateIssues(planned.errors, read.text)) io.err(`${formatProblem(read.name, problem)}\n`);
    return 1;
  }
  for (const warning of planned.warnings) io.err(`${read.name}: warning: ${warning}\n`);
  const { plan } = planned;
  const workers = options.workers ?? defaultWorkerCount();
  const indices = options.shard === undefined ? undefined : shardRunIndices(plan.tasks.length, options.shard);

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = new SweepProgressLine(io.stderr ?? process.stderr);
  const started = performance.now();
  let outcome;
  try {
    outcome = await runInThreads(plan, workers, { signal: controller.signal, indices, onProgress: (p) => progress.update(p.done, p.total) });
  } catch (error) {
    progress.done();
    io.err(`${read.name}: sweep failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  progress.done();
  const seconds = (performance.now() - started) / 1000;
  const results = summarise(plan, outcome.results);
  const wanted = indices?.length ?? plan.tasks.length;
  if (outcome.cancelled) {
    io.err(`${read.name}: cancelled after ${results.runs.length} of ${wanted} runs (${seconds.toFixed(1)} s)\n`);
    return 130;
  }
  if (options.shard !== undefined) {
    io.out(`${JSON.stringify(sweepPartDocument(results, options.shard, plan.tasks.length, experimentFingerprint(plan.doc)))}\n`);
    return 0;
  }
  const timing = options.timing ? { seconds, workers: Math.min(workers, plan.tasks.length) } : undefined;
  return writeSweepResults(results, { json: options.json, csv: options.csv, timing }, io);
}
