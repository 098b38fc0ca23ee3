import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile, Sampler } from '../../src/engine/distributions';
import { streamFor, type RandomStream } from '../../src/engine/random';
import type { DistributionSpec } from '../../src/engine/spec';

function samples(sampler: Sampler, n: number, key = 'd'): number[] {
  const rng = streamFor(11, key, 'sample');
  return Array.from({ length: n }, () => sampler.sample(rng)).sort((a, b) => a - b);
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const quantile = (sorted: number[], q: number): number => sorted[Math.ceil(q * sorted.length) - 1];

describe('distributions', () => {
  it('constant always returns its value', () => {
    expect(samples(new Sampler({ dist: 'constant', valueMs: 250 }), 5)).toEqual([250, 250, 250, 250, 250]);
  });

  it('exponential has the requested mean and median ln2·mean', () => {
    const xs = samples(new Sampler({ dist: 'exponential', meanMs: 100 }), 200_000);
    expect(mean(xs)).toBeGreaterThan(99);
    expect(mean(xs)).toBeLessThan(101);
    expect(quantile(xs, 0.5) / (100 * Math.LN2)).toBeCloseTo(1, 1);
    expect(quantile(xs, 0.99) / (100 * Math.log(100))).toBeCloseTo(1, 1);
  });

  it('uniform stays within [min, max] with mean (min+max)/2', () => {
    const xs = samples(new Sampler({ dist: 'uniform', minMs: 20, maxMs: 60 }), 100_000);
    expect(xs[0]).toBeGreaterThanOrEqual(20);
    expect(xs[xs.length - 1]).toBeLessThanOrEqual(60);
    expect(mean(xs)).toBeCloseTo(40, 0);
  });

  it('lognormal hits the requested median and p99', () => {
    const xs = samples(new Sampler({ dist: 'lognormal', medianMs: 20, p99Ms: 120 }), 200_000);
    expect(quantile(xs, 0.5) / 20).toBeCloseTo(1, 1);
    expect(quantile(xs, 0.99) / 120).toBeCloseTo(1, 1);
  });

  it('the normal quantile function inverts the normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326347874, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 6);
  });
});

/**
 * The sampler as one switch and Acklam's function in one piece, as they were before the hot kinds
 * were split out for inlining (issue 16): the split must draw exactly the same numbers.
 */
function referenceQuantile(p: number): number {
  const [a, b, c, d] = ACKLAM;
  if (p <= 0) return -8.2;
  if (p >= 1) return 8.2;
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
const ACKLAM = [
  [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239],
  [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1],
  [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783],
  [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416],
];

function referenceSample(spec: DistributionSpec, rng: RandomStream): number {
  switch (spec.dist) {
    case 'constant':
      return spec.valueMs;
    case 'exponential':
      return -spec.meanMs * Math.log(1 - rng.next());
    case 'uniform':
      return spec.minMs + (spec.maxMs - spec.minMs) * rng.next();
    case 'lognormal': {
      const sigma = spec.medianMs > 0 && spec.p99Ms > spec.medianMs ? Math.log(spec.p99Ms / spec.medianMs) / 2.3263478740408408 : 0;
      return sigma === 0 ? spec.medianMs : spec.medianMs * Math.exp(sigma * referenceQuantile(rng.next()));
    }
  }
}

describe('the sampler split for inlining draws what the one-switch sampler drew', () => {
  it('the normal quantile equals the one-piece function at the region borders and across (0, 1)', () => {
    const borders = [0, 1, -0.5, 1.5, 0.02425, 1 - 0.02425, 0.0242499999, 0.0242500001, 0.9757499999, 0.9757500001, 1e-300, 1 - 2 ** -53, 0.5];
    for (const p of borders) expect(Object.is(normalQuantile(p), referenceQuantile(p)), `p = ${p}`).toBe(true);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => Object.is(normalQuantile(p), referenceQuantile(p))),
      { seed: 16, numRuns: 20_000 },
    );
  });

  it('every kind draws bit-identical values and consumes its stream the same way', () => {
    const specs: DistributionSpec[] = [
      { dist: 'constant', valueMs: 7 },
      { dist: 'exponential', meanMs: 10 },
      { dist: 'uniform', minMs: 2, maxMs: 9 },
      { dist: 'lognormal', medianMs: 3, p99Ms: 30 },
      { dist: 'lognormal', medianMs: 5, p99Ms: 5 }, // σ = 0: the median, no draw
    ];
    for (const spec of specs) {
      const sampler = new Sampler(spec);
      const fast = streamFor(5, spec.dist, 'sample');
      const reference = streamFor(5, spec.dist, 'sample');
      for (let i = 0; i < 50_000; i++) {
        const x = sampler.sample(fast);
        const y = referenceSample(spec, reference);
        if (!Object.is(x, y)) expect.fail(`${JSON.stringify(spec)} draw ${i}: ${x} ≠ ${y}`);
      }
      expect(fast.next()).toBe(reference.next()); // the streams are at the same place
    }
  });
});
