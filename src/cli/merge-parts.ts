/**
 * Joins the parts of a sharded sweep (sweep-part.ts) into the results the unsharded sweep gives.
 * Refuses, naming the file or the shard, anything that would make the result differ from it: a
 * part of another experiment or faultline version, a shard given twice, a shard missing, a part
 * whose runs are not exactly its shard's.
 */
import { shardRunIndices, summariseRuns, type ExperimentResults, type SweepFrame } from '../experiments/index.ts';
import { decodePartRuns, type SweepPartDocument } from './sweep-part.ts';

export interface NamedPart {
  /** The file it came from, as the user wrote it. */
  name: string;
  part: SweepPartDocument;
}

/** Problems are whole lines: `file: problem`, or `faultline merge: …` for a shard no file holds. */
export type MergeResult = { ok: true; results: ExperimentResults } | { ok: false; problems: string[] };

export function mergeSweepParts(parts: readonly NamedPart[]): MergeResult {
  const first = parts[0];
  if (first === undefined) return { ok: false, problems: ['faultline merge: no parts to merge'] };
  const foreign = parts.slice(1).flatMap((p) => foreignProblem(p, first));
  if (foreign.length > 0) return { ok: false, problems: foreign };

  const problems: string[] = [];
  const { count } = first.part.shard;
  const byShard = new Map<number, string>();
  for (const { name, part } of parts) {
    const seen = byShard.get(part.shard.index);
    if (seen !== undefined) problems.push(`${name}: shard ${part.shard.index} of ${count} again (${seen} holds it too); give each part once`);
    else byShard.set(part.shard.index, name);
    problems.push(...runProblems(name, part));
  }
  for (let index = 1; index <= count; index++) {
    if (!byShard.has(index)) problems.push(`faultline merge: shard ${index} of ${count} is missing (given: ${[...byShard].sort((a, b) => a[0] - b[0]).map(([k, name]) => `${k} in ${name}`).join(', ')})`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const { scenario, path, values, seeds, metrics } = first.part;
  return { ok: true, results: summariseRuns({ scenario, path, values, seeds, metrics }, parts.flatMap(({ part }) => decodePartRuns(part))) };
}

/** Why `other` cannot be merged with `first` at all, if it cannot. */
function foreignProblem(other: NamedPart, first: NamedPart): string[] {
  const [a, b] = [other.part, first.part];
  if (a.faultlineVersion !== b.faultlineVersion) {
    return [`${other.name}: written by faultline ${a.faultlineVersion}, ${first.name} by ${b.faultlineVersion}; run every shard with one version`];
  }
  if (a.experiment !== b.experiment) {
    return [`${other.name}: a part of a different experiment (${a.experiment.slice(0, 19)}…) than ${first.name} (${b.experiment.slice(0, 19)}…); merge the parts of one sweep`];
  }
  if (a.shard.count !== b.shard.count) {
    return [`${other.name}: shard ${a.shard.index} of ${a.shard.count}, but ${first.name} is shard ${b.shard.index} of ${b.shard.count}; the parts of one sweep are split the same way`];
  }
  if (a.totalRuns !== b.totalRuns || JSON.stringify(frameOf(a)) !== JSON.stringify(frameOf(b))) {
    return [`${other.name}: the same experiment as ${first.name}, but its runs, values, seeds or metrics differ (was it edited?)`];
  }
  return [];
}

function frameOf(part: SweepPartDocument): SweepFrame {
  const { scenario, path, values, seeds, metrics } = part;
  return { scenario, path, values, seeds, metrics };
}

/** A part must hold exactly its shard's runs, each with the value and seed its index stands for. */
function runProblems(name: string, part: SweepPartDocument): string[] {
  const { shard, totalRuns, seeds, values } = part;
  if (totalRuns !== values.length * seeds.length) return [`${name}: totalRuns is ${totalRuns}, but ${values.length} values × ${seeds.length} seeds make ${values.length * seeds.length}`];
  const expected = shardRunIndices(totalRuns, shard);
  const held = part.runs.map((r) => r.index);
  if (held.length !== expected.length || held.some((index, i) => index !== expected[i])) {
    return [`${name}: shard ${shard.index} of ${shard.count} holds ${expected.length} runs (every ${ordinal(shard.count)} from run ${shard.index}), but this part has ${held.length}${held.length > 0 ? ` (${preview(held.map((i) => i + 1))})` : ''}; was it cut short or edited?`];
  }
  const wrong = part.runs.find((r) => r.valueIndex !== Math.floor(r.index / seeds.length) || r.seed !== seeds[r.index % seeds.length] || JSON.stringify(r.value) !== JSON.stringify(values[r.valueIndex]));
  return wrong === undefined ? [] : [`${name}: run ${wrong.index + 1} does not have the value and seed its place in the sweep stands for (was it edited?)`];
}

function ordinal(n: number): string {
  if (n === 1) return 'run';
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function preview(numbers: number[]): string {
  return numbers.length <= 6 ? `runs ${numbers.join(', ')}` : `runs ${numbers.slice(0, 5).join(', ')}, … ${numbers.at(-1)}`;
}
