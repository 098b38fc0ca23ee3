/**
 * What the guide points at: node and link ids drawn with a glow of their own on the canvas and
 * charted when nothing is selected. Not the selection — a highlight never opens the inspector,
 * never takes part in Delete, copy or "Delete selected", and the person's own selection stays
 * theirs (issue 11: a room saw "2 nodes selected · Delete selected" when a step pointed at two).
 */
import { create } from 'zustand';

export interface HighlightState {
  nodeIds: readonly string[];
  linkIds: readonly string[];
}

const EMPTY: readonly string[] = [];

export const useHighlightStore = create<HighlightState>(() => ({ nodeIds: EMPTY, linkIds: EMPTY }));

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

export const highlightActions = {
  /** Same ids → the same arrays, so the canvas does not rebuild its elements for nothing. */
  show(nodeIds: readonly string[], linkIds: readonly string[] = []): void {
    const current = useHighlightStore.getState();
    const next = {
      nodeIds: sameIds(current.nodeIds, nodeIds) ? current.nodeIds : nodeIds.length ? [...nodeIds] : EMPTY,
      linkIds: sameIds(current.linkIds, linkIds) ? current.linkIds : linkIds.length ? [...linkIds] : EMPTY,
    };
    if (next.nodeIds !== current.nodeIds || next.linkIds !== current.linkIds) useHighlightStore.setState(next);
  },
  clear(): void {
    highlightActions.show(EMPTY, EMPTY);
  },
};
