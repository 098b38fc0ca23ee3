import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalLatency, LogHistogram } from '../../src/engine/histogram';
import { streamFor } from '../../src/engine/random';

describe('LogHistogram', () => {
  it('every percentile is within 1% of the exact sample percentile', () => {
    const rng = streamFor(3, 'h', 'values');
    const values: number[] = [];
    const h = new LogHistogram();
    for (let i = 0; i < 100_000; i++) {
      // spread over six decades: 10 µs to 10 s
      const v = Math.pow(10, -2 + 6 * rng.next());
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1];
      expect(Math.abs(h.quantileMs(q) / exact - 1)).toBeLessThan(0.01);
    }
    expect(h.meanMs).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
  });

  it('zeros and sub-microsecond values count as 0; empty histograms report 0', () => {
    const h = new LogHistogram();
    expect(h.quantileMs(0.5)).toBe(0);
    h.record(0);
    h.record(0);
    h.record(0.0001);
    h.record(50);
    expect(h.quantileMs(0.5)).toBe(0);
    expect(h.quantileMs(0.75)).toBe(0);
    expect(Math.abs(h.quantileMs(1) / 50 - 1)).toBeLessThan(0.01);
  });

  it('reset forgets everything', () => {
    const h = new LogHistogram();
    h.record(5);
    h.reset();
    h.record(1000);
    expect(h.count).toBe(1);
    expect(Math.abs(h.quantileMs(0.01) / 1000 - 1)).toBeLessThan(0.01);
  });
});

describe('IntervalLatency', () => {
  it('is exact for a few values and within 1% when it spills into a histogram', () => {
    const out = new Float64Array(2);
    const few = new IntervalLatency();
    for (const v of [9, 1, 5, 3, 7]) few.record(v, false);
    few.takeQuantiles(out);
    expect([out[0], out[1]]).toEqual([5, 9]);
    few.takeQuantiles(out);
    expect([out[0], out[1]]).toEqual([0, 0]);

    const many = new IntervalLatency();
    for (let v = 1; v <= 1000; v++) many.record(v, false);
    many.takeQuantiles(out);
    expect(Math.abs(out[0] / 500 - 1)).toBeLessThan(0.01);
    expect(Math.abs(out[1] / 990 - 1)).toBeLessThan(0.01);
    for (const v of [4, 2]) many.record(v, false);
    many.takeQuantiles(out);
    expect([out[0], out[1]]).toEqual([2, 4]);
  });
});

/** What an interval's percentiles were before selection: exact up to 32 values, else a LogHistogram's. */
function referenceQuantiles(values: number[]): [number, number] {
  const n = values.length;
  if (n === 0) return [0, 0];
  if (n <= 32) {
    const sorted = [...values].sort((a, b) => a - b);
    return [sorted[Math.ceil(0.5 * n) - 1], sorted[Math.ceil(0.99 * n) - 1]];
  }
  const h = new LogHistogram();
  for (const v of values) h.record(v);
  return [h.quantileMs(0.5), h.quantileMs(0.99)];
}

describe('IntervalLatency by selection equals the histogram it replaces', () => {
  // latencies as runs produce them: zeros, ties (constant service times), sub-µs to hours
  const latency = fc.oneof(
    fc.constant(0),
    fc.constantFrom(1, 5, 10, 100),
    fc.double({ min: 1e-4, max: 1e7, noNaN: true }),
    fc.integer({ min: 0, max: 2000 }).map((k) => k / 8),
  );

  it('for any interval of 0 to 5,000 values, interval after interval (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(latency, { maxLength: 5000 }), { minLength: 1, maxLength: 4 }), (intervals) => {
        const interval = new IntervalLatency();
        const out = new Float64Array(2);
        for (const values of intervals) {
          for (const v of values) interval.record(v, false);
          interval.takeQuantiles(out);
          expect([out[0], out[1]]).toEqual(referenceQuantiles(values));
        }
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('at the borders: 32, 33, 4,096 and 4,097 values', () => {
    const rng = streamFor(5, 'h', 'borders');
    const interval = new IntervalLatency();
    const out = new Float64Array(2);
    for (const n of [32, 33, 4096, 4097, 33, 10_000, 40]) {
      const values = Array.from({ length: n }, () => -100 * Math.log(1 - rng.next()));
      for (const v of values) interval.record(v, false);
      interval.takeQuantiles(out);
      expect([out[0], out[1]]).toEqual(referenceQuantiles(values));
    }
  });
});

describe("IntervalLatency fills the run's histogram at the interval's end as recording each value did", () => {
  const latency = fc.oneof(fc.constant(0), fc.constantFrom(1, 5, 100), fc.double({ min: 1e-4, max: 1e7, noNaN: true }));
  /** One interval: values before warm-up ends (a prefix), then measured ones; maybe a report midway. */
  const interval = fc.record({
    unmeasured: fc.array(latency, { maxLength: 300 }),
    // 'max': lengths spread up to 5,000, so intervals spill past the 4,096 kept values too
    measured: fc.array(latency, { maxLength: 5000, size: 'max' }),
    flushAfter: fc.option(fc.nat({ max: 5000 })),
  });

  it('same counts, percentiles, sum and maximum, interval after interval (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(interval, { minLength: 1, maxLength: 4 }), (intervals) => {
        const direct = new LogHistogram();
        const run = new LogHistogram();
        const deferred = new IntervalLatency(run);
        const out = new Float64Array(2);
        for (const { unmeasured, measured, flushAfter } of intervals) {
          for (const v of unmeasured) deferred.record(v, false);
          measured.forEach((v, i) => {
            direct.record(v);
            deferred.record(v, true);
            if (i === flushAfter) {
              deferred.flush(); // a report read mid-interval sees every value so far
              expect([run.count, run.sumMs]).toEqual([direct.count, direct.sumMs]);
            }
          });
          deferred.takeQuantiles(out);
          // the interval's own percentiles too: these intervals often pass 32 values (counted by octave)
          expect([out[0], out[1]]).toEqual(referenceQuantiles([...unmeasured, ...measured]));
          expect([run.count, run.sumMs, run.maxMs]).toEqual([direct.count, direct.sumMs, direct.maxMs]);
          for (const q of [0.01, 0.5, 0.9, 0.99, 0.999, 1]) expect(run.quantileMs(q)).toBe(direct.quantileMs(q));
        }
      }),
      { seed: 16, numRuns: 60, endOnFailure: true }, // shrinking 5,000-value intervals takes minutes
    );
  });
});
