/** `faultline run`: one scenario to its end; a summary, the JSON report or the CSV series. */
import type { RunawayReason } from '../engine/index.ts';
import type { RunReport } from '../engine/index.ts';
import { simulateGuarded, stoppedMessage } from './guarded-run.ts';
import type { ScenarioSpec } from '../engine/index.ts';
import { seriesToCsv } from './csv.ts';
import type { Io } from './io.ts';
import { loadScenario, type Overrides } from './load.ts';
import { checkOutputOptions } from './output-options.ts';
import { formatProblem } from './problems.ts';
import { Progress } from './progress.ts';
import { runReportJson } from './report-json.ts';
import { formatSummary } from './summary-table.ts';
import { COMMAND_HELP } from './help.ts';
import { parseCommandArgs, UsageError } from './usage.ts';
import { writeOutput, STDOUT } from './output-path.ts';
import { evaluateExpect, expectPassed, formatExpectTable, type ExpectReport } from '../expect/index.ts';
import { expectFailures } from './expect-failures.ts';

export async function runCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('run', args, {
    seed: { type: 'string' },
    duration: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'string' },
    'no-timing': { type: 'boolean' },
  });
  if (values.help) return help(io);
  if (positionals.length !== 1) throw new UsageError('run takes exactly one scenario file, built-in id or "-" (stdin)', 'run');
  const overrides: Overrides = {};
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) throw new UsageError(`--seed: expected a whole number ≥ 0, got "${values.seed}"`, 'run');
    overrides.seed = seed;
  }
  if (values.duration !== undefined) overrides.duration = values.duration;
  const csv = values.csv;
  const json = values.json === true;
  const timing = values['no-timing'] !== true;
  // before anything is read or run: a wrong output path costs nothing
  if (!checkOutputOptions(csv, json, 'run', io)) return 2;

  const loaded = await loadScenario(positionals[0], overrides);
  if (!loaded.ok) {
    for (const problem of loaded.errors) io.err(`${formatProblem(loaded.name, problem)}\n`);
    return 1;
  }
  for (const warning of loaded.warnings) io.err(`${loaded.name}: warning: ${warning}\n`);

  const run = simulate(loaded.spec);
  if (!run.ok) {
    io.err(stoppedMessage(run.reason));
    return 1;
  }
  const { report } = run;
  const expect = loaded.expect === undefined ? undefined : evaluateExpect(report, loaded.expect);
  // every output mode exits 1 on a failed expectation; where the table is not printed, stderr says which
  const expectExit = (): number => {
    if (expect === undefined || expectPassed(expect)) return 0;
    if (csv !== undefined || json) for (const line of expectFailures(loaded, expect)) io.err(`${line}\n`);
    return 1;
  };
  if (csv === STDOUT) {
    io.out(seriesToCsv(report.series));
    return expectExit();
  }
  if (csv !== undefined) {
    const problem = writeOutput(csv, seriesToCsv(report.series));
    if (problem !== null) {
      io.err(`${csv}: ${problem}\n`);
      return 1;
    }
  }
  io.out(json ? `${runReportJson(report, { timing, expect })}\n` : `${formatSummary(report, { timing })}${expectTable(loaded.expect, expect)}\n`);
  return expectExit();
}

function expectTable(assertions: Parameters<typeof formatExpectTable>[0] | undefined, section: ExpectReport | undefined): string {
  return assertions === undefined || section === undefined ? '' : `\n\n${formatExpectTable(assertions, section)}`;
}

/**
 * The run under the engine's run guard, with a progress line on stderr when it takes longer than
 * a second; a run the guard stopped comes back with its reason.
 */
function simulate(spec: ScenarioSpec): { ok: true; report: RunReport } | { ok: false; reason: RunawayReason } {
  const progress = new Progress();
  const started = performance.now();
  const run = simulateGuarded(spec, (ms, totalMs) => progress.update(ms, totalMs));
  progress.done();
  return run.ok ? { ok: true, report: run.sim.report(performance.now() - started) } : run;
}

function help(io: Io): number {
  io.out(`${COMMAND_HELP.run}\n`);
  return 0;
}
