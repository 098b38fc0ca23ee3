/**
 * A plain layered layout for graphs too long or too large for dagre: dagre's ordering recurses
 * once per node along a chain (a valid 2,000-node call chain overflowed the stack in the
 * browser and in Node) and takes seconds on a few hundred. Here everything is iterative and
 * linear: ranks by longest path from the sources (Kahn's algorithm; a cycle is entered at its
 * first node in document order), nodes in document order within a rank, and a row of ranks
 * folded into bands so a long chain reads like lines of text, not a line miles wide.
 */
import { LAYOUT_NODE_WIDTH_PX, ROW_GAP_PX } from './layout-size.ts';

export interface LayeredInput {
  /** Node keys in document order. */
  keys: readonly string[];
  /** Directed edges between keys (self-loops and unknown keys are ignored). */
  edges: readonly (readonly [string, string])[];
  heightOf(key: string): number;
}

const RANK_GAP_PX = 90;
const BAND_GAP_PX = 120;
/** Width over height that fits a screen. */
const SCREEN_ASPECT = 1.6;

/** Each key's rank: the longest path to it from a source, cycles broken at their first node. */
export function longestPathRanks(keys: readonly string[], edges: readonly (readonly [string, string])[]): Map<string, number> {
  const index = new Map(keys.map((k, i) => [k, i]));
  const out: number[][] = keys.map(() => []);
  const indegree = new Array<number>(keys.length).fill(0);
  for (const [from, to] of edges) {
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined || a === b) continue;
    out[a]!.push(b);
    indegree[b]!++;
  }
  const rank = new Array<number>(keys.length).fill(0);
  const done = new Array<boolean>(keys.length).fill(false);
  const ready: number[] = [];
  for (let i = 0; i < keys.length; i++) if (indegree[i] === 0) ready.push(i);
  let firstUndone = 0;
  let placed = 0;
  while (placed < keys.length) {
    if (ready.length === 0) {
      // only cycles remain: enter the first of them in document order
      while (done[firstUndone]) firstUndone++;
      ready.push(firstUndone);
      indegree[firstUndone] = 0;
    }
    const u = ready.pop()!;
    if (done[u]) continue;
    done[u] = true;
    placed++;
    for (const v of out[u]!) {
      if (done[v]) continue;
      if (rank[u]! + 1 > rank[v]!) rank[v] = rank[u]! + 1;
      if (--indegree[v]! === 0) ready.push(v);
    }
  }
  return new Map(keys.map((k, i) => [k, rank[i]!]));
}

/** Top-left corners for every key. */
export function layeredLayout({ keys, edges, heightOf }: LayeredInput): Map<string, { x: number; y: number }> {
  const ranks = longestPathRanks(keys, edges);
  const columns: string[][] = [];
  for (const key of keys) (columns[ranks.get(key)!] ??= []).push(key);
  const filled = columns.filter((c) => c !== undefined);
  // a rank with many nodes becomes several side-by-side columns (a star is a grid, not a tower)
  const perColumn = Math.max(8, Math.ceil(Math.sqrt(keys.length)));
  const stacks: string[][][] = filled.map((rank) => Array.from({ length: Math.ceil(rank.length / perColumn) }, (_, i) => rank.slice(i * perColumn, (i + 1) * perColumn)));
  const stackWidth = (stack: string[][]) => stack.length * (LAYOUT_NODE_WIDTH_PX + ROW_GAP_PX) - ROW_GAP_PX;
  const stackHeight = (stack: string[][]) => Math.max(...stack.map((col) => col.reduce((sum, k) => sum + heightOf(k) + ROW_GAP_PX, -ROW_GAP_PX)));
  const totalWidth = stacks.reduce((sum, s) => sum + stackWidth(s) + RANK_GAP_PX, 0);
  const tallest = Math.max(0, ...stacks.map(stackHeight));
  // b bands make it b times narrower and b times taller: pick b for a screen's aspect
  const bands = Math.max(1, Math.round(Math.sqrt(totalWidth / (SCREEN_ASPECT * (tallest + BAND_GAP_PX)))));
  const bandWidth = totalWidth / bands;
  const placed = new Map<string, { x: number; y: number }>();
  let x = 0;
  let bandTop = 0;
  let bandHeight = 0;
  for (const stack of stacks) {
    if (x > 0 && x + stackWidth(stack) > bandWidth) {
      x = 0;
      bandTop += bandHeight + BAND_GAP_PX;
      bandHeight = 0;
    }
    stack.forEach((col, c) => {
      let y = bandTop;
      for (const key of col) {
        placed.set(key, { x: x + c * (LAYOUT_NODE_WIDTH_PX + ROW_GAP_PX), y });
        y += heightOf(key) + ROW_GAP_PX;
      }
    });
    bandHeight = Math.max(bandHeight, stackHeight(stack));
    x += stackWidth(stack) + RANK_GAP_PX;
  }
  return placed;
}
