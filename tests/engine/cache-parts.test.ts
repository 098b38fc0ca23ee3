import { describe, expect, it } from 'vitest';
import { LruIndex } from '../../src/engine/lru';
import { streamFor } from '../../src/engine/random';
import { ZipfSampler } from '../../src/engine/zipf';

describe('Zipf key popularity', () => {
  it('with exponent 1 over 100 keys, key k is drawn with probability (1/(k+1)) / H₁₀₀ (4σ)', () => {
    const zipf = new ZipfSampler(100, 1);
    const rng = streamFor(1, 'test', 'key');
    const n = 200_000;
    const counts = new Float64Array(100);
    for (let i = 0; i < n; i++) counts[zipf.sample(rng)]++;
    let harmonic = 0;
    for (let k = 1; k <= 100; k++) harmonic += 1 / k;
    for (const k of [0, 1, 9, 99]) {
      const p = 1 / (k + 1) / harmonic;
      expect(zipf.probability(k)).toBeCloseTo(p, 12);
      expect(Math.abs(counts[k] / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
    expect(counts[0] / n).toBeGreaterThan(0.19); // 1 / H₁₀₀ ≈ 0.193: the head is heavy
  });

  it('with exponent 0 every key is equally likely, and every draw is a key in range', () => {
    const zipf = new ZipfSampler(7, 0);
    const rng = streamFor(2, 'test', 'key');
    const counts = new Float64Array(7);
    for (let i = 0; i < 70_000; i++) counts[zipf.sample(rng)]++;
    for (const c of counts) expect(Math.abs(c / 70_000 - 1 / 7)).toBeLessThan(4 * Math.sqrt((1 / 7) * (6 / 7) / 70_000));
    expect(zipf.probability(3)).toBe(1 / 7);
  });

  it('its guide table picks exactly the key a plain binary search over the cumulative weights picks', () => {
    for (const [keys, exponent] of [[10, 3], [1000, 1], [50_000, 0.7]] as const) {
      const zipf = new ZipfSampler(keys, exponent);
      const cumulative: number[] = [];
      let total = 0;
      for (let k = 0; k < keys; k++) cumulative.push((total += Math.pow(k + 1, -exponent)));
      const a = streamFor(3, 'test', 'key');
      const b = streamFor(3, 'test', 'key');
      for (let i = 0; i < 20_000; i++) {
        const target = b.next() * total;
        let lo = 0;
        let hi = keys - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cumulative[mid] > target) hi = mid;
          else lo = mid + 1;
        }
        expect(zipf.sample(a)).toBe(lo);
      }
    }
  });

  it('never draws past the last key, even for the largest uniform draw', () => {
    const zipf = new ZipfSampler(5, 2);
    const top = { next: () => 1 - 2 ** -32 } as unknown as Parameters<ZipfSampler['sample']>[0];
    expect(zipf.sample(top)).toBe(4);
  });
});

describe('LRU index', () => {
  it('evicts the least recently used key when full; a touch makes a key recent again', () => {
    const lru = new LruIndex(10, 3);
    const a = lru.insert(1);
    lru.insert(2);
    lru.insert(3);
    lru.touch(a); // order, most recent first: 1, 3, 2
    lru.insert(4);
    expect(lru.evictedKey).toBe(2);
    expect(lru.slotOf(2)).toBe(-1);
    expect(lru.size).toBe(3);
    lru.insert(5);
    expect(lru.evictedKey).toBe(3);
    expect([1, 4, 5].every((k) => lru.slotOf(k) >= 0)).toBe(true);
  });

  it('reuses removed slots before evicting, and forgets everything on clear', () => {
    const lru = new LruIndex(10, 2);
    lru.insert(1);
    lru.insert(2);
    lru.remove(1);
    lru.insert(3);
    expect(lru.evictedKey).toBe(-1);
    expect(lru.slotOf(2)).toBeGreaterThanOrEqual(0);
    lru.clear();
    expect(lru.size).toBe(0);
    expect(lru.slotOf(2)).toBe(-1);
    expect(lru.slotOf(3)).toBe(-1);
    lru.insert(7);
    lru.insert(8);
    lru.insert(9);
    expect(lru.evictedKey).toBe(7);
  });

  it('holds at most min(keys, capacity) entries (an unbounded cache holds every key)', () => {
    expect(new LruIndex(50, Infinity).capacity).toBe(50);
    expect(new LruIndex(50, 10).capacity).toBe(10);
  });
});
