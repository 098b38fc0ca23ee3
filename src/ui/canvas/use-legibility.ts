/**
 * Semantic zoom (legibility.ts): the canvas's text scale and detail tier at the current zoom, as
 * props for the canvas's wrapper (`data-detail`, `--fl-text-scale`; canvas.css sizes and hides
 * the cards' text from them). Subscribes to the zoom *step*, so panning and zooming re-render
 * nothing until a step is crossed. The painter stops writing text only in the 'overview' tier.
 */
import { useStore } from '@xyflow/react';
import { useEffect, type CSSProperties } from 'react';
import { usePresenterStore } from '../guide/presenter-store.ts';
import { canvasPainter } from './live/canvas-painter.ts';
import type { PaintDetail } from './live/live-painter.ts';
import { legibilityAt, MIN_TEXT_PX, PRESENT_TEXT_PX, zoomStep, type DetailTier } from './legibility.ts';
import { KEY_MISSING_WORD } from './live/identity-readouts.ts';
import { pageWidthEm, stateWordsFit } from './nodes/fit-label.ts';

export interface LegibilityProps {
  'data-detail': DetailTier;
  /** 'last': a state word wider than a small card shows its last word (semantic-zoom.css). */
  'data-state-words': 'whole' | 'last';
  style: CSSProperties;
}

/** The on-screen text target now: larger in present mode, for a room. */
export function useTextTargetPx(): number {
  return usePresenterStore((s) => (s.presenting ? PRESENT_TEXT_PX : MIN_TEXT_PX));
}

/** The canvas's text scale now (`--fl-text-scale`), for geometry that must make room for the text. */
export function useTextScale(): number {
  const targetPx = useTextTargetPx();
  const step = useStore((s) => zoomStep(s.transform[2]));
  return legibilityAt(step, targetPx).scale;
}

export function useLegibility(): LegibilityProps {
  const targetPx = useTextTargetPx();
  const step = useStore((s) => zoomStep(s.transform[2]));
  const { tier, scale } = legibilityAt(step, targetPx);
  const detail: PaintDetail = tier === 'overview' ? 'overview' : 'full';
  useEffect(() => canvasPainter.setDetail(detail), [detail]);
  const words = stateWordsFit(tier, scale, KEY_MISSING_WORD, pageWidthEm) ? 'whole' : 'last';
  return { 'data-detail': tier, 'data-state-words': words, style: { '--fl-text-scale': String(scale) } as CSSProperties };
}
