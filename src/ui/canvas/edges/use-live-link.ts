/** Registers a link's SVG group with the live painter for as long as it is mounted. */
import { useLayoutEffect, type RefObject } from 'react';
import { canvasPainter } from '../live/canvas-painter.ts';

export function useLiveLink(id: string, root: RefObject<SVGGElement | null>): void {
  useLayoutEffect(() => {
    const element = root.current;
    return element ? canvasPainter.registerLink(id, element) : undefined;
  }, [id, root]);
}
