/** Present mode's caption: the embed's caption line, large, in a band above the canvas. */
import { useEffect } from 'react';
import { useRunStore } from '../../store/run-store.ts';
import { canvasView } from '../canvas/canvas-view.ts';
import { usePresenterStore } from '../guide/presenter-store.ts';
import { StoryCaption } from './StoryCaption.tsx';

export function PresentCaption() {
  const presenting = usePresenterStore((s) => s.presenting);
  const shown = useRunStore((s) => presenting && s.story !== null);
  useEffect(() => {
    // the band took height from the canvas: fit the graph again once the layout has settled
    if (!shown) return;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(canvasView.fitView)));
    return () => cancelAnimationFrame(frame);
  }, [shown]);
  return shown ? <StoryCaption variant="present" /> : null;
}
