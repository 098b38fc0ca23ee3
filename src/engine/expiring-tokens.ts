/**
 * Tokens that expire a window after they were deposited (in ten buckets). Spending takes the
 * oldest first and is permanent — unlike a sliding count of retries, whose allowance would all
 * come back at once when the retries slide out of the window, making retries bursty.
 */
const BUCKETS = 10;

export class ExpiringTokens {
  private readonly bucketMs: number;
  private readonly tokens = new Float64Array(BUCKETS);
  private currentBucket = 0;

  constructor(windowMs: number) {
    this.bucketMs = Math.max(1e-6, windowMs / BUCKETS);
  }

  deposit(nowMs: number, amount: number): void {
    this.tokens[this.advance(nowMs)] += amount;
  }

  /** Spends `amount` if that many tokens are alive; false (and nothing spent) otherwise. */
  spend(nowMs: number, amount: number): boolean {
    const current = this.advance(nowMs);
    let alive = 0;
    for (let i = 0; i < BUCKETS; i++) alive += this.tokens[i];
    if (alive < amount) return false;
    let left = amount;
    for (let i = 1; i <= BUCKETS && left > 0; i++) {
      const slot = (current + i) % BUCKETS; // oldest first, the current bucket last
      const take = Math.min(left, this.tokens[slot]);
      this.tokens[slot] -= take;
      left -= take;
    }
    return true;
  }

  private advance(nowMs: number): number {
    const bucket = Math.floor(nowMs / this.bucketMs);
    if (bucket !== this.currentBucket) {
      const steps = Math.min(BUCKETS, bucket - this.currentBucket);
      for (let i = 1; i <= steps; i++) this.tokens[(this.currentBucket + i) % BUCKETS] = 0;
      this.currentBucket = bucket;
    }
    return bucket % BUCKETS;
  }
}
