/**
 * The embed's choice of layout for its frame (docs/legibility.md, "Portrait frames"). A graph laid
 * out left to right in a frame taller than wide (a blog read on a phone, 390×844) is fitted into
 * a thin strip: its cards tiny, two thirds of the frame empty. There the embed shows the same
 * graph top to bottom, when that lets the fit draw it larger. It is a view: the document the
 * embed runs is not changed, and the editor always keeps its own (left-to-right or the author's)
 * positions. Light: stage 1 of the embed (the still picture) chooses with it too.
 */
import { DOWN_COLUMN_GAP_PX, layoutDocumentWithNote, layoutNodeHeightPx, LAYOUT_NODE_WIDTH_PX, RANK_GAP_PX, type FlowDirection } from './auto-layout.ts';
import type { ScenarioDocument } from './document.ts';

/**
 * From this many nodes the canvas paints live state on one overlay (LIVE_OVERLAY_MIN_NODES), which
 * draws links side to side, and a second dagre layout costs time: such graphs stay as laid out.
 */
export const DOWN_MAX_NODES = 200;
/** React Flow's fit in the embed never zooms in further (EmbedCanvas.tsx): past it both layouts look the same size. */
const FIT_MAX_ZOOM = 1.1;

export interface Box {
  width: number;
  height: number;
}

/** A document's two views: as it lays out (the author's positions, else left to right) and top to bottom (made on first use). */
export interface FrameLayouts {
  readonly across: ScenarioDocument;
  /** Top to bottom, its wide rows folded to suit `frame`; null when the graph is too big or dagre could not lay it out. */
  down(frame: Box): FoldedDown | null;
  /** Top to bottom with `perLine` cards a line at most; null as `down`. */
  downAt(perLine: number): ScenarioDocument | null;
}

export interface FoldedDown {
  document: ScenarioDocument;
  /** Cards per line of a folded row (the widest row's count when nothing is folded). */
  perLine: number;
}

/**
 * Between the lines of one folded row, as between rows: a link's numbers sit just above the card
 * it enters (LinkEdge.tsx, top to bottom), in this gap.
 */
const LINE_GAP_PX = RANK_GAP_PX;

export function frameLayouts(document: ScenarioDocument): FrameLayouts {
  const across = layoutDocumentWithNote(document).document;
  let rows: DownRows | null | undefined;
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const folded = new Map<number, ScenarioDocument>();
  const downAt = (perLine: number): ScenarioDocument | null => {
    if (rows === undefined) rows = downRows(document);
    if (rows === null) return null;
    let laidOut = folded.get(perLine);
    if (laidOut === undefined) {
      const placed = foldRows(rows.ids, perLine, (id) => layoutNodeHeightPx(byId.get(id)!), rows.gaps);
      laidOut = { ...document, nodes: document.nodes.map((n) => ({ ...n, position: placed.get(n.id)! })) };
      folded.set(perLine, laidOut);
    }
    return laidOut;
  };
  return {
    across,
    downAt,
    down(frame) {
      if (rows === undefined) rows = downRows(document);
      if (rows === null) return null;
      const widest = Math.max(...rows.ids.map((r) => r.length));
      let best: FoldedDown | null = null;
      let bestZoom = -Infinity;
      for (let perLine = widest; perLine >= 1; perLine--) {
        const candidate = downAt(perLine)!;
        const zoom = fitZoom(cardsBox(candidate), frame);
        // fewer folds win a tie: a row kept whole reads as one step of the story
        if (zoom > bestZoom + 1e-9) {
          best = { document: candidate, perLine };
          bestZoom = zoom;
        }
      }
      return best;
    },
  };
}

interface DownRows {
  /** Each row's ids, left to right. */
  ids: string[][];
  /** The gap above each row as dagre left it: two nodes joined by parallel links are two rank gaps apart (room for their labels). */
  gaps: number[];
}

/** dagre's top-to-bottom rows, or null when the graph is too big or dagre failed. */
function downRows(document: ScenarioDocument): DownRows | null {
  if (document.nodes.length === 0 || document.nodes.length >= DOWN_MAX_NODES) return null;
  // every node placed afresh: an author's positions are a left-to-right picture too
  const unplaced = { ...document, nodes: document.nodes.map(({ position: _position, ...node }) => node) };
  const laidOut = layoutDocumentWithNote(unplaced, 'down');
  if (laidOut.note !== null) return null;
  // dagre centres a row's cards on one line: a taller card's corner sits higher
  const centreY = (n: ScenarioDocument['nodes'][number]) => Math.round(n.position!.y + layoutNodeHeightPx(n) / 2);
  const rows = new Map<number, ScenarioDocument['nodes']>();
  for (const node of laidOut.document.nodes) {
    const key = centreY(node);
    if (!rows.has(key)) rows.set(key, []);
    rows.get(key)!.push(node);
  }
  const keys = [...rows.keys()].sort((a, b) => a - b);
  const half = (key: number) => Math.max(...rows.get(key)!.map(layoutNodeHeightPx)) / 2;
  return {
    ids: keys.map((key) => rows.get(key)!.sort((a, b) => a.position!.x - b.position!.x).map((n) => n.id)),
    gaps: keys.map((key, i) => (i === 0 ? 0 : Math.max(RANK_GAP_PX, key - half(key) - (keys[i - 1] + half(keys[i - 1]))))),
  };
}

/**
 * Each row cut into lines of at most `perLine` cards, in order, each line centred under the
 * widest; a line is as tall as its tallest card. The transpose of wrapTallRanks (auto-layout.ts)
 * for a frame that is narrow rather than short.
 */
export function foldRows(rows: readonly (readonly string[])[], perLine: number, heightOf: (id: string) => number, gaps: readonly number[] = []): Map<string, { x: number; y: number }> {
  const lines = rows.map((row) => {
    const cut: string[][] = [];
    for (let i = 0; i < row.length; i += perLine) cut.push(row.slice(i, i + perLine));
    return cut;
  });
  const lineWidth = (line: readonly string[]) => line.length * LAYOUT_NODE_WIDTH_PX + (line.length - 1) * DOWN_COLUMN_GAP_PX;
  const width = Math.max(...lines.flat().map(lineWidth));
  const placed = new Map<string, { x: number; y: number }>();
  let y = 0;
  lines.forEach((row, r) => {
    if (r > 0) y += gaps[r] ?? RANK_GAP_PX;
    row.forEach((line, i) => {
      if (i > 0) y += LINE_GAP_PX;
      let x = (width - lineWidth(line)) / 2;
      const tallest = Math.max(...line.map(heightOf));
      for (const id of line) {
        placed.set(id, { x: Math.round(x), y: Math.round(y + (tallest - heightOf(id)) / 2) });
        x += LAYOUT_NODE_WIDTH_PX + DOWN_COLUMN_GAP_PX;
      }
      y += tallest;
    });
  });
  return placed;
}

/** The cards' bounding box, flow px (each card's footprint as the layout sizes it). */
export function cardsBox(document: ScenarioDocument): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const node of document.nodes) {
    const at = node.position;
    if (!at) continue;
    minX = Math.min(minX, at.x);
    minY = Math.min(minY, at.y);
    maxX = Math.max(maxX, at.x + LAYOUT_NODE_WIDTH_PX);
    maxY = Math.max(maxY, at.y + layoutNodeHeightPx(node));
  }
  return minX === Infinity ? { width: 1, height: 1 } : { width: maxX - minX, height: maxY - minY };
}

/** The zoom a fit of `cards` into `frame` gives. */
export function fitZoom(cards: Box, frame: Box): number {
  return Math.min(FIT_MAX_ZOOM, frame.width / cards.width, frame.height / cards.height);
}

export interface FrameLayout {
  direction: FlowDirection;
  document: ScenarioDocument;
  /** Tells two choices apart: "across", or "down/3" (three cards a line). */
  key: string;
}

/**
 * A layout already shown stays unless the best one for the frame is drawn this much larger there:
 * a frame near the point where two layouts draw alike (only just portrait) would otherwise show
 * one in the still picture and the other on the live canvas, whose room is a little shorter, or
 * swap them on a small resize. Turning a phone changes the fit by far more.
 */
export const KEEP_SHOWN_UNDER_GAIN = 1.1;

/**
 * Top to bottom only in a frame taller than wide, and only when it is drawn larger there than the
 * layout it has (a graph an author already laid out tall keeps it). A landscape frame never changes.
 * With `shownKey` (the layout on screen now), that one is kept unless the best is drawn at least
 * KEEP_SHOWN_UNDER_GAIN times as large.
 */
export function layoutForFrame(layouts: FrameLayouts, frame: Box, shownKey?: string): FrameLayout {
  const best = bestLayoutForFrame(layouts, frame);
  if (shownKey === undefined || shownKey === best.key || !(frame.height > frame.width)) return best;
  const shown = layoutByKey(layouts, shownKey);
  if (shown === null) return best;
  const gain = fitZoom(cardsBox(best.document), frame) / fitZoom(cardsBox(shown.document), frame);
  return gain >= KEEP_SHOWN_UNDER_GAIN ? best : shown;
}

function bestLayoutForFrame(layouts: FrameLayouts, frame: Box): FrameLayout {
  const across: FrameLayout = { direction: 'across', document: layouts.across, key: 'across' };
  if (!(frame.height > frame.width)) return across;
  const down = layouts.down(frame);
  if (down === null) return across;
  if (!(fitZoom(cardsBox(down.document), frame) > fitZoom(cardsBox(layouts.across), frame))) return across;
  return { direction: 'down', document: down.document, key: `down/${down.perLine}` };
}

/** The layout a key names ("across", "down/3"), or null for a key these layouts do not have. */
function layoutByKey(layouts: FrameLayouts, key: string): FrameLayout | null {
  if (key === 'across') return { direction: 'across', document: layouts.across, key };
  const perLine = /^down\/(\d+)$/.exec(key);
  const document = perLine === null || Number(perLine[1]) < 1 ? null : layouts.downAt(Number(perLine[1]));
  return document === null ? null : { direction: 'down', document, key };
}
