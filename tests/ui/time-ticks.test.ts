// The one time-tick rule (src/ui/time-ticks.ts): every tick a multiple of a nice step, never more
// than asked for, labels that say each tick apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTimeTick, TIME_STEPS_MS, timeTicks, timeTickStep } from '../../src/ui/time-ticks.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

/** The nice steps in words: 1/2/5/10/15/30 s and min, 1/2/3/6/12 h (plus sub-second and days). */
const NICE = new Set([
  ...[10, 20, 50, 100, 200, 500],
  ...[1, 2, 5, 10, 15, 30].map((n) => n * S),
  ...[1, 2, 5, 10, 15, 30].map((n) => n * M),
  ...[1, 2, 3, 6, 12].map((n) => n * H),
]);

describe('time ticks', () => {
  it('offers exactly the nice steps up to 12 h, ascending, then whole days', () => {
    const upTo12h = TIME_STEPS_MS.filter((s) => s <= 12 * H);
    expect(new Set(upTo12h)).toEqual(NICE);
    expect([...TIME_STEPS_MS].sort((a, b) => a - b)).toEqual(TIME_STEPS_MS);
    for (const s of TIME_STEPS_MS.filter((s) => s > 12 * H)) expect(s % (24 * H)).toBe(0);
  });

  it('puts ticks only on multiples of a nice step, inside the range, at most maxTicks, the finest step that fits', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 40 * 24 * H, noNaN: true }),
        fc.double({ min: 1, max: 20 * 24 * H, noNaN: true }),
        fc.integer({ min: 2, max: 20 }),
        (minMs, spanMs, maxTicks) => {
          const maxMs = minMs + spanMs;
          const { stepMs, ticksMs } = timeTicks(minMs, maxMs, maxTicks);
          expect(TIME_STEPS_MS).toContain(stepMs);
          expect(ticksMs.length).toBeLessThanOrEqual(maxTicks);
          for (const t of ticksMs) {
            expect(t).toBeGreaterThanOrEqual(minMs);
            expect(t).toBeLessThanOrEqual(maxMs);
            expect(Math.abs(t / stepMs - Math.round(t / stepMs))).toBeLessThan(1e-9);
          }
          // the next finer step would have put more than maxTicks on the span
          const finer = TIME_STEPS_MS[TIME_STEPS_MS.indexOf(stepMs) - 1];
          if (finer !== undefined) expect(Math.floor(spanMs / finer) + 1).toBeGreaterThan(maxTicks);
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });

  it('marks the 15.5 h key-removal run every 3 h and a 3.5 h run every 30 min, never 2h 35m or 16m 40s', () => {
    const long = timeTicks(0, 930 * M, 7);
    expect(long.stepMs).toBe(3 * H);
    expect(long.ticksMs.map((t) => formatTimeTick(t, long.stepMs))).toEqual(['0h', '3h', '6h', '9h', '12h', '15h']);
    const mfa = timeTicks(0, 210 * M, 8);
    expect(mfa.stepMs).toBe(30 * M);
    expect(mfa.ticksMs.map((t) => formatTimeTick(t, mfa.stepMs))).toEqual(['0m', '30m', '1h', '1h 30m', '2h', '2h 30m', '3h', '3h 30m']);
    const window = timeTicks(25 * M, 35 * M, 6);
    expect(window.stepMs).toBe(2 * M);
    expect(window.ticksMs.map((t) => formatTimeTick(t, window.stepMs))).toEqual(['26m', '28m', '30m', '32m', '34m']);
  });

  it('never gives two ticks the same label', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10 * 24 * H, noNaN: true }), fc.double({ min: 50, max: 24 * H, noNaN: true }), fc.integer({ min: 2, max: 12 }), (minMs, spanMs, maxTicks) => {
        const { stepMs, ticksMs } = timeTicks(minMs, minMs + spanMs, maxTicks);
        const labels = ticksMs.map((t) => formatTimeTick(t, stepMs));
        expect(new Set(labels).size).toBe(labels.length);
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('labels with the units the step needs', () => {
    expect(formatTimeTick(15 * H + 30 * M + 10 * S, 10 * S)).toBe('15h 30m 10s');
    expect(formatTimeTick(15 * H + 30 * M, 10 * S)).toBe('15h 30m');
    expect(formatTimeTick(90 * S, 30 * S)).toBe('1m 30s');
    expect(formatTimeTick(1500, 500)).toBe('1.5s');
    expect(formatTimeTick(36 * H, 12 * H)).toBe('1d 12h');
    expect(timeTickStep(0, 5)).toBe(10);
  });
});
