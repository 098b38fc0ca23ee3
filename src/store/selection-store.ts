/**
 * What the person has selected on the canvas: node ids and link ids. Kept apart from the graph
 * store so selecting never creates an undo step and never touches the document.
 */
import { create } from 'zustand';

export interface SelectionState {
  nodeIds: readonly string[];
  linkIds: readonly string[];
}

const EMPTY: readonly string[] = [];

export const useSelectionStore = create<SelectionState>(() => ({ nodeIds: EMPTY, linkIds: EMPTY }));

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

function set(nodeIds: readonly string[], linkIds: readonly string[]): void {
  const current = useSelectionStore.getState();
  // Same ids → same arrays: selectors that compare by reference do not re-render.
  const next = {
    nodeIds: sameIds(current.nodeIds, nodeIds) ? current.nodeIds : nodeIds.length ? nodeIds : EMPTY,
    linkIds: sameIds(current.linkIds, linkIds) ? current.linkIds : linkIds.length ? linkIds : EMPTY,
  };
  if (next.nodeIds !== current.nodeIds || next.linkIds !== current.linkIds) useSelectionStore.setState(next);
}

export const selectionActions = {
  select(nodeIds: readonly string[], linkIds: readonly string[] = []): void {
    set([...nodeIds], [...linkIds]);
  },
  clear(): void {
    set(EMPTY, EMPTY);
  },
  /** React Flow reports selection one element at a time (`select` changes). */
  setNodeSelected(id: string, selected: boolean): void {
    const { nodeIds, linkIds } = useSelectionStore.getState();
    if (selected === nodeIds.includes(id)) return;
    set(selected ? [...nodeIds, id] : nodeIds.filter((n) => n !== id), linkIds);
  },
  setLinkSelected(id: string, selected: boolean): void {
    const { nodeIds, linkIds } = useSelectionStore.getState();
    if (selected === linkIds.includes(id)) return;
    set(nodeIds, selected ? [...linkIds, id] : linkIds.filter((l) => l !== id));
  },
  /** After a rename: the same thing stays selected under its new id. */
  renameId(oldId: string, newId: string): void {
    const { nodeIds, linkIds } = useSelectionStore.getState();
    set(nodeIds.map((id) => (id === oldId ? newId : id)), linkIds.map((id) => (id === oldId ? newId : id)));
  },
  /** Drops ids that no longer exist (after a delete, an undo, a load). */
  keepExisting(nodeIds: ReadonlySet<string>, linkIds: ReadonlySet<string>): void {
    const current = useSelectionStore.getState();
    set(current.nodeIds.filter((id) => nodeIds.has(id)), current.linkIds.filter((id) => linkIds.has(id)));
  },
};
