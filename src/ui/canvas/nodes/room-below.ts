/**
 * Which cards have open canvas under them (semantic zoom): a small card's head is set in a fixed
 * number of lines so that it never reaches the card below (legibility.ts CARD_LINES); a card with
 * no card below it within a line's room more may take one line more — the mfa story's "MFA
 * service (one… / dropping / queue 4.1k" keeps its number under a two-line name.
 */
import { layoutNodeHeightPx, LAYOUT_NODE_WIDTH_PX, ROW_GAP_PX } from '../../../store/graph/auto-layout.ts';

/** Room for one more line at the largest small-tier scale (13 designed px × 4.5, legibility.ts) and a margin, flow px. */
export const EXTRA_LINE_ROOM_PX = 60;

interface Placed {
  id: string;
  kind: string;
  auth?: unknown;
  position?: { x: number; y: number };
}

/** The ids of cards whose footprint, the row gap and EXTRA_LINE_ROOM_PX below them touch no other card. */
export function openBelow(nodes: readonly Placed[]): Set<string> {
  const open = new Set<string>();
  const placed = nodes.filter((n) => n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y));
  // by x, so each card looks only at those whose columns can overlap its own
  const byX = [...placed].sort((a, b) => a.position!.x - b.position!.x);
  for (const [i, node] of byX.entries()) {
    const { x, y } = node.position!;
    const reach = y + layoutNodeHeightPx(node) + ROW_GAP_PX + EXTRA_LINE_ROOM_PX;
    let clear = true;
    for (const step of [-1, 1]) {
      for (let j = i + step; clear && j >= 0 && j < byX.length; j += step) {
        const other = byX[j].position!;
        if (Math.abs(other.x - x) >= LAYOUT_NODE_WIDTH_PX) break;
        // a card starting below this one's top and above the reach
        if (other.y > y && other.y < reach) clear = false;
      }
    }
    if (clear) open.add(node.id);
  }
  return open;
}

const cache = new WeakMap<readonly object[], Set<string>>();

/** openBelow of a document's nodes, worked out once per nodes array (every card asks). */
export function openBelowOf(nodes: readonly Placed[]): Set<string> {
  let open = cache.get(nodes);
  if (!open) {
    open = openBelow(nodes);
    cache.set(nodes, open);
  }
  return open;
}
