/**
 * Where a node added by keyboard or click goes: the free spot nearest the view's centre, so it
 * never lands on top of another node. Pure (positions in, position out) for tests in Node.
 */
export interface Spot {
  x: number;
  y: number;
}

/** A card on the canvas: its top-left corner and size. */
export interface Card extends Spot {
  widthPx: number;
  heightPx: number;
}

/** Space kept around a node so two cards never touch. */
export const FREE_SPOT_GAP_PX = 24;
/** Candidate rings tried before giving up and stacking at the centre (a canvas that full is rare). */
const MAX_RINGS = 40;

/**
 * The top-left corner for a `widthPx` × `heightPx` card whose centre is as close as possible to
 * `centre` without overlapping (or touching, within the gap) any card in `taken`. Candidates lie
 * on a grid of half a card plus the gap, ring by ring outwards.
 */
export function freeSpotNear(centre: Spot, taken: readonly Card[], widthPx: number, heightPx: number): Spot {
  const start = { x: Math.round(centre.x - widthPx / 2), y: Math.round(centre.y - heightPx / 2) };
  const stepX = (widthPx + FREE_SPOT_GAP_PX) / 2;
  const stepY = (heightPx + FREE_SPOT_GAP_PX) / 2;
  const gap = FREE_SPOT_GAP_PX;
  const clear = (at: Spot) =>
    taken.every((c) => at.x >= c.x + c.widthPx + gap || c.x >= at.x + widthPx + gap || at.y >= c.y + c.heightPx + gap || c.y >= at.y + heightPx + gap);
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    let best: Spot | null = null;
    let bestDistance = Infinity;
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue; // only the ring's edge
        const at = { x: Math.round(start.x + i * stepX), y: Math.round(start.y + j * stepY) };
        const distance = Math.hypot(at.x - start.x, at.y - start.y);
        if (distance < bestDistance && clear(at)) {
          best = at;
          bestDistance = distance;
        }
      }
    }
    if (best) return best;
  }
  return start;
}
