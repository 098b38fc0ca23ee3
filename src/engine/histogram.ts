/**
 * Latency histogram in the HDR style: a bucket is a binary octave (the float's exponent) split
 * into 64 linear steps (the top six mantissa bits), so recording reads bits instead of taking a
 * logarithm. A step is at most 1/64 of its value and the histogram reports the step's middle, so
 * any percentile is within 0.8% of the true sample value. Values at or below 2⁻¹⁰ ms (~1 µs),
 * zeros included, share bucket 0; the top octave is 2⁴⁰ ms (decades).
 *
 * `lowest`/`highest` track the touched range so resets and scans cost only what was used.
 */
const STEPS_PER_OCTAVE = 64;
const MIN_EXPONENT = 1023 - 10;
const OCTAVES = 50;
const BUCKETS = 1 + OCTAVES * STEPS_PER_OCTAVE;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
// Which 32-bit word of a float64 holds the exponent depends on the host's byte order.
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function bucketOf(valueMs: number): number {
  bits[0] = valueMs;
  const high = words[HIGH_WORD];
  const exponent = (high >>> 20) & 0x7ff;
  if (exponent < MIN_EXPONENT || valueMs <= 0) return 0;
  const bucket = 1 + (exponent - MIN_EXPONENT) * STEPS_PER_OCTAVE + ((high >>> 14) & (STEPS_PER_OCTAVE - 1));
  return bucket < BUCKETS ? bucket : BUCKETS - 1;
}

/** The middle of a bucket's range. */
function valueOf(bucket: number): number {
  if (bucket === 0) return 0;
  const octave = Math.floor((bucket - 1) / STEPS_PER_OCTAVE);
  const step = (bucket - 1) % STEPS_PER_OCTAVE;
  return Math.pow(2, octave + MIN_EXPONENT - 1023) * (1 + (step + 0.5) / STEPS_PER_OCTAVE);
}

export class LogHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private lowest = BUCKETS;
  private highest = -1;
  count = 0;
  sumMs = 0;
  maxMs = 0;

  record(valueMs: number): void {
    const bucket = bucketOf(valueMs);
    this.counts[bucket]++;
    if (bucket < this.lowest) this.lowest = bucket;
    if (bucket > this.highest) this.highest = bucket;
    this.count++;
    this.sumMs += valueMs;
    if (valueMs > this.maxMs) this.maxMs = valueMs;
  }

  get meanMs(): number {
    return this.count > 0 ? this.sumMs / this.count : 0;
  }

  /** The q-quantile (0 < q ≤ 1): the value at rank ⌈q·n⌉; 0 for an empty histogram. */
  quantileMs(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let b = this.lowest; b <= this.highest; b++) {
      seen += this.counts[b];
      if (seen >= rank) return Math.min(this.maxMs, valueOf(b));
    }
    return this.maxMs;
  }

  reset(): void {
    if (this.highest >= 0) this.counts.fill(0, this.lowest, this.highest + 1);
    this.lowest = BUCKETS;
    this.highest = -1;
    this.count = 0;
    this.sumMs = 0;
    this.maxMs = 0;
  }
}

const EXACT_LIMIT = 32;

/**
 * Latencies of one sample interval. Most intervals hold few values, so they are kept as-is and
 * sorted when asked (exact); past 32 values they spill into a histogram.
 */
export class IntervalLatency {
  private readonly exact = new Float64Array(EXACT_LIMIT);
  private readonly sorted = new Float64Array(EXACT_LIMIT);
  private readonly spill = new LogHistogram();
  private count = 0;

  record(valueMs: number): void {
    if (this.count < EXACT_LIMIT) this.exact[this.count] = valueMs;
    else {
      if (this.count === EXACT_LIMIT) for (let i = 0; i < EXACT_LIMIT; i++) this.spill.record(this.exact[i]);
      this.spill.record(valueMs);
    }
    this.count++;
  }

  /** The interval's p50 and p99 into `out[0]`, `out[1]` (0 when empty); then the interval restarts. */
  takeQuantiles(out: Float64Array): void {
    const n = this.count;
    if (n === 0) {
      out[0] = 0;
      out[1] = 0;
    } else if (n <= EXACT_LIMIT) {
      // Insertion sort: for a few dozen numbers it beats the typed-array sort builtin.
      const v = this.sorted;
      for (let i = 0; i < n; i++) {
        const x = this.exact[i];
        let j = i - 1;
        while (j >= 0 && v[j] > x) {
          v[j + 1] = v[j];
          j--;
        }
        v[j + 1] = x;
      }
      out[0] = v[Math.ceil(0.5 * n) - 1];
      out[1] = v[Math.ceil(0.99 * n) - 1];
    } else {
      out[0] = this.spill.quantileMs(0.5);
      out[1] = this.spill.quantileMs(0.99);
      this.spill.reset();
    }
    this.count = 0;
  }
}
