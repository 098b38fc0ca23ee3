// The guide's highlight is a layer of its own (src/store/highlight-store.ts, flow-elements.ts):
// a class on the React Flow element, never the selection, which stays the person's.
import { describe, expect, it } from 'vitest';
import { createFlowElementsBuilder, HIGHLIGHT_CLASS } from '../../src/ui/canvas/flow-elements.ts';
import { highlightActions, useHighlightStore } from '../../src/store/highlight-store.ts';
import { twoNodeDocument as document } from '../support/two-node-document.ts';
import { EMPTY_VALIDATION as validation } from '../../src/store/graph/validation-index.ts';

describe('the guide highlight', () => {
  it('marks highlighted nodes and links with its class and leaves them unselected', () => {
    const builder = createFlowElementsBuilder(() => 'service');
    const nodes = builder.nodes(document, new Set(), validation, new Map(), new Set(['api']));
    expect(nodes.map((n) => [n.id, n.className, n.selected])).toEqual([['users', undefined, false], ['api', HIGHLIGHT_CLASS, false]]);
    expect(nodes[1].ariaLabel).toContain('highlighted by the guide');
    const edges = builder.edges(document, new Set(), validation, new Set(['users-api']));
    expect(edges.map((e) => [e.id, e.className, e.selected])).toEqual([['users-api', HIGHLIGHT_CLASS, false]]);
  });

  it('is independent of the selection: a selected node keeps its selection and gains or loses the glow alone', () => {
    const builder = createFlowElementsBuilder(() => 'service');
    const both = builder.nodes(document, new Set(['api']), validation, new Map(), new Set(['api']));
    expect([both[1].selected, both[1].className]).toEqual([true, HIGHLIGHT_CLASS]);
    const after = builder.nodes(document, new Set(['api']), validation, new Map(), new Set());
    expect([after[1].selected, after[1].className]).toEqual([true, undefined]);
    expect(after[0], 'an element whose inputs did not change is the same object').toBe(both[0]);
  });

  it('keeps the same arrays for the same ids and clears to empty', () => {
    highlightActions.show(['api'], ['users-api']);
    const first = useHighlightStore.getState();
    highlightActions.show(['api'], ['users-api']);
    expect(useHighlightStore.getState()).toBe(first);
    highlightActions.clear();
    expect(useHighlightStore.getState()).toEqual({ nodeIds: [], linkIds: [] });
  });
});
