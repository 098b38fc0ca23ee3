/**
 * The mounted canvas's view, for controls outside it: the toolbar's fit view and the palette's
 * "add at the centre". The canvas registers its React Flow instance here on mount; a plain module
 * rather than a provider at the top, so the layout does not need to sit inside React Flow.
 */
import type { CanvasPosition } from '../../store/graph-store.ts';

export interface CanvasView {
  fitView(): void;
  /** The flow position at the middle of the visible canvas. */
  centre(): CanvasPosition;
}

let current: CanvasView | null = null;

export const canvasView = {
  attach(view: CanvasView): () => void {
    current = view;
    return () => {
      if (current === view) current = null;
    };
  },
  fitView(): void {
    current?.fitView();
  },
  centre(): CanvasPosition {
    return current?.centre() ?? { x: 0, y: 0 };
  },
};
