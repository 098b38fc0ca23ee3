/**
 * Reads one node's or link's live numbers by field name from a snapshot. Offsets come from the
 * layout's own field lists (src/engine/live.ts), so a field the engine adds breaks no reader.
 */
import { LIVE_HEADER, type LiveLayout, type LiveLinkField, type LiveNodeField } from '../../../engine/index.ts';

/** Field names, declared once in the engine (src/engine/live-fields.ts): a misspelt one is a type error. */
export type NodeField = LiveNodeField;
export type LinkField = LiveLinkField;

export interface LiveIndex {
  layout: LiveLayout;
  nodeIndex: Map<string, number>;
  linkIndex: Map<string, number>;
  nodeFieldAt: Record<string, number>;
  linkFieldAt: Record<string, number>;
  linksStart: number;
}

export function indexLayout(layout: LiveLayout): LiveIndex {
  return {
    layout,
    nodeIndex: new Map(layout.nodeIds.map((id, i) => [id, i])),
    linkIndex: new Map(layout.linkIds.map((id, i) => [id, i])),
    nodeFieldAt: Object.fromEntries(layout.nodeFields.map((f, i) => [f, i])),
    linkFieldAt: Object.fromEntries(layout.linkFields.map((f, i) => [f, i])),
    linksStart: LIVE_HEADER + layout.nodeIds.length * layout.nodeFields.length,
  };
}

/** A view of one entity's numbers; `get` returns NaN for a field the engine does not send. */
export interface LiveRecord<F extends string> {
  get(field: F): number;
  /** The run's key ids by bit position, for the key masks and `signingKey` (LiveLayout.keyNames). */
  readonly keyNames: readonly string[];
}

export class RecordView<F extends string> implements LiveRecord<F> {
  values: Float64Array = new Float64Array(0);
  base = 0;
  fieldAt: Record<string, number> = {};
  keyNames: readonly string[] = [];

  get(field: F): number {
    const at = this.fieldAt[field];
    return at === undefined ? NaN : this.values[this.base + at];
  }
}

/** Points `view` at node `id`; false when the run does not know the node (added since the load). */
export function seekNode(view: RecordView<NodeField>, index: LiveIndex, values: Float64Array, id: string): boolean {
  const i = index.nodeIndex.get(id);
  if (i === undefined) return false;
  view.values = values;
  view.fieldAt = index.nodeFieldAt;
  view.base = LIVE_HEADER + i * index.layout.nodeFields.length;
  view.keyNames = index.layout.keyNames;
  return true;
}

export function seekLink(view: RecordView<LinkField>, index: LiveIndex, values: Float64Array, id: string): boolean {
  const i = index.linkIndex.get(id);
  if (i === undefined) return false;
  view.values = values;
  view.fieldAt = index.linkFieldAt;
  view.base = index.linksStart + i * index.layout.linkFields.length;
  return true;
}
