/**
 * A sweep split across machines (`faultline sweep --shard K/N`): shard K of N runs the runs whose
 * index i has i mod N = K − 1. Interleaved rather than in blocks because runs are ordered
 * value-major and a run's cost grows with the value (a higher load, a longer fault): blocks would
 * give the last shard the slowest runs. Which runs a shard holds depends only on (K, N, run count),
 * so `faultline merge` can check that every run is there exactly once.
 */

export interface Shard {
  /** 1-based: shard 1 of 3 is the first. */
  index: number;
  count: number;
}

/** More shards than this is a typo, not a cluster (a sweep has at most EXPERIMENT_LIMITS.maxRuns runs). */
export const MAX_SHARDS = 10_000;

/** The variable a Kubernetes Indexed Job sets in each pod: its completion index, 0-based. */
export const JOB_INDEX_VARIABLE = 'JOB_COMPLETION_INDEX';

export type ShardResult = { ok: true; shard: Shard } | { ok: false; problem: string };

/**
 * `K/N` (1 ≤ K ≤ N), or `index/N`, which reads K − 1 from JOB_COMPLETION_INDEX in `env` (a pod of
 * an Indexed Job with `completions: N`).
 */
export function parseShard(text: string, env: Readonly<Record<string, string | undefined>>): ShardResult {
  const match = /^(index|\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) return { ok: false, problem: `expected K/N (this machine's shard K of N, e.g. 2/4) or index/N, got "${text.slice(0, 40)}"` };
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return { ok: false, problem: `the number of shards must be from 1 to ${MAX_SHARDS}, got ${match[2]}` };
  if (match[1] !== 'index') {
    const index = Number(match[1]);
    if (index < 1 || index > count) return { ok: false, problem: `shard ${match[1]} of ${count} does not exist: shards are numbered 1 to ${count}` };
    return { ok: true, shard: { index, count } };
  }
  const raw = env[JOB_INDEX_VARIABLE];
  if (raw === undefined || raw.trim() === '') {
    return { ok: false, problem: `index/${count} reads ${JOB_INDEX_VARIABLE} (0-based, set in each pod of a Kubernetes Indexed Job), but it is not set; outside such a Job give the shard as K/${count}` };
  }
  const zeroBased = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(zeroBased < count)) return { ok: false, problem: `${JOB_INDEX_VARIABLE} is "${raw.slice(0, 40)}", not a whole number from 0 to ${count - 1} (is the Job's completions ${count}?)` };
  return { ok: true, shard: { index: zeroBased + 1, count } };
}

/** The run indices shard K of N holds, in run order. */
export function shardRunIndices(totalRuns: number, shard: Shard): number[] {
  const indices: number[] = [];
  for (let i = shard.index - 1; i < totalRuns; i += shard.count) indices.push(i);
  return indices;
}
