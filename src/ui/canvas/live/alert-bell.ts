/**
 * The bell a node or link shows while one of its alerts fires (issue 13): "🔔", or "🔔 2" for
 * several, named in words for screen readers; empty and unnamed when none fires.
 */
import type { DomWriter } from './dom-writer.ts';

export function paintBell(write: DomWriter, index: number, firing: number): void {
  const count = firing > 0 ? Math.round(firing) : 0;
  write.text(index, count === 0 ? '' : count === 1 ? '🔔' : `🔔 ${count}`);
  write.attr(index, 'data-firing', count > 0 ? 'true' : null);
  write.attr(index, 'aria-label', count === 0 ? null : count === 1 ? 'alert firing' : `${count} alerts firing`);
}
