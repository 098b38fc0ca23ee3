/**
 * The bell a node or link shows while one of its alerts fires (issue 13). The bell itself is drawn
 * in the card or edge (BellGlyph), hidden by CSS until `data-firing`; the painter writes only the
 * state and its name for screen readers ("alert firing", "2 alerts firing").
 */
import type { DomWriter } from './dom-writer.ts';

export function paintBell(write: DomWriter, index: number, firing: number): void {
  const count = firing > 0 ? Math.round(firing) : 0;
  write.attr(index, 'data-firing', count > 0 ? String(count) : null);
  write.attr(index, 'aria-label', count === 0 ? null : count === 1 ? 'alert firing' : `${count} alerts firing`);
}
