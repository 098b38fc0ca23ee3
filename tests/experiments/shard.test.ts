import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardRunIndices } from '../../src/experiments';

describe('shards of a sweep', () => {
  it('the shards 1..N of a sweep hold every run exactly once, index mod N = K − 1, each within one run of the others', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), (total, count) => {
        const shards = Array.from({ length: count }, (_, i) => shardRunIndices(total, { index: i + 1, count }));
        const all = shards.flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: total }, (_, i) => i));
        shards.forEach((indices, i) => expect(indices.every((index) => index % count === i)).toBe(true));
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it('reads K/N, and index/N from JOB_COMPLETION_INDEX (0-based)', () => {
    expect(parseShard('2/5', {})).toEqual({ ok: true, shard: { index: 2, count: 5 } });
    expect(parseShard('index/5', { JOB_COMPLETION_INDEX: '0' })).toEqual({ ok: true, shard: { index: 1, count: 5 } });
    expect(parseShard('index/5', { JOB_COMPLETION_INDEX: '4' })).toEqual({ ok: true, shard: { index: 5, count: 5 } });
    for (const [text, env, problem] of [
      ['index/5', {}, 'JOB_COMPLETION_INDEX (0-based, set in each pod of a Kubernetes Indexed Job), but it is not set'],
      ['index/5', { JOB_COMPLETION_INDEX: '5' }, 'not a whole number from 0 to 4'],
      ['index/5', { JOB_COMPLETION_INDEX: '-1' }, 'not a whole number from 0 to 4'],
      ['6/5', {}, 'shard 6 of 5 does not exist'],
      ['1/0', {}, 'the number of shards must be from 1 to 10000'],
      ['1/3/4', {}, 'expected K/N'],
    ] as const) {
      const parsed = parseShard(text, env);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toContain(problem);
    }
  });
});
