/**
 * Two counters over a sliding time window, kept in ten buckets: old buckets are cleared as time
 * moves on, so a count is over the last window (to a tenth of its length) at O(1) per update.
 */
const BUCKETS = 10;

export class SlidingCounts {
  private readonly bucketMs: number;
  private readonly first = new Float64Array(BUCKETS);
  private readonly second = new Float64Array(BUCKETS);
  private currentBucket = 0;

  constructor(windowMs: number) {
    this.bucketMs = Math.max(1e-6, windowMs / BUCKETS);
  }

  add(nowMs: number, first: number, second: number): void {
    const slot = this.advance(nowMs);
    this.first[slot] += first;
    this.second[slot] += second;
  }

  /** Totals over the window: [first, second] into `out`. */
  totals(nowMs: number, out: Float64Array): void {
    this.advance(nowMs);
    let a = 0;
    let b = 0;
    for (let i = 0; i < BUCKETS; i++) {
      a += this.first[i];
      b += this.second[i];
    }
    out[0] = a;
    out[1] = b;
  }

  clear(): void {
    this.first.fill(0);
    this.second.fill(0);
  }

  private advance(nowMs: number): number {
    const bucket = Math.floor(nowMs / this.bucketMs);
    if (bucket !== this.currentBucket) {
      const steps = Math.min(BUCKETS, bucket - this.currentBucket);
      for (let i = 1; i <= steps; i++) {
        const slot = (this.currentBucket + i) % BUCKETS;
        this.first[slot] = 0;
        this.second[slot] = 0;
      }
      this.currentBucket = bucket;
    }
    return bucket % BUCKETS;
  }
}
