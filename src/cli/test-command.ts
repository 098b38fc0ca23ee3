/**
 * `faultline test [files or folders…] [--workers N] [--reporter junit=FILE] [--reporter github]`:
 * every scenario with an `expect` list run to its end on worker threads (test-worker.ts, through the one abortable pool) and its
 * assertions checked; one line per file as it finishes (in file order), the failures under it,
 * then `N passed, M failed`. Exit 0 when every file passed, 1 when one failed (or none could be
 * tested), 2 on bad usage. docs/ci.md shows it in a workflow.
 */
import { defaultWorkerCount, nodeThread } from '../experiments/node-pool.ts';
import { runPool } from '../experiments/worker-pool.ts';
import type { SweepOutcome } from '../experiments/index.ts';
import { counts } from '../expect/index.ts';
import { COMMAND_HELP } from './help.ts';
import type { Io } from './io.ts';
import { outputPathProblem, writeOutput } from './output-path.ts';
import { FILE_PATH, formatProblem } from './problems.ts';
import { expectProblems } from './expect-failures.ts';
import { findSources, readTestFile, type TestFile } from './test-files.ts';
import { githubAnnotations, junitXml, type FileOutcome } from './test-reporters.ts';
import type { FileRun } from './test-run.ts';
import type { TestFileHost } from './test-worker.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

/** Runs every document on up to `workers` threads; `onResult` sees the runs so far as each file finishes. */
async function runFilesInThreads(
  docs: readonly unknown[],
  workers: number,
  options: { signal: AbortSignal; onResult: (runs: readonly (FileRun | undefined)[]) => void },
): Promise<SweepOutcome<FileRun>> {
  const runs: (FileRun | undefined)[] = new Array(docs.length).fill(undefined);
  return runPool<TestFileHost, FileRun>({
    size: workers,
    total: docs.length,
    start: () => nodeThread(new URL('./test-worker-entry.mjs', import.meta.url), 'a test worker'),
    run: async (remote, index) => (runs[index] = await remote.run(docs[index])),
    signal: options.signal,
    // the pool counts a file done right after its run is placed here
    onProgress: () => options.onResult(runs),
  });
}

interface Reporters {
  junit?: string;
  github: boolean;
}

function readReporters(values: string[] | undefined): Reporters {
  const reporters: Reporters = { github: false };
  for (const value of values ?? []) {
    if (value === 'github') reporters.github = true;
    else if (value.startsWith('junit=')) {
      const file = value.slice('junit='.length);
      // before anything runs: a wrong output path costs nothing
      const problem = outputPathProblem(file);
      if (problem !== null) throw new UsageError(`--reporter junit=${file}: ${file} ${problem}`, 'test');
      reporters.junit = file;
    } else throw new UsageError(`--reporter: expected "junit=FILE" or "github", got "${value}"`, 'test');
  }
  return reporters;
}

export async function testCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('test', args, {
    workers: { type: 'string' },
    reporter: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.out(`${COMMAND_HELP.test}\n`);
    return 0;
  }
  let workers = defaultWorkerCount();
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isSafeInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers: expected a whole number from 1 to 64, got "${values.workers}"`, 'test');
  }
  if (positionals.includes('-')) throw new UsageError('test reads files and folders, not stdin ("-"); use `faultline run -` for one scenario from stdin', 'test');
  const reporters = readReporters(values.reporter);
  const sources = findSources(positionals.length === 0 ? ['.'] : positionals);

  const files: TestFile[] = [];
  for (const { source, fromFolder } of sources) {
    const file = await readTestFile(source, fromFolder);
    if (file !== undefined) files.push(file);
  }
  if (files.length === 0) {
    io.err(`faultline test: no scenario files found in ${positionals.join(', ') || '.'}\n`);
    return 1;
  }

  const runnable = files.flatMap((f, i) => (f.state === 'runnable' ? [i] : []));
  const outcomes: (FileOutcome | undefined)[] = files.map((f) => (f.state === 'runnable' ? undefined : settled(f)));
  let printed = 0;
  // lines in file order, each as soon as it and every file before it are done
  const printReady = (): void => {
    while (printed < files.length && outcomes[printed] !== undefined) io.out(fileLines(outcomes[printed++]!));
  };
  printReady();

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const docs = runnable.map((i) => (files[i] as Extract<TestFile, { state: 'runnable' }>).doc);
    // no threads to start when nothing is to be run
    const outcome = docs.length === 0 ? { cancelled: false } : await runFilesInThreads(docs, workers, {
      signal: controller.signal,
      onResult: (runs) => {
        runs.forEach((run, k) => {
          if (run !== undefined && outcomes[runnable[k]] === undefined) outcomes[runnable[k]] = checked(files[runnable[k]], run);
        });
        printReady();
      },
    });
    if (outcome.cancelled) {
      io.err(`faultline test: cancelled after ${printed} of ${files.length} files\n`);
      return 130;
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
  }

  const done = outcomes as FileOutcome[];
  if (reporters.github) for (const line of githubAnnotations(done)) io.out(`${line}\n`);
  if (reporters.junit !== undefined) {
    const problem = writeOutput(reporters.junit, junitXml(done));
    if (problem !== null) {
      io.err(`${reporters.junit}: ${problem}\n`);
      return 1;
    }
  }
  const passed = done.filter((o) => o.status === 'pass').length;
  const failed = done.filter((o) => o.status === 'fail' || o.status === 'error').length;
  const skipped = done.length - passed - failed;
  io.out(`\n${passed} passed, ${failed} failed${skipped === 0 ? '' : `, ${skipped} skipped`}\n`);
  if (runnable.length === 0 && failed === 0) {
    const which = files.length === 1 ? files[0].name : `the ${files.length} scenario files`;
    io.err(`faultline test: nothing was checked: ${which} ${files.length === 1 ? 'has' : 'have'} no expect list (docs/format.md "Expectations")\n`);
  }
  return failed > 0 || passed === 0 ? 1 : 0;
}

function settled(file: Exclude<TestFile, { state: 'runnable' }>): FileOutcome {
  return file.state === 'skipped' ? { name: file.name, status: 'skipped', reason: file.reason } : { name: file.name, status: 'error', problems: file.problems, wallMs: 0 };
}

function checked(file: TestFile, run: FileRun): FileOutcome {
  if (file.state !== 'runnable') throw new Error(`${file.name} was not to be run`);
  if (!run.ok) return { name: file.name, status: 'error', problems: [{ path: FILE_PATH, message: run.problem }], wallMs: run.wallMs };
  const status = run.expect.failed + run.expect.errors === 0 ? 'pass' : 'fail';
  return { name: file.name, status, assertions: file.assertions, expect: run.expect, problems: expectProblems(file.assertions, run.expect, file.text), wallMs: run.wallMs };
}

const STATUS_WORD = { pass: 'pass', fail: 'FAIL', error: 'FAIL', skipped: 'skip' } as const;

/** `pass  file.json  (3 expectations)`, or FAIL with each failure indented under it. */
function fileLines(o: FileOutcome): string {
  const head = `${STATUS_WORD[o.status]}  ${o.name}`;
  if (o.status === 'skipped') return `${head}  (${o.reason})\n`;
  if (o.status === 'error') return `${head}  (not checked)\n${o.problems.map((p) => `      ${formatProblem(o.name, p)}\n`).join('')}`;
  const summary = o.status === 'pass' ? `${o.expect.passed} expectation${o.expect.passed === 1 ? '' : 's'}` : counts(o.expect);
  return `${head}  (${summary})\n${o.problems.map((p) => `      ${formatProblem(o.name, p)}\n`).join('')}`;
}
