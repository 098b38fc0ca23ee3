import { describe, expect, it } from 'vitest';
import { normalQuantile, Sampler } from '../../src/engine/distributions';
import { streamFor } from '../../src/engine/random';

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
