/**
 * Positions for an imported graph (a file written by hand, a generated benchmark graph): dagre
 * lays it out left to right in the direction requests travel. Only nodes without a position are
 * moved, so a half-placed file keeps what its author placed.
 *
 * dagre recurses along chains (a valid 2,000-node call chain overflowed the stack) and takes
 * seconds on a few hundred nodes, so a graph past DAGRE_LIMITS — or one dagre fails on — gets
 * the iterative layered layout (layered-layout.ts) and a note saying so.
 */
import dagre from '@dagrejs/dagre';
// the plain-data door, not the index: the embed's first frame lays out without the engine
import { kindFacts } from '../../engine/kind-facts.ts';
import type { ScenarioDocument } from './document.ts';
import { layeredLayout, longestPathRanks } from './layered-layout.ts';
import { LAYOUT_NODE_HEIGHT_PX, LAYOUT_NODE_WIDTH_PX, ROW_GAP_PX } from './layout-size.ts';

export { LAYOUT_NODE_HEIGHT_PX, LAYOUT_NODE_WIDTH_PX, ROW_GAP_PX };

/** Past either, dagre is not used: its recursion and its running time grow with them. */
export const DAGRE_LIMITS = {
  maxNodes: 1000,
  /** Nodes on the longest chain of links. */
  maxChain: 250,
} as const;

export interface LaidOut {
  document: ScenarioDocument;
  /** Why the simple layered layout was used instead of dagre; null when dagre placed it (or nothing moved). */
  note: string | null;
}
/**
 * Taller cards: an identity's or key set's key line and extra row (60: room for the key line under
 * a phone's two lines of name and word, semantic zoom's tiny tier); a validator's token badge.
 */
const KEY_LINE_EXTRA_PX = 60;
const TOKEN_BADGE_EXTRA_PX = 84;

/** Which footprint a card has: plain, taller for a key line (identity, key set), tallest for a validator's token badge. */
export type CardFootprint = 'plain' | 'keys' | 'token';

export function cardFootprint(node: { kind: string; auth?: unknown }): CardFootprint {
  const facts = kindFacts(node.kind);
  if (facts?.role === 'keys') return 'keys';
  if (facts?.validatesTokens && typeof node.auth === 'object' && node.auth !== null) return 'token';
  return 'plain';
}

/** A node's footprint height on the canvas, as the cards in src/ui/canvas/nodes draw it. */
export function layoutNodeHeightPx(node: { kind: string; auth?: unknown }): number {
  const footprint = cardFootprint(node);
  return LAYOUT_NODE_HEIGHT_PX + (footprint === 'keys' ? KEY_LINE_EXTRA_PX : footprint === 'token' ? TOKEN_BADGE_EXTRA_PX : 0);
}

export function needsLayout(document: ScenarioDocument): boolean {
  return document.nodes.some((n) => !isPosition(n.position));
}

/**
 * Which way requests travel on the canvas: left to right (`across`, every layout a document keeps)
 * or top to bottom (`down`, a portrait frame's view: frame-layout.ts). Never stored in a document.
 */
export type FlowDirection = 'across' | 'down';

export function layoutDocument(document: ScenarioDocument, direction: FlowDirection = 'across'): ScenarioDocument {
  return layoutDocumentWithNote(document, direction).document;
}

export function layoutDocumentWithNote(document: ScenarioDocument, direction: FlowDirection = 'across'): LaidOut {
  if (!needsLayout(document)) return { document, note: null };
  const heights = new Map(document.nodes.map((n) => [n.id, layoutNodeHeightPx(n)]));
  // Layouts keep nodes in plain objects: an id such as "toString" or "__proto__" would collide
  // with Object.prototype, so they see our own keys, never the ids.
  const keys = new Map<string, string>();
  for (const node of document.nodes) if (!keys.has(node.id)) keys.set(node.id, `n${keys.size}`);
  const edges: [string, string][] = [];
  for (const link of document.links) {
    const from = keys.get(link.from);
    const to = keys.get(link.to);
    if (from !== undefined && to !== undefined && from !== to) edges.push([from, to]);
  }
  const heightOfKey = new Map([...keys].map(([id, key]) => [key, heights.get(id)!]));
  const count = keys.size;
  const chain = count === 0 ? 0 : Math.max(...longestPathRanks([...keys.values()], edges).values()) + 1;
  let note: string | null = null;
  let centres: Map<string, { x: number; y: number }> | null = null;
  if (count > DAGRE_LIMITS.maxNodes || chain > DAGRE_LIMITS.maxChain) {
    note = `This graph (${count.toLocaleString('en')} nodes, a chain of ${chain.toLocaleString('en')}) was laid out in simple columns: the full layout is used up to ${DAGRE_LIMITS.maxNodes} nodes and chains of ${DAGRE_LIMITS.maxChain}.`;
  } else {
    try {
      centres = dagreCentres(keys, edges, heightOfKey, direction);
    } catch (error) {
      note = `The full layout failed on this graph (${error instanceof Error ? error.message : String(error)}); it was laid out in simple columns.`;
    }
  }
  let corners: Map<string, { x: number; y: number }>;
  if (centres !== null) {
    // dagre gives centres; React Flow positions are top-left corners.
    const fromDagre = new Map(document.nodes.map((n) => {
      const placed = centres.get(keys.get(n.id)!)!;
      return [n.id, { x: placed.x - LAYOUT_NODE_WIDTH_PX / 2, y: placed.y - heights.get(n.id)! / 2 }];
    }));
    // a portrait view keeps dagre's rows: its frame is narrow, and folding would widen it
    corners = direction === 'down' ? fromDagre : wrapTallRanks(fromDagre, (id) => heights.get(id) ?? LAYOUT_NODE_HEIGHT_PX);
  } else {
    const byKey = layeredLayout({ keys: [...keys.values()], edges, heightOf: (key) => heightOfKey.get(key)! });
    corners = new Map([...keys].map(([id, key]) => [id, byKey.get(key)!]));
  }
  const nodes = document.nodes.map((node) => {
    if (isPosition(node.position)) return node;
    const at = corners.get(node.id)!;
    return { ...node, position: { x: Math.round(at.x), y: Math.round(at.y) } };
  });
  return { document: { ...document, nodes }, note };
}

/**
 * Top to bottom, cards in a row stand this far apart: a small card's state word may be wider than
 * the card (semantic zoom's tiny tier uses 40 px beside it), and a row's links fan out through it.
 */
export const DOWN_COLUMN_GAP_PX = 48;

function dagreCentres(keys: Map<string, string>, edges: [string, string][], heightOfKey: Map<string, number>, direction: FlowDirection): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph(direction === 'down'
    ? { rankdir: 'TB', nodesep: DOWN_COLUMN_GAP_PX, ranksep: RANK_GAP_PX, marginx: 20, marginy: 20 }
    : { rankdir: 'LR', nodesep: ROW_GAP_PX, ranksep: RANK_GAP_PX, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const key of keys.values()) graph.setNode(key, { width: LAYOUT_NODE_WIDTH_PX, height: heightOfKey.get(key)! });
  // Parallel links bow apart and each carries its numbers: their two ranks sit two gaps apart,
  // so the labels fit between the cards instead of under them.
  const pairKey = ([from, to]: [string, string]) => (from < to ? `${from} ${to}` : `${to} ${from}`);
  const linksPerPair = new Map<string, number>();
  for (const edge of edges) linksPerPair.set(pairKey(edge), (linksPerPair.get(pairKey(edge)) ?? 0) + 1);
  edges.forEach((edge, i) => graph.setEdge(edge[0], edge[1], linksPerPair.get(pairKey(edge))! > 1 ? { minlen: 2 } : {}, `e${i}`));
  dagre.layout(graph);
  return new Map([...keys.values()].map((key) => {
    const { x, y } = graph.node(key);
    return [key, { x, y }];
  }));
}

export const RANK_GAP_PX = 90;
/** Width over height that fits a screen; a layout much taller than this gets its ranks wrapped. */
const SCREEN_ASPECT = 1.6;

/**
 * A layered graph with many nodes per layer (the 300-node benchmark graph has 90) comes out of
 * dagre as a column dozens of screens tall, which "fit view" can only show as a line. Each rank
 * (a column of nodes at one x) is folded into a few side-by-side columns, keeping its order,
 * until the whole is about as wide as a screen is. Small graphs are left as dagre placed them.
 */
export function wrapTallRanks(
  corners: ReadonlyMap<string, { x: number; y: number }>,
  heightOf: (id: string) => number = () => LAYOUT_NODE_HEIGHT_PX,
): Map<string, { x: number; y: number }> {
  const ranks = new Map<number, string[]>();
  for (const [id, { x }] of corners) {
    const key = Math.round(x);
    if (!ranks.has(key)) ranks.set(key, []);
    ranks.get(key)!.push(id);
  }
  const height = Math.max(0, ...[...ranks.values()].map((r) => r.reduce((sum, id) => sum + heightOf(id) + ROW_GAP_PX, 0)));
  const width = ranks.size * (LAYOUT_NODE_WIDTH_PX + RANK_GAP_PX);
  // Folding in f columns makes it f times wider and f times shorter: f² times the aspect.
  const folds = Math.round(Math.sqrt((height * SCREEN_ASPECT) / width));
  if (folds < 2) return new Map(corners);
  const placed = new Map<string, { x: number; y: number }>();
  let x = 0;
  for (const key of [...ranks.keys()].sort((a, b) => a - b)) {
    const ids = ranks.get(key)!.sort((a, b) => corners.get(a)!.y - corners.get(b)!.y);
    const columns = Math.min(folds, ids.length);
    const perColumn = Math.ceil(ids.length / columns);
    let y = 0;
    ids.forEach((id, i) => {
      if (i % perColumn === 0) y = 0;
      // folded columns stand as far apart as ranks do: a small card's words use the gap beside it
      // (semantic zoom's tiny tier), and 36 px left two columns' words on top of each other
      placed.set(id, { x: x + Math.floor(i / perColumn) * (LAYOUT_NODE_WIDTH_PX + RANK_GAP_PX), y });
      y += heightOf(id) + ROW_GAP_PX;
    });
    x += columns * (LAYOUT_NODE_WIDTH_PX + RANK_GAP_PX);
  }
  return placed;
}

function isPosition(value: unknown): value is { x: number; y: number } {
  return typeof value === 'object' && value !== null && Number.isFinite((value as { x: unknown }).x) && Number.isFinite((value as { y: unknown }).y);
}
