// Long and large graphs get a layout without overflowing the stack (issue 17, finding 5): a valid
// 2,000-node call chain made dagre recurse past Node's and Chromium's stacks. Past DAGRE_LIMITS
// the iterative layered layout (src/store/graph/layered-layout.ts) places them, with a note.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DAGRE_LIMITS, layoutDocumentWithNote } from '../../src/store/graph/auto-layout.ts';
import type { ScenarioDocument } from '../../src/store/graph/document.ts';
import { layeredLayout, longestPathRanks } from '../../src/store/graph/layered-layout.ts';
import { LAYOUT_NODE_HEIGHT_PX, LAYOUT_NODE_WIDTH_PX } from '../../src/store/graph/layout-size.ts';
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import { callChain } from '../hostile/generate-ui-corpus.ts';

const CHAIN_2000 = JSON.parse(readFileSync(new URL('../hostile/corpus/chain-2000.json', import.meta.url), 'utf8')) as ScenarioDocument;

function overlaps(positions: { x: number; y: number }[]): number {
  const seen = new Set<string>();
  let clashes = 0;
  for (const p of positions) {
    // every node is at least a card apart: bucket by card-sized cells
    const cell = `${Math.floor(p.x / LAYOUT_NODE_WIDTH_PX)},${Math.floor(p.y / LAYOUT_NODE_HEIGHT_PX)}`;
    if (seen.has(cell)) clashes++;
    seen.add(cell);
  }
  return clashes;
}

describe('laying out long and large graphs', () => {
  it('lays out the valid 2,000-node call chain without a stack overflow, every node placed apart, with a note', () => {
    const started = performance.now();
    const { document, note } = layoutDocumentWithNote(structuredClone(CHAIN_2000));
    expect(performance.now() - started).toBeLessThan(5_000); // dagre ran 3 s before it overflowed
    const positions = document.nodes.map((n) => n.position as { x: number; y: number });
    expect(positions.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(overlaps(positions)).toBe(0);
    expect(note).toBe('This graph (2,000 nodes, a chain of 2,000) was laid out in simple columns: the full layout is used up to 1000 nodes and chains of 250.');
    // folded into bands about a screen's shape, not a line 500,000 px wide
    const width = Math.max(...positions.map((p) => p.x)) + LAYOUT_NODE_WIDTH_PX;
    const height = Math.max(...positions.map((p) => p.y)) + LAYOUT_NODE_HEIGHT_PX;
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(3.2);
    // the chain reads left to right within a band: s1 before s2
    const at = (id: string) => document.nodes.find((n) => n.id === id)!.position as { x: number; y: number };
    expect(at('s2').x).toBeGreaterThan(at('s1').x);
    expect(at('s1').x).toBeGreaterThan(at('users').x);
  });

  it('opens the 2,000-node chain in the graph store with the note, and a small graph without one', () => {
    expect(graphActions.load(structuredClone(CHAIN_2000))).toEqual({ ok: true });
    expect(useGraphStore.getState().document.nodes).toHaveLength(2000);
    expect(useGraphStore.getState().layoutNote).toMatch(/^This graph \(2,000 nodes, a chain of 2,000\) was laid out in simple columns/);
    expect(graphActions.load(callChain(20))).toEqual({ ok: true });
    expect(useGraphStore.getState().layoutNote).toBeNull();
  });

  it('keeps dagre for graphs within the limits (the chain of 250)', () => {
    const { document, note } = layoutDocumentWithNote(callChain(DAGRE_LIMITS.maxChain) as unknown as ScenarioDocument);
    expect(note).toBeNull();
    expect(overlaps(document.nodes.map((n) => n.position as { x: number; y: number }))).toBe(0);
  });

  it('ranks by longest path, iteratively, and enters a cycle at its first node', () => {
    const ranks = longestPathRanks(['a', 'b', 'c', 'd', 'x', 'y'], [['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd'], ['x', 'y'], ['y', 'x']]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 0, b: 1, c: 2, d: 3, x: 0, y: 1 });
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    const chain = keys.slice(1).map((k, i) => [keys[i]!, k] as const);
    expect(longestPathRanks(keys, chain).get('k19999')).toBe(19_999);
  });

  it('spreads a star (one node calling 1,999) into a grid, not a tower', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `k${i}`);
    const placed = layeredLayout({ keys, edges: keys.slice(1).map((k) => ['k0', k] as const), heightOf: () => LAYOUT_NODE_HEIGHT_PX });
    const ys = [...placed.values()].map((p) => p.y);
    const xs = [...placed.values()].map((p) => p.x);
    expect(overlaps([...placed.values()])).toBe(0);
    const width = Math.max(...xs) + LAYOUT_NODE_WIDTH_PX;
    const height = Math.max(...ys) + LAYOUT_NODE_HEIGHT_PX;
    expect(width / height).toBeGreaterThan(0.5);
    expect(width / height).toBeLessThan(4);
  });
});
