// Semantic zoom's rule (src/ui/canvas/legibility.ts): the smallest text a card is designed with,
// times the text scale, times any zoom within the step, is never below the target on screen.
import fc from 'fast-check';
import { layoutNodeHeightPx, ROW_GAP_PX } from '../../src/store/graph/auto-layout.ts';
import { describe, expect, it } from 'vitest';
import { CARD_LINES, detailTier, legibilityAt, MIN_TEXT_PX, PRESENT_TEXT_PX, SMALLEST_DESIGN_PX, textMinZoom, textScale, zoomStep } from '../../src/ui/canvas/legibility.ts';

describe('semantic zoom: text scale and tiers', () => {
  it('for any zoom from 0.05 to 2.5 and either target, smallest design size × scale × zoom ≥ target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 2.5, noNaN: true }), fc.constantFrom(MIN_TEXT_PX, PRESENT_TEXT_PX), (zoom, targetPx) => {
        const { scale } = legibilityAt(zoom, targetPx);
        expect(SMALLEST_DESIGN_PX * scale * zoom).toBeGreaterThanOrEqual(targetPx);
      }),
      { seed: 12, numRuns: 2000 },
    );
  });

  it('the scale is never below 1: zoomed in, text is drawn as designed, not shrunk', () => {
    expect(textScale(zoomStep(2), MIN_TEXT_PX)).toBe(1);
    expect(textScale(zoomStep(1), MIN_TEXT_PX)).toBe(1);
    expect(legibilityAt(1, MIN_TEXT_PX)).toEqual({ tier: 'full', scale: 1 });
  });

  it('the scale changes only at zoom steps (panning at one zoom re-lays-out nothing)', () => {
    expect(zoomStep(0.5)).toBe(0.5);
    expect(zoomStep(0.52)).toBe(0.5);
    expect(zoomStep(0.44)).toBeCloseTo(2 ** (-10 / 8), 12);
    expect(legibilityAt(0.52, 11).scale).toBe(legibilityAt(0.53, 11).scale);
  });

  it('tiers: full at 1×, medium in a 700×450 embed of mfa (zoom 0.57), compact for key-removal (0.5), tiny on a phone (0.27), none past 4.5×', () => {
    expect(legibilityAt(1, MIN_TEXT_PX).tier).toBe('full');
    expect(legibilityAt(0.57, MIN_TEXT_PX).tier).toBe('medium');
    expect(legibilityAt(0.5, MIN_TEXT_PX).tier).toBe('compact');
    expect(legibilityAt(0.27, MIN_TEXT_PX).tier).toBe('tiny');
    expect(legibilityAt(0.1, MIN_TEXT_PX).tier).toBe('overview');
    // presenting asks for 16 px: the same zoom shows less
    expect(legibilityAt(1, PRESENT_TEXT_PX).tier).toBe('medium');
    expect(legibilityAt(0.62, PRESENT_TEXT_PX).tier).toBe('compact');
    expect(detailTier(4.5)).toBe('tiny');
    expect(detailTier(4.51)).toBe('overview');
  });

  it('text above cards (the big-graph overlay) starts where cards show more than their name', () => {
    expect(legibilityAt(textMinZoom(MIN_TEXT_PX), MIN_TEXT_PX).tier).toBe('medium');
    expect(legibilityAt(textMinZoom(MIN_TEXT_PX) * 0.9, MIN_TEXT_PX).tier).toBe('compact');
    expect(textMinZoom(PRESENT_TEXT_PX)).toBeGreaterThan(textMinZoom(MIN_TEXT_PX));
  });

  it('a small card at its tier\'s largest scale fits its layout footprint and the row gap: no card covers the one below', () => {
    const { linePx, framePx, minGapPx, tokenBarPx, lines } = CARD_LINES;
    const footprints = {
      plain: layoutNodeHeightPx({ kind: 'client' }),
      keys: layoutNodeHeightPx({ kind: 'keyset' }),
      validator: layoutNodeHeightPx({ kind: 'service', auth: { keyset: 'jwks' } }),
    };
    expect(footprints.keys).toBeGreaterThan(footprints.plain);
    expect(footprints.validator).toBeGreaterThan(footprints.keys);
    for (const tier of ['compact', 'tiny'] as const) {
      // the largest scale the tier is used at: just under the next tier's
      const scales = Array.from({ length: 6000 }, (_, i) => 1 + i / 1000).filter((s) => detailTier(s) === tier);
      const scale = Math.max(...scales);
      for (const card of ['plain', 'keys', 'validator'] as const) {
        const drawnPx = lines[tier][card] * linePx * scale + framePx + (card === 'validator' ? tokenBarPx : 0);
        expect(drawnPx + minGapPx, `${tier} ${card} at ${scale}`).toBeLessThanOrEqual(footprints[card] + ROW_GAP_PX);
      }
    }
  });
});
