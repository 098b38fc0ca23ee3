// A weak-points analysis' tint (src/store/impact-store.ts, flow-elements.ts): a class per node and
// link beside the guide's highlight, the band in the element's name; never node data.
import { describe, expect, it } from 'vitest';
import { createFlowElementsBuilder, HIGHLIGHT_CLASS } from '../../src/ui/canvas/flow-elements.ts';
import { impactActions, useImpactStore } from '../../src/store/impact-store.ts';
import { twoNodeDocument as document } from '../support/two-node-document.ts';
import { EMPTY_VALIDATION as validation } from '../../src/store/graph/validation-index.ts';
import type { ImpactBand } from '../../src/experiments';

describe('the impact tint', () => {
  const impacts = new Map<string, ImpactBand>([['api', 'high'], ['users-api', 'medium']]);

  it('gives each tinted node and link its band\'s class and says the band in its name; the data stays the document\'s', () => {
    const builder = createFlowElementsBuilder(() => 'service');
    const nodes = builder.nodes(document, new Set(), validation, new Map(), new Set(), impacts);
    expect(nodes.map((n) => [n.id, n.className])).toEqual([['users', undefined], ['api', 'fl-impact fl-impact--high']]);
    expect(nodes[1].ariaLabel).toBe('service api, weak point: high impact');
    expect(Object.keys(nodes[1].data).sort()).toEqual(['issues', 'node']);
    const edges = builder.edges(document, new Set(), validation, new Set(), impacts);
    expect(edges.map((e) => [e.id, e.className])).toEqual([['users-api', 'fl-impact fl-impact--medium']]);
  });

  it('sits beside the guide\'s highlight, and only the elements whose band changed are rebuilt', () => {
    const builder = createFlowElementsBuilder(() => 'service');
    const tinted = builder.nodes(document, new Set(), validation, new Map(), new Set(['api']), impacts);
    expect(tinted[1].className).toBe(`${HIGHLIGHT_CLASS} fl-impact fl-impact--high`);
    const lower = builder.nodes(document, new Set(), validation, new Map(), new Set(['api']), new Map([['api', 'low']]));
    expect(lower[1].className).toBe(`${HIGHLIGHT_CLASS} fl-impact fl-impact--low`);
    expect(lower[0]).toBe(tinted[0]);
    const cleared = builder.nodes(document, new Set(), validation, new Map(), new Set(['api']));
    expect(cleared[1].className).toBe(HIGHLIGHT_CLASS);
  });

  it('the store shows bands and clears to empty', () => {
    impactActions.show([['api', 'high']]);
    expect([...useImpactStore.getState().bands]).toEqual([['api', 'high']]);
    impactActions.clear();
    expect(useImpactStore.getState().bands.size).toBe(0);
  });
});
