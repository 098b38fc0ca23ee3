// The playheads over the charts and the fault track are drawn on canvases (moving an element
// re-layerizes the whole page in Chromium): a line 2 CSS px wide centred on the time, redrawn only
// when it lands on another device pixel — so a paused run or a sub-pixel step draws nothing — and
// drawn again after a resize cleared the bitmap. The progress bar moves in 1/1000 steps of the run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlayheadPainter, playheadPixel, PLAYHEAD_WIDTH_PX, type PlayheadContext } from '../../src/ui/playhead-canvas.ts';
import { PROGRESS_STEPS, progressValue } from '../../src/ui/run/format-run.ts';

function fakeCanvas() {
  const calls: { op: string; args: number[]; fill: unknown }[] = [];
  const bitmap = { width: 0, height: 0 };
  const context: PlayheadContext = {
    fillStyle: '',
    clearRect: (...args) => void calls.push({ op: 'clearRect', args, fill: context.fillStyle }),
    fillRect: (...args) => void calls.push({ op: 'fillRect', args, fill: context.fillStyle }),
  };
  return { bitmap, context, calls };
}

describe('playhead canvas', () => {
  it('draws a 2 px line centred on x, in device pixels, over the full height', () => {
    const { bitmap, context, calls } = fakeCanvas();
    const painter = createPlayheadPainter(bitmap, context, () => 'rgb(29, 31, 33)');
    painter.resize(600, 83, 2);
    expect(bitmap).toEqual({ width: 1200, height: 166 });
    calls.length = 0;
    expect(painter.moveTo(100)).toBe(true);
    expect(calls).toEqual([
      { op: 'clearRect', args: [0, 0, 1200, 166], fill: '' },
      { op: 'fillRect', args: [198, 0, 4, 166], fill: 'rgb(29, 31, 33)' }, // (100 − 1) × 2, 2 px × 2 wide
    ]);
    expect(painter.widthPx()).toBe(600);
  });

  it('does not draw again while the line stays on the same device pixel (paused, or a sub-pixel step)', () => {
    const { bitmap, context, calls } = fakeCanvas();
    const painter = createPlayheadPainter(bitmap, context, () => 'black');
    painter.resize(600, 83, 1);
    painter.moveTo(100);
    calls.length = 0;
    expect(painter.moveTo(100)).toBe(false);
    expect(painter.moveTo(100.3)).toBe(false); // rounds to the same pixel at ratio 1
    expect(calls).toHaveLength(0);
    expect(painter.moveTo(101)).toBe(true);
    expect(calls.map((c) => c.op)).toEqual(['clearRect', 'fillRect']);
  });

  it('clears once and then stays empty when there is no time to show', () => {
    const { bitmap, context, calls } = fakeCanvas();
    const painter = createPlayheadPainter(bitmap, context, () => 'black');
    painter.resize(300, 50, 1);
    painter.moveTo(40);
    calls.length = 0;
    expect(painter.moveTo(NaN)).toBe(true);
    expect(calls.map((c) => c.op)).toEqual(['clearRect']);
    expect(painter.moveTo(Infinity)).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('draws again after a resize (which clears the bitmap), at the new size and ratio', () => {
    const { bitmap, context, calls } = fakeCanvas();
    const painter = createPlayheadPainter(bitmap, context, () => 'black');
    painter.resize(300, 50, 1);
    painter.moveTo(150);
    calls.length = 0;
    painter.resize(300, 50, 1); // same size, already drawn: the bitmap is left alone
    expect(calls).toHaveLength(0);
    painter.resize(600, 50, 1.5);
    expect(bitmap).toEqual({ width: 900, height: 75 });
    expect(calls).toEqual([
      { op: 'clearRect', args: [0, 0, 900, 75], fill: 'black' },
      { op: 'fillRect', args: [Math.round(149 * 1.5), 0, 3, 75], fill: 'black' },
    ]);
  });

  it('draws exactly when the pixel changes, over any path of positions (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 700, noNaN: true }), { maxLength: 60 }), fc.constantFrom(1, 1.25, 2), (xs, ratio) => {
        const { bitmap, context, calls } = fakeCanvas();
        const painter = createPlayheadPainter(bitmap, context, () => 'black');
        painter.resize(640, 80, ratio);
        let drawn = playheadPixel(NaN, ratio);
        let draws = 1; // the resize's
        for (const x of xs) {
          const pixel = playheadPixel(x, ratio);
          const expected = pixel !== drawn;
          expect(painter.moveTo(x)).toBe(expected);
          if (expected) draws++;
          drawn = pixel;
        }
        expect(calls.filter((c) => c.op === 'clearRect')).toHaveLength(draws);
        const last = calls.at(-1);
        if (xs.length > 0 && last?.op === 'fillRect') expect(last.args[0]).toBe(Math.round((xs.at(-1)! - PLAYHEAD_WIDTH_PX / 2) * ratio));
      }),
      { seed: 16, numRuns: 200 },
    );
  });
});

describe('progress bar steps', () => {
  it('moves in 1/1000 steps of the run, never ahead of the clock, and reaches the end', () => {
    expect(PROGRESS_STEPS).toBe(1000);
    expect(progressValue(0, 600_000)).toBe(0);
    expect(progressValue(599, 600_000)).toBe(0); // under one step (600 ms of a 10-minute run)
    expect(progressValue(600, 600_000)).toBe(600);
    expect(progressValue(2_345, 600_000)).toBe(1_800);
    expect(progressValue(600_000, 600_000)).toBe(600_000);
    expect(progressValue(700_000, 600_000)).toBe(600_000);
    expect(progressValue(-5, 600_000)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 86_400_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (durationMs, share) => {
        const simulatedMs = share * durationMs;
        const value = progressValue(simulatedMs, durationMs);
        expect(value).toBeLessThanOrEqual(simulatedMs + 1e-6);
        expect(simulatedMs - value).toBeLessThan(durationMs / PROGRESS_STEPS + 1e-6);
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
