/**
 * `faultline merge <part.json…> [--json] [--csv FILE|-] [--no-timing]`: joins the parts that
 * `sweep --shard K/N` printed into what the unsharded sweep prints — the same tables, JSON or CSV,
 * byte for byte. Every part is read and checked before anything is printed; a part that is not
 * one, belongs to another sweep, repeats a shard, or a shard that is missing, is refused by name.
 */
import { parseJsonText } from '../scenario/index.ts';
import { COMMAND_HELP } from './help.ts';
import type { Io } from './io.ts';
import { mergeSweepParts, type NamedPart } from './merge-parts.ts';
import { checkOutputOptions } from './output-options.ts';
import { displayName, readSourceText } from './read-source.ts';
import { REPORT_FORMAT } from './report-json.ts';
import { sweepPartSchema } from './report-schema.ts';
import { writeSweepResults } from './sweep-output.ts';
import type { SweepPartDocument } from './sweep-part.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

/** A part of the largest sweep (20,000 runs × 50 metrics) is about 25 MB. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export async function mergeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge', args, {
    json: { type: 'boolean' },
    csv: { type: 'string' },
    'no-timing': { type: 'boolean' },
  });
  if (values.help) {
    io.out(`${COMMAND_HELP.merge}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('merge takes the part files that `faultline sweep --shard K/N` wrote, all of them', 'merge');
  if (!checkOutputOptions(values.csv, values.json === true, 'merge', io)) return 2;

  const parts: NamedPart[] = [];
  const problems: string[] = [];
  for (const source of positionals) {
    const read = await readPart(source);
    if (read.ok) parts.push({ name: displayName(source), part: read.part });
    else problems.push(`${displayName(source)}: ${read.problem}`);
  }
  const merged = problems.length === 0 ? mergeSweepParts(parts) : { ok: false as const, problems };
  if (!merged.ok) {
    for (const problem of merged.problems) io.err(`${problem}\n`);
    return 1;
  }
  // A merged sweep has no one wall-clock time: each part ran on its own machine.
  return writeSweepResults(merged.results, { json: values.json === true, csv: values.csv }, io);
}

type PartRead = { ok: true; part: SweepPartDocument } | { ok: false; problem: string };

async function readPart(source: string): Promise<PartRead> {
  const read = await readSourceText(source, MAX_PART_BYTES);
  if (!read.ok) return { ok: false, problem: read.code === 'ENOENT' ? 'no such file' : read.message };
  const json = parseJsonText(read.text);
  if (!json.ok) return { ok: false, problem: `invalid JSON (${json.message}, line ${json.line}); is this a whole part, written by \`faultline sweep --shard K/N\`?` };
  const value = json.value as { format?: unknown; kind?: unknown } | null;
  if (typeof value !== 'object' || value === null || value.format !== REPORT_FORMAT || value.kind !== 'sweep-part') {
    const what = typeof value === 'object' && value !== null && value.kind === 'sweep' ? 'a whole sweep\'s results' : 'something else';
    return { ok: false, problem: `not a sweep part (expected "format": "${REPORT_FORMAT}", "kind": "sweep-part", as \`faultline sweep --shard K/N\` prints; this is ${what})` };
  }
  const checked = sweepPartSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, problem: `${issue.path.map(String).join('.') || '(part)'}: ${issue.message} (was the part edited?)` };
  }
  if (checked.data.shard.index > checked.data.shard.count) return { ok: false, problem: `shard ${checked.data.shard.index} of ${checked.data.shard.count} does not exist` };
  return { ok: true, part: checked.data };
}
