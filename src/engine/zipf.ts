import type { RandomStream } from './random.ts';

/**
 * Key popularity: key k (0 = the most popular) is drawn with probability ∝ 1 / (k + 1)^exponent;
 * exponent 0 is uniform. The cumulative weights are computed once; a draw is one uniform and a
 * binary search — no allocation, and exactly one random number per draw whatever the exponent
 * (so changing the exponent does not shift anything else the stream is used for).
 *
 * A guide table (Chen & Asau) narrows each search first: bucket j of equal width over [0, total)
 * holds the first key whose cumulative weight passes the bucket's start, so the binary search only
 * spans one bucket's keys — about one or two steps instead of log₂(keys) cache-missing ones.
 */
export class ZipfSampler {
  readonly keys: number;
  /** cumulative[k] = weight of keys 0..k; empty when uniform. */
  private readonly cumulative: Float64Array;
  private readonly guide: Int32Array;

  constructor(keys: number, exponent: number) {
    this.keys = keys;
    if (exponent === 0 || keys <= 1) {
      this.cumulative = new Float64Array(0);
      this.guide = new Int32Array(0);
      return;
    }
    const c = new Float64Array(keys);
    let total = 0;
    for (let k = 0; k < keys; k++) {
      total += Math.pow(k + 1, -exponent);
      c[k] = total;
    }
    this.cumulative = c;
    const buckets = keys;
    this.guide = new Int32Array(buckets + 1);
    let k = 0;
    for (let j = 0; j < buckets; j++) {
      const start = (j / buckets) * total;
      while (k < keys - 1 && c[k] <= start) k++;
      this.guide[j] = k;
    }
    this.guide[buckets] = keys - 1;
  }

  /** The probability of key `k` (for tests and the docs' numbers). */
  probability(k: number): number {
    const c = this.cumulative;
    if (c.length === 0) return 1 / this.keys;
    return (c[k] - (k > 0 ? c[k - 1] : 0)) / c[c.length - 1];
  }

  sample(rng: RandomStream): number {
    const u = rng.next();
    const c = this.cumulative;
    if (c.length === 0) return Math.floor(u * this.keys);
    const target = u * c[c.length - 1];
    // The first key whose cumulative weight exceeds the target: it lies in the target's bucket.
    const bucket = Math.floor(u * (this.guide.length - 1));
    let lo = this.guide[bucket];
    let hi = this.guide[bucket + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
