import type { EngineState } from './engine-state.ts';
import { liveEditsOf, NODE_KINDS } from './kinds/registry.ts';
import { PATCHABLE_LINK_FIELDS, type LinkPatch, type NodePatch, type NodePatchField } from './live-edits.ts';
import type { LinkDirectionSpec } from './spec.ts';

export { PATCHABLE_LINK_FIELDS, type LinkPatch, type NodePatch };

/** Every field some kind takes live (each kind declares its own: `liveEditsOf`). */
export const PATCHABLE_NODE_FIELDS: readonly NodePatchField[] = [...new Set(NODE_KINDS.flatMap((kind) => liveEditsOf(kind).map((edit) => edit.patch)))];

/** Applies what fits the node's kind (the kind decides: NodeRuntime.applyPatch); returns the fields it could not apply. */
export function patchNode(sim: EngineState, id: string, patch: NodePatch): string[] {
  const index = sim.nodeIndex.get(id);
  if (index === undefined) return Object.keys(patch);
  const node = sim.nodes[index];
  const rejected: string[] = [];
  for (const [field, value] of Object.entries(patch) as [NodePatchField, never][]) {
    if (!node.applyPatch(sim, field, value)) rejected.push(field);
  }
  return rejected;
}

export function patchLink(sim: EngineState, id: string, patch: LinkPatch): string[] {
  const index = sim.linkIndex.get(id);
  if (index === undefined) return Object.keys(patch);
  const link = sim.links[index];
  const { up, ...direction } = patch;
  if (up !== undefined) link.setUp(up, sim.nowMs);
  const apply = (current: LinkDirectionSpec): LinkDirectionSpec => ({
    latency: direction.latency ?? current.latency,
    capacityPerSec: direction.capacityPerSec ?? current.capacityPerSec,
    buffer: direction.buffer ?? current.buffer,
    loss: direction.loss ?? current.loss,
  });
  if (Object.keys(direction).length > 0) {
    link.spec.forward = apply(link.spec.forward);
    link.spec.back = apply(link.spec.back);
    link.forward.configure(link.spec.forward);
    link.back.configure(link.spec.back);
  }
  return [];
}
