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

  /**
   * Records `values[from..to)`, whose buckets are `buckets[from..to)` already: what `record` does
   * for each, in the same order (so the same sum), with the running figures in locals.
   */
  recordBucketed(values: Float64Array, buckets: Int32Array, from: number, to: number): void {
    const counts = this.counts;
    let lowest = this.lowest;
    let highest = this.highest;
    let sumMs = this.sumMs;
    let maxMs = this.maxMs;
    for (let i = from; i < to; i++) {
      const bucket = buckets[i];
      const valueMs = values[i];
      counts[bucket]++;
      if (bucket < lowest) lowest = bucket;
      if (bucket > highest) highest = bucket;
      sumMs += valueMs;
      if (valueMs > maxMs) maxMs = valueMs;
    }
    this.lowest = lowest;
    this.highest = highest;
    this.sumMs = sumMs;
    this.maxMs = maxMs;
    this.count += to - from;
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
/** Past this many values an interval spills into a histogram: memory stays bounded per node. */
const KEPT_LIMIT = 4096;

/**
 * Latencies of one sample interval. Up to 32 values the percentiles are exact (the values
 * sorted); past that they are what a LogHistogram of the values would report — a bucket's middle,
 * capped at the interval's maximum. Up to 4,096 values that is computed at the interval's end
 * from the values' buckets, counted octave first (`OctaveRanks`): no 3,201-bucket histogram to
 * fill, scan and clear, and no comparison sort, whose unpredictable branches cost S1 more than
 * the rest of its latency bookkeeping. Past 4,096 the values spill into a real histogram. Same
 * numbers either way (tests/unit/histogram).
 *
 * With a `run` histogram (the whole measured window's), values recorded as measured reach it in
 * one pass at the interval's end (or when `flush` is called) instead of one record per departure:
 * the same values in the same order, so the same counts and the same sum, and a node's histogram
 * is touched once an interval. Measured values are always the interval's last ones (time only
 * moves forward, and warm-up ends once), so a count of them is enough to find them.
 */
export class IntervalLatency {
  private values = new Float64Array(EXACT_LIMIT);
  /** Each kept value's bucket, filled at the interval's end (past EXACT_LIMIT values). */
  private buckets = new Int32Array(0);
  private readonly sorted = new Float64Array(EXACT_LIMIT);
  private readonly ranks = new OctaveRanks();
  /** Made on the first spill: most nodes never hold 4,096 values in an interval (25 KB saved each). */
  private spill: LogHistogram | null = null;
  private count = 0;
  /** The last `pending` kept values are measured and not yet in `run`. */
  private pending = 0;

  constructor(private readonly run: LogHistogram | null = null) {}

  /** `measured`: after warm-up, so it belongs in the run's histogram too. */
  record(valueMs: number, measured: boolean): void {
    if (this.count < this.values.length) {
      this.values[this.count++] = valueMs;
      if (measured) this.pending++;
    } else this.recordPastEnd(valueMs, measured);
  }

  /** Brings the measured values recorded so far into the run's histogram (before it is read). */
  flush(): void {
    const run = this.run;
    if (run === null || this.pending === 0) return;
    const v = this.values;
    const end = this.count < KEPT_LIMIT ? this.count : KEPT_LIMIT;
    for (let i = end - this.pending; i < end; i++) run.record(v[i]);
    this.pending = 0;
  }

  private recordPastEnd(valueMs: number, measured: boolean): void {
    const n = this.count;
    if (n < KEPT_LIMIT) {
      const grown = new Float64Array(Math.min(KEPT_LIMIT, n * 2));
      grown.set(this.values);
      this.values = grown;
      this.values[n] = valueMs;
      if (measured) this.pending++;
    } else {
      const spill = (this.spill ??= new LogHistogram());
      if (n === KEPT_LIMIT) {
        // Past the kept values, measured ones go straight to the run's histogram: those kept first.
        this.flush();
        for (let i = 0; i < KEPT_LIMIT; i++) spill.record(this.values[i]);
      }
      spill.record(valueMs);
      if (measured && this.run !== null) this.run.record(valueMs);
    }
    this.count = n + 1;
  }

  /** The interval's p50 and p99 into `out[0]`, `out[1]` (0 when empty); then the interval restarts. */
  takeQuantiles(out: Float64Array): void {
    const n = this.count;
    if (n <= EXACT_LIMIT || n > KEPT_LIMIT) this.flush(); // before sorting reorders the values
    if (n === 0) {
      out[0] = 0;
      out[1] = 0;
    } else if (n <= EXACT_LIMIT) {
      // Insertion sort: for a few dozen numbers it beats the typed-array sort builtin.
      const v = this.sorted;
      for (let i = 0; i < n; i++) {
        const x = this.values[i];
        let j = i - 1;
        while (j >= 0 && v[j] > x) {
          v[j + 1] = v[j];
          j--;
        }
        v[j + 1] = x;
      }
      out[0] = v[Math.ceil(0.5 * n) - 1];
      out[1] = v[Math.ceil(0.99 * n) - 1];
    } else if (n <= KEPT_LIMIT) {
      if (this.buckets.length < n) this.buckets = new Int32Array(this.values.length);
      const buckets = this.buckets;
      const maxMs = this.ranks.count(this.values, buckets, n); // as LogHistogram.maxMs
      // the measured values (the last `pending`) reach the run's histogram with the buckets just taken
      if (this.run !== null && this.pending > 0) this.run.recordBucketed(this.values, buckets, n - this.pending, n);
      this.pending = 0;
      const rank99 = Math.ceil(0.99 * n);
      out[0] = Math.min(maxMs, valueOf(this.ranks.bucketAt(Math.ceil(0.5 * n), buckets, n)));
      // Up to 100 values p99 is the largest.
      out[1] = Math.min(maxMs, valueOf(rank99 === n ? bucketOf(maxMs) : this.ranks.bucketAt(rank99, buckets, n)));
      this.ranks.clear();
    } else {
      const spill = this.spill as LogHistogram;
      out[0] = spill.quantileMs(0.5);
      out[1] = spill.quantileMs(0.99);
      spill.reset();
    }
    this.count = 0;
  }
}

/**
 * The bucket at a rank among an interval's values, by counting: first how many values fall in
 * each octave (slot 0 holds bucket 0, slot o the buckets of octave o − 1), then, in the octave
 * where the rank falls, how many fall on each of its 64 steps. Two linear passes whose branches
 * are predictable, where a selection's comparisons are not.
 */
class OctaveRanks {
  private readonly octaves = new Int32Array(OCTAVES + 1);
  /** Steps of one octave, and a last slot for the values outside it (no branch per value). */
  private readonly steps = new Int32Array(STEPS_PER_OCTAVE + 1);
  private lowest = OCTAVES + 1;
  private highest = -1;

  /** Fills `buckets[0..n)` with the values' buckets and counts octaves; returns max(0, largest). */
  count(values: Float64Array, buckets: Int32Array, n: number): number {
    const octaves = this.octaves;
    let lowest = this.lowest;
    let highest = this.highest;
    let maxMs = 0;
    for (let i = 0; i < n; i++) {
      const valueMs = values[i];
      const bucket = bucketOf(valueMs);
      buckets[i] = bucket;
      const octave = bucket === 0 ? 0 : ((bucket - 1) >> 6) + 1;
      octaves[octave]++;
      if (octave < lowest) lowest = octave;
      if (octave > highest) highest = octave;
      if (valueMs > maxMs) maxMs = valueMs;
    }
    this.lowest = lowest;
    this.highest = highest;
    return maxMs;
  }

  /** The bucket of the value at 1-based `rank` among `buckets[0..n)` (as counted by `count`). */
  bucketAt(rank: number, buckets: Int32Array, n: number): number {
    const octaves = this.octaves;
    let below = 0;
    let octave = this.lowest;
    while (octave < this.highest && below + octaves[octave] < rank) below += octaves[octave++];
    if (octave === 0) return 0;
    const first = (octave - 1) * STEPS_PER_OCTAVE + 1;
    const steps = this.steps;
    for (let i = 0; i < n; i++) {
      const step = buckets[i] - first;
      // in [0, 64) exactly when no bit above the step's six is set (a negative step has them all)
      steps[(step & -STEPS_PER_OCTAVE) === 0 ? step : STEPS_PER_OCTAVE]++;
    }
    let bucket = first + STEPS_PER_OCTAVE - 1;
    for (let step = 0; step < STEPS_PER_OCTAVE; step++) {
      below += steps[step];
      if (below >= rank) {
        bucket = first + step;
        break;
      }
    }
    steps.fill(0);
    return bucket;
  }

  /** Ready for the next interval. */
  clear(): void {
    if (this.highest >= 0) this.octaves.fill(0, this.lowest, this.highest + 1);
    this.lowest = OCTAVES + 1;
    this.highest = -1;
  }
}
