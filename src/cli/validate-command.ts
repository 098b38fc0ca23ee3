/**
 * `faultline validate <files…> [--format text|json|github]`: every problem of every file, with
 * its path in the document and, where the text has one, its line and column.
 */
import { builtinScenarios, findBuiltin } from '../scenarios/index.ts';
import { parseScenario } from '../scenario/index.ts';
import { COMMAND_HELP } from './help.ts';
import type { Io } from './io.ts';
import { readDocument } from './load.ts';
import { FILE_PATH, formatProblem, locateIssues, type Problem } from './problems.ts';
import { parseCommandArgs, UsageError } from './usage.ts';
import { commandData as data, commandProperty as property } from './github-commands.ts';

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

export interface FileResult {
  file: string;
  ok: boolean;
  /** Counts of a valid file. */
  nodes?: number;
  links?: number;
  faults?: number;
  /** Assertions in its `expect` list, when it has one. */
  expectations?: number;
  errors: Problem[];
  warnings: string[];
}

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, { format: { type: 'string' } });
  if (values.help) {
    io.out(`${COMMAND_HELP.validate}\n`);
    return 0;
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${values.format}"`, 'validate');
  if (positionals.length === 0) throw new UsageError('validate takes one or more scenario files, or "-" (stdin)', 'validate');
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('stdin ("-") can be read only once', 'validate');

  const results: FileResult[] = [];
  for (const source of positionals) results.push(await validateOne(source));
  const writers: Record<Format, (results: FileResult[], io: Io) => void> = { text: writeText, json: writeJson, github: writeGithub };
  writers[format](results, io);
  return results.every((r) => r.ok) ? 0 : 1;
}

async function validateOne(source: string): Promise<FileResult> {
  const read = await readDocument(source, (id) => findBuiltin(id)?.scenario, 'built-in scenario', builtinScenarios.map((b) => b.id));
  if (!read.ok) return { file: read.name, ok: false, errors: read.errors, warnings: [] };
  const parsed = parseScenario(read.doc);
  if (!parsed.ok) return { file: read.name, ok: false, errors: locateIssues(parsed.errors, read.text), warnings: [] };
  const { spec } = parsed;
  const expectations = parsed.expect === undefined ? {} : { expectations: parsed.expect.length };
  return { file: read.name, ok: true, nodes: spec.nodes.length, links: spec.links.length, faults: spec.faults.length, ...expectations, errors: [], warnings: parsed.warnings };
}

function writeText(results: FileResult[], io: Io): void {
  for (const r of results) {
    for (const problem of r.errors) io.err(`${formatProblem(r.file, problem)}\n`);
    for (const warning of r.warnings) io.err(`${r.file}: warning: ${warning}\n`);
    const expectations = r.expectations === undefined ? '' : `, ${r.expectations} expectation${r.expectations === 1 ? '' : 's'}`;
    if (r.ok) io.out(`${r.file}: ok (${r.nodes} nodes, ${r.links} links, ${r.faults} faults${expectations})\n`);
    else io.err(`${r.file}: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}\n`);
  }
}

function writeJson(results: FileResult[], io: Io): void {
  io.out(`${JSON.stringify({ ok: results.every((r) => r.ok), files: results })}\n`);
}

/** GitHub Actions workflow commands: annotations on the file and line in a pull request. */
function writeGithub(results: FileResult[], io: Io): void {
  for (const r of results) {
    for (const problem of r.errors) {
      const position = problem.line === undefined ? '' : `,line=${problem.line},col=${problem.column}`;
      const title = problem.path === FILE_PATH ? '' : `,title=${property(problem.path)}`;
      io.out(`::error file=${property(r.file)}${position}${title}::${data(problem.message)}\n`);
    }
    for (const warning of r.warnings) io.out(`::warning file=${property(r.file)}::${data(warning)}\n`);
  }
}

