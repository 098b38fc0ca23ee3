import { describe, expect, it } from 'vitest';
import { RandomStream, streamFor } from '../../src/engine/random';

const draw = (s: RandomStream, n: number): number[] => Array.from({ length: n }, () => s.next());

describe('random streams', () => {
  it('the same seed and key give the same sequence', () => {
    expect(draw(streamFor(42, 'api', 'service'), 100)).toEqual(draw(streamFor(42, 'api', 'service'), 100));
  });

  it('different seeds, components or purposes give different sequences', () => {
    const base = draw(streamFor(42, 'api', 'service'), 10);
    expect(draw(streamFor(43, 'api', 'service'), 10)).not.toEqual(base);
    expect(draw(streamFor(42, 'db', 'service'), 10)).not.toEqual(base);
    expect(draw(streamFor(42, 'api', 'error'), 10)).not.toEqual(base);
    // seeds beyond 32 bits still matter
    expect(draw(streamFor(2 ** 40, 'api', 'service'), 10)).not.toEqual(draw(streamFor(2 ** 41, 'api', 'service'), 10));
  });

  it('draws are uniform on [0, 1): mean, variance and a 10-bin chi-square test', () => {
    const n = 200_000;
    const xs = draw(streamFor(7, 'x', 'y'), n);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(xs.reduce((a, b) => Math.min(a, b), 1)).toBeGreaterThanOrEqual(0);
    expect(xs.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
    const bins = new Array(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    const chi2 = bins.reduce((a, o) => a + (o - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9); // p = 0.001 for 9 degrees of freedom
  });

  it('successive draws are not correlated', () => {
    const xs = draw(streamFor(9, 'x', 'y'), 100_000);
    let c = 0;
    for (let i = 1; i < xs.length; i++) c += (xs[i] - 0.5) * (xs[i - 1] - 0.5);
    expect(Math.abs(c / (xs.length - 1) / (1 / 12))).toBeLessThan(0.015);
  });
});
