/**
 * An edited scenario against the one running: the live patches that turn one into the other, or
 * "reload" when something else changed (a node or link added or removed, a field the engine
 * cannot change mid-run). Compares normalised specs, so "100ms" and 100 are the same value.
 */
import { LIVE_LINK_DIRECTION_FIELDS, liveEditsOf, type LinkPatch, type LinkSpec, type NodePatch, type NodeSpec, type ScenarioSpec } from '../src/engine/index.ts';

export interface PatchPlan {
  nodes: { id: string; patch: NodePatch }[];
  links: { id: string; patch: LinkPatch }[];
}

export type DocumentChange = { kind: 'same' } | { kind: 'patch'; plan: PatchPlan } | { kind: 'reload' };

/** Fields that only the library and the guide panel read: changing them changes no number. */
const PRESENTATION_FIELDS = new Set(['name', 'description', 'guide', 'label', 'story']);

export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The spec's fields that differ, presentation aside. */
function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const rec = (o: object) => o as Record<string, unknown>;
  return [...keys].filter((key) => !PRESENTATION_FIELDS.has(key) && !sameValue(rec(before)[key], rec(after)[key]));
}

/**
 * The patch for a node edited in place, or null when the edit needs a reload. What a kind takes
 * live is the engine's own declaration (`liveEditsOf`, next to the code that applies it).
 */
function nodePatch(before: NodeSpec, after: NodeSpec): NodePatch | null {
  if (before.kind !== after.kind) return null;
  const edits = liveEditsOf(after.kind);
  const patch: Record<string, unknown> = {};
  for (const field of changedFields(before, after)) {
    const live = edits.filter((edit) => edit.specField === field);
    if (live.length === 0) return null;
    for (const edit of live) {
      const value = edit.value(after as never);
      // undefined: this node cannot take it live (a closed-loop client's rate)
      if (value === undefined) return null;
      if (edit.rest !== undefined && !sameValue(edit.rest(before as never), edit.rest(after as never))) return null;
      patch[edit.patch] = value;
    }
  }
  return patch as NodePatch;
}

/** patchLink sets both directions alike, so a change is live only where they stay alike. */
function linkPatch(before: LinkSpec, after: LinkSpec): LinkPatch | null {
  const patch: LinkPatch = {};
  for (const field of changedFields(before, after)) {
    if (field === 'up') patch.up = after.up;
    else if (field !== 'forward' && field !== 'back') return null;
  }
  for (const field of LIVE_LINK_DIRECTION_FIELDS) {
    const changed = !sameValue(before.forward[field], after.forward[field]) || !sameValue(before.back[field], after.back[field]);
    if (!changed) continue;
    if (!sameValue(after.forward[field], after.back[field])) return null;
    Object.assign(patch, { [field]: after.forward[field] });
  }
  return patch;
}

export function planDocumentChange(before: ScenarioSpec, after: ScenarioSpec): DocumentChange {
  const topLevel = changedFields(before, after).filter((f) => f !== 'nodes' && f !== 'links');
  if (topLevel.length > 0) return { kind: 'reload' };
  if (before.nodes.length !== after.nodes.length || before.links.length !== after.links.length) return { kind: 'reload' };
  const plan: PatchPlan = { nodes: [], links: [] };
  for (let i = 0; i < after.nodes.length; i++) {
    // Order matters to the engine (node indices, random streams by id): a reorder reloads too.
    if (before.nodes[i].id !== after.nodes[i].id) return { kind: 'reload' };
    const patch = nodePatch(before.nodes[i], after.nodes[i]);
    if (patch === null) return { kind: 'reload' };
    if (Object.keys(patch).length > 0) plan.nodes.push({ id: after.nodes[i].id, patch });
  }
  for (let i = 0; i < after.links.length; i++) {
    const b = before.links[i];
    const a = after.links[i];
    if (b.id !== a.id || b.from !== a.from || b.to !== a.to) return { kind: 'reload' };
    const patch = linkPatch(b, a);
    if (patch === null) return { kind: 'reload' };
    if (Object.keys(patch).length > 0) plan.links.push({ id: a.id, patch });
  }
  return plan.nodes.length + plan.links.length === 0 ? { kind: 'same' } : { kind: 'patch', plan };
}
