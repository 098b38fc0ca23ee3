// The charts' time window (src/ui/charts/chart-window.ts): follows the playhead by default, the
// story window while the playhead is in it, the whole run on request.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartWindow, FOLLOW_SPAN_MS, historyNeededMs } from '../../src/ui/charts/chart-window.ts';

const M = 60_000;
const KEY_REMOVAL_MS = 930 * M;

describe('the chart window', () => {
  it('shows the first 10 minutes until the run is that old, then the last 10 minutes up to the playhead', () => {
    expect(chartWindow({ nowMs: 3 * M, durationMs: KEY_REMOVAL_MS, mode: 'follow' })).toEqual({ minMs: 0, maxMs: 10 * M });
    expect(chartWindow({ nowMs: 35 * M, durationMs: KEY_REMOVAL_MS, mode: 'follow' })).toEqual({ minMs: 25 * M, maxMs: 35 * M });
    expect(chartWindow({ nowMs: KEY_REMOVAL_MS, durationMs: KEY_REMOVAL_MS, mode: 'follow' })).toEqual({ minMs: 920 * M, maxMs: KEY_REMOVAL_MS });
  });

  it('shows a run no longer than the window whole, and the whole run on request', () => {
    expect(chartWindow({ nowMs: 4 * M, durationMs: 5 * M, mode: 'follow' })).toEqual({ minMs: 0, maxMs: 5 * M });
    expect(chartWindow({ nowMs: 35 * M, durationMs: KEY_REMOVAL_MS, mode: 'whole' })).toEqual({ minMs: 0, maxMs: KEY_REMOVAL_MS });
  });

  it("uses the scenario's story window while the playhead is inside it, and follows outside it", () => {
    const story = { fromMs: 20 * M, toMs: 3 * 60 * M };
    expect(chartWindow({ nowMs: 35 * M, durationMs: KEY_REMOVAL_MS, mode: 'follow', story })).toEqual({ minMs: 20 * M, maxMs: 180 * M });
    expect(chartWindow({ nowMs: 15 * M, durationMs: KEY_REMOVAL_MS, mode: 'follow', story })).toEqual({ minMs: 5 * M, maxMs: 15 * M });
    expect(chartWindow({ nowMs: 200 * M, durationMs: KEY_REMOVAL_MS, mode: 'follow', story })).toEqual({ minMs: 190 * M, maxMs: 200 * M });
    // a story past the end is clipped to the run; an empty one is ignored
    expect(chartWindow({ nowMs: 900 * M, durationMs: KEY_REMOVAL_MS, mode: 'follow', story: { fromMs: 800 * M, toMs: 2000 * M } })).toEqual({ minMs: 800 * M, maxMs: KEY_REMOVAL_MS });
    expect(chartWindow({ nowMs: 40 * M, durationMs: KEY_REMOVAL_MS, mode: 'follow', story: { fromMs: 40 * M, toMs: 40 * M } })).toEqual({ minMs: 30 * M, maxMs: 40 * M });
  });

  it('always holds the playhead, never leaves the run, never is empty', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 7 * 24 * 60 * M, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('follow' as const, 'whole' as const), (durationMs, at, mode) => {
        const nowMs = at * durationMs;
        const w = chartWindow({ nowMs, durationMs, mode });
        expect(w.minMs).toBeGreaterThanOrEqual(0);
        expect(w.maxMs).toBeLessThanOrEqual(Math.max(durationMs, 1));
        expect(w.maxMs).toBeGreaterThan(w.minMs);
        expect(nowMs).toBeGreaterThanOrEqual(w.minMs);
        expect(nowMs).toBeLessThanOrEqual(w.maxMs);
        if (mode === 'follow') expect(w.maxMs - w.minMs).toBeLessThanOrEqual(FOLLOW_SPAN_MS);
      }),
      { seed: 35, numRuns: 500 },
    );
  });

  it('asks the worker for a quarter more history than the window shows, and for everything when whole', () => {
    expect(historyNeededMs('follow')).toBe(12.5 * M);
    expect(historyNeededMs('follow', { fromMs: 0, toMs: 60 * M })).toBe(75 * M);
    expect(historyNeededMs('whole')).toBeUndefined();
  });
});
