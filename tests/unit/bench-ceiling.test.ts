import { describe, expect, it } from 'vitest';
import { ceilingMM1 } from '../../scripts/bench-ceiling';

// The bench's ceiling must be a real M/M/1 simulation, or Faultline's fraction of it means nothing.
describe('the bench ceiling (typed-array M/M/1 loop)', () => {
  const durationMs = 43.4 * 3600e3; // S1's bench run
  const run = ceilingMM1(8, 100, durationMs);

  it('simulates as many requests as S1 does, two events each', () => {
    expect(run.requests).toBeGreaterThan(1.24e6);
    expect(run.requests).toBeLessThan(1.26e6);
    // every request arrives, and all but the few still in the system at the end depart
    expect(run.events - 2 * run.requests).toBeLessThanOrEqual(0);
    expect(run.events - 2 * run.requests).toBeGreaterThan(-50);
  });

  it('gives the mean time in system queueing theory says: 1/(μ−λ) = 500 ms at ρ = 0.8', () => {
    expect(Math.abs(run.meanSojournMs - 500) / 500).toBeLessThan(0.02);
  });

  it('at ρ = 0.5: 1/(μ−λ) = 200 ms', () => {
    const half = ceilingMM1(5, 100, 20 * 3600e3, 7);
    expect(Math.abs(half.meanSojournMs - 200) / 200).toBeLessThan(0.02);
  });
});
