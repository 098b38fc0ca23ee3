// Parallel links (several joining the same two nodes) on the canvas: they bow apart by more as the
// canvas's text grows (semantic zoom, present mode), so their labels never overlap; and the layout
// puts their two nodes two rank gaps apart, so the labels fit between the cards.
import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { linkShape, PARALLEL_SPACING_PX } from '../../src/ui/canvas/edges/link-geometry.ts';
import { layoutDocument } from '../../src/store/graph/auto-layout.ts';
import type { ScenarioDocument } from '../../src/store/graph-store.ts';

const ends = { sourceX: 0, sourceY: 0, targetX: 300, targetY: 0, sourcePosition: Position.Right, targetPosition: Position.Left };

describe('parallel links', () => {
  it('part by the spacing at text scale 1 and by as much more as the text grows', () => {
    const gapAt = (scale: number) => linkShape(ends, 1, 2, false, scale).labelY - linkShape(ends, 0, 2, false, scale).labelY;
    expect(gapAt(1)).toBeCloseTo(PARALLEL_SPACING_PX, 6);
    expect(gapAt(1.8)).toBeCloseTo(PARALLEL_SPACING_PX * 1.8, 6);
    expect(gapAt(0.5), 'never closer than at scale 1').toBeCloseTo(PARALLEL_SPACING_PX, 6);
    // a lone link is React Flow's bezier, whatever the scale
    expect(linkShape(ends, 0, 1, false, 2)).toEqual(linkShape(ends, 0, 1, false, 1));
  });

  it('sit two rank gaps apart in the layout; a lone link one', () => {
    const doc = (links: { id: string; from: string; to: string }[]) =>
      ({
        format: 'faultline.scenario/v1',
        name: 'Pair',
        duration: '1m',
        nodes: [{ id: 'a', kind: 'client', rate: 1, target: 'b' }, { id: 'b', kind: 'service' }, { id: 'c', kind: 'service' }],
        links,
      }) as unknown as ScenarioDocument;
    const xs = (d: ScenarioDocument) => Object.fromEntries(layoutDocument(d).nodes.map((n) => [n.id, (n.position as { x: number }).x]));
    const lone = xs(doc([{ id: 'ab', from: 'a', to: 'b' }, { id: 'bc', from: 'b', to: 'c' }]));
    const paired = xs(doc([{ id: 'ab', from: 'a', to: 'b' }, { id: 'bc-1', from: 'b', to: 'c' }, { id: 'bc-2', from: 'b', to: 'c' }]));
    const gap = lone.b - lone.a;
    expect(lone.c - lone.b).toBe(gap);
    expect(paired.b - paired.a).toBe(gap);
    expect(paired.c - paired.b).toBeGreaterThan(gap);
  });
});
