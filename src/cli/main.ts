import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatIssue } from '../scenario';
import { builtinScenarios } from '../scenarios';
import { seriesToCsv } from './csv';
import { loadScenario, type Overrides } from './load';
import { Progress } from './progress';
import { simulateGuarded, stoppedMessage } from './guarded-run';
import { formatSummary } from './summary-table';
import { sweep, SWEEP_USAGE } from './sweep';

export const USAGE = `Usage:
  faultline run <scenario.json | built-in id> [--seed N] [--duration D] [--json] [--csv FILE]
  faultline validate <scenario.json>
  faultline list
  ${SWEEP_USAGE}

Exit codes: 0 ok, 1 simulation or validation failure, 2 bad usage.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return run(rest, io);
      case 'validate':
        return validate(rest, io);
      case 'sweep':
        return await sweepCommand(rest, io);
      case 'list':
        for (const s of builtinScenarios) io.out(`${s.id.padEnd(22)} ${(s.reference ?? '').padEnd(3)} ${s.title} — ${s.summary}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        io.err(`faultline: unknown command "${command}"\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`faultline: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.err(`faultline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

class UsageError extends Error {}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function run(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    seed: { type: 'string' },
    duration: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('run takes exactly one scenario file or built-in id');
  const overrides: Overrides = {};
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed: expected a whole number ≥ 0, got "${String(values.seed)}"`);
    overrides.seed = seed;
  }
  if (values.duration !== undefined) overrides.duration = String(values.duration);
  const loaded = loadScenario(positionals[0], overrides);
  if (!loaded.ok) {
    for (const issue of loaded.errors) io.err(`${formatIssue(issue)}\n`);
    return 1;
  }
  for (const warning of loaded.warnings) io.err(`warning: ${warning}\n`);

  const progress = new Progress();
  const started = performance.now();
  const run = simulateGuarded(loaded.spec, (ms, totalMs) => progress.update(ms, totalMs));
  progress.done();
  if (!run.ok) {
    io.err(stoppedMessage(run.reason));
    return 1;
  }
  const report = run.sim.report(performance.now() - started);

  if (typeof values.csv === 'string') writeFileSync(values.csv, seriesToCsv(report.series));
  io.out(values.json ? `${JSON.stringify(report)}\n` : `${formatSummary(report)}\n`);
  return 0;
}

async function sweepCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { workers: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('sweep takes exactly one scenario file (with an experiment) or built-in experiment id');
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isSafeInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers: expected a whole number from 1 to 64, got "${String(values.workers)}"`);
  }
  return sweep(positionals[0], { workers, json: values.json === true, csv: typeof values.csv === 'string' ? values.csv : undefined }, io);
}

function validate(args: string[], io: Io): number {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('validate takes exactly one scenario file');
  const loaded = loadScenario(positionals[0]);
  if (!loaded.ok) {
    io.err(`${positionals[0]}: ${loaded.errors.length} problem${loaded.errors.length === 1 ? '' : 's'}\n`);
    for (const issue of loaded.errors) io.err(`  ${formatIssue(issue)}\n`);
    return 1;
  }
  for (const warning of loaded.warnings) io.err(`warning: ${warning}\n`);
  io.out(`${positionals[0]}: ok (${loaded.spec.nodes.length} nodes, ${loaded.spec.links.length} links, ${loaded.spec.faults.length} faults)\n`);
  return 0;
}
