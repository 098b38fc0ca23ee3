/**
 * One shard's share of a sweep (`faultline sweep --shard K/N`), as a JSON document of kind
 * `sweep-part`: the shard (K of N), the experiment's fingerprint, the sweep's frame (scenario,
 * path, values, seeds, metrics) and the shard's runs. `faultline merge` joins the parts of one
 * experiment back into exactly the results an unsharded sweep prints (src/cli/merge-command.ts).
 *
 * A part keeps "undefined" (NaN) and "never" (Infinity) apart — the report writes both as null,
 * which would lose the difference the statistics need (NaN is left out, Infinity counts).
 */
import { createHash } from 'node:crypto';
import type { ExperimentResults, RunResult, Shard, SweepFrame } from '../experiments/index.ts';
import { reportHeader, type ReportHeader } from './report-json.ts';

/** A metric's value in a part: a number, null = undefined (NaN), or a never that JSON cannot write. */
export type PartOutcome = number | null | 'Infinity' | '-Infinity';

/** A RunResult with its outcomes as a part writes them. */
export interface PartRun {
  index: number;
  valueIndex: number;
  value: unknown;
  seed: number;
  events: number;
  outcomes: Record<string, PartOutcome>;
}

export type SweepPartDocument = ReportHeader<'sweep-part'> & {
  /** `sha256:` of the experiment's document (keys sorted): parts of different sweeps cannot merge. */
  experiment: string;
  shard: Shard;
  /** Runs of the whole sweep; this shard holds those with index mod shard.count = shard.index − 1. */
  totalRuns: number;
} & SweepFrame & { runs: PartRun[] };

/** The same document, whatever its key order or whitespace, gives the same fingerprint. */
export function experimentFingerprint(doc: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(doc)).digest('hex')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sweepPartDocument(results: ExperimentResults, shard: Shard, totalRuns: number, experiment: string): SweepPartDocument {
  const { scenario, path, values, seeds, metrics } = results;
  const runs = results.runs.map((run) => ({ ...run, outcomes: mapValues(run.outcomes, encodeOutcome) }));
  return { ...reportHeader('sweep-part'), experiment, shard, totalRuns, scenario, path, values, seeds, metrics, runs };
}

/** A part's runs as the sweep's own RunResults, keys in the order the sweep writes them. */
export function decodePartRuns(part: SweepPartDocument): RunResult[] {
  return part.runs.map(({ index, valueIndex, value, seed, events, outcomes }) => ({
    index,
    valueIndex,
    value,
    seed,
    events,
    outcomes: Object.fromEntries(part.metrics.map((metric) => [metric, decodeOutcome(outcomes[metric])])),
  }));
}

function encodeOutcome(value: number): PartOutcome {
  if (Number.isNaN(value)) return null;
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

function decodeOutcome(value: PartOutcome | undefined): number {
  if (value === null || value === undefined) return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return value;
}

function mapValues<A, B>(record: Record<string, A>, f: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}
