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
/** Past this many values an interval spills into a histogram: memory stays bounded per node. */
const KEPT_LIMIT = 4096;

/**
 * Latencies of one sample interval. Up to 32 values the percentiles are exact (the values
 * sorted); past that they are what a LogHistogram of the values would report — a bucket's middle,
 * capped at the interval's maximum. Up to 4,096 values that is computed at the interval's end by
 * selecting the value at the percentile's rank (its bucket is the histogram's: the bucket of a
 * value grows with the value), which costs far less than filling and scanning a histogram; past
 * 4,096 the values spill into a real histogram. Same numbers either way (tests/unit/histogram).
 *
 * With a `run` histogram (the whole measured window's), values recorded as measured reach it in
 * one pass at the interval's end (or when `flush` is called) instead of one record per departure:
 * the same values in the same order, so the same counts and the same sum, and a node's histogram
 * is touched once an interval. Measured values are always the interval's last ones (time only
 * moves forward, and warm-up ends once), so a count of them is enough to find them.
 */
export class IntervalLatency {
  private values = new Float64Array(EXACT_LIMIT);
  private readonly sorted = new Float64Array(EXACT_LIMIT);
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
    this.flush(); // before selection reorders the values
    const n = this.count;
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
      const v = this.values;
      let largest = v[0];
      for (let i = 1; i < n; i++) if (v[i] > largest) largest = v[i];
      const maxMs = largest > 0 ? largest : 0; // as LogHistogram.maxMs
      const rank50 = Math.ceil(0.5 * n) - 1;
      const rank99 = Math.ceil(0.99 * n) - 1;
      const at50 = selectInPlace(v, 0, n - 1, rank50);
      // Up to 100 values p99 is the largest; past that it is among those after rank50.
      const at99 = rank99 === n - 1 ? largest : selectInPlace(v, rank50 + 1, n - 1, rank99);
      out[0] = Math.min(maxMs, valueOf(bucketOf(at50)));
      out[1] = Math.min(maxMs, valueOf(bucketOf(at99)));
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
 * Hoare's selection: reorders a[lo..hi] so that a[k] is the value of rank k there, nothing
 * before it larger and nothing after it smaller; returns a[k]. Expected O(n).
 */
function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const x = a[lo];
    const y = a[(lo + hi) >>> 1];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y; // median of three
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[lo..j] ≤ pivot ≤ a[i..hi]; between them, the pivot's value
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
