/**
 * Semantic zoom: below OVERVIEW_ZOOM the cards' text is too small to read, so the canvas hides
 * it (theme: `[data-detail='overview']`) and the painter stops writing it. Subscribes to a
 * boolean, so panning and zooming re-render nothing until the threshold is crossed.
 */
import { useStore } from '@xyflow/react';
import { useEffect } from 'react';
import { canvasPainter } from './live/canvas-painter.ts';
import type { PaintDetail } from './live/live-painter.ts';

/** 13 px readouts × 0.45 ≈ 6 px on screen: no longer legible. */
export const OVERVIEW_ZOOM = 0.45;

export function usePaintDetail(): PaintDetail {
  const detail: PaintDetail = useStore((s) => (s.transform[2] < OVERVIEW_ZOOM ? 'overview' : 'full'));
  useEffect(() => canvasPainter.setDetail(detail), [detail]);
  return detail;
}
