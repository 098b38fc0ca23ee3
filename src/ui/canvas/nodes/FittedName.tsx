/**
 * The name a small card shows (medium, compact, tiny tiers): the distinct name (distinct-labels.ts)
 * with every word fitting a line at the current text scale (fit-label.ts), so the browser never
 * breaks a word. Subscribes to the zoom *step* only: it re-renders when a step is crossed, not
 * while panning or zooming within one.
 */
import { useStore } from '@xyflow/react';
import { useMemo } from 'react';
import { legibilityAt, zoomStep } from '../legibility.ts';
import { useTextTargetPx } from '../use-legibility.ts';
import { fitLabel, labelLineEm, pageWidthEm } from './fit-label.ts';

export function FittedName({ text }: { text: string }) {
  const targetPx = useTextTargetPx();
  const step = useStore((s) => zoomStep(s.transform[2]));
  const { tier, scale } = legibilityAt(step, targetPx);
  const lineEm = labelLineEm(tier, scale);
  const lines = tier === 'tiny' ? 1 : 2;
  const shown = useMemo(() => (lineEm === null ? text : fitLabel(text, lineEm, pageWidthEm, lines)), [text, lineEm, lines]);
  return <span className="fl-node__short-name">{shown}</span>;
}
