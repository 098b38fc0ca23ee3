/** Registers a node card's DOM with the live painter for as long as it is mounted. */
import { useLayoutEffect, type RefObject } from 'react';
import { canvasPainter } from '../live/canvas-painter.ts';

export function useLiveNode(id: string, root: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = root.current;
    return element ? canvasPainter.registerNode(id, element) : undefined;
  }, [id, root]);
}
