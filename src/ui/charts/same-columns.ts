/**
 * Whether a chart's new columns hold exactly the numbers it drew last (NaN equal to NaN). The
 * series are polled 4× a second but change once per sample interval; an unchanged poll is not
 * handed to uPlot, which would redraw and rewrite every legend cell — a repaint of the whole page,
 * milliseconds with a 1,000-node graph on the canvas (docs/performance.md).
 */
export function sameColumns(next: readonly ArrayLike<number>[], drawn: readonly ArrayLike<number>[] | null): boolean {
  if (drawn === null || next.length !== drawn.length) return false;
  for (let c = 0; c < next.length; c++) {
    const a = next[c];
    const b = drawn[c];
    if (a === b) continue;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  }
  return true;
}
