/**
 * An edited scenario against the one running: the live patches that turn one into the other, or
 * "reload" when something else changed (a node or link added or removed, a field the engine
 * cannot change mid-run). Compares normalised specs, so "100ms" and 100 are the same value.
 */
import type { LinkPatch, LinkSpec, NodePatch, NodeSpec, ScenarioSpec } from '../src/engine/index.ts';

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

function nodePatch(before: NodeSpec, after: NodeSpec): NodePatch | null {
  if (before.kind !== after.kind) return null;
  const patch: NodePatch = {};
  for (const field of changedFields(before, after)) {
    if (after.kind === 'client' && field === 'ratePerSec' && after.loop === 'open') patch.ratePerSec = after.ratePerSec;
    else if (after.kind === 'client' && field === 'timeoutMs') patch.timeoutMs = after.timeoutMs;
    else if (isStation(after) && field === 'workers') patch.workers = after.workers;
    else if (isStation(after) && field === 'serviceTime') patch.serviceTime = after.serviceTime;
    else if (isStation(after) && field === 'errorRate') patch.errorRate = after.errorRate;
    else if (isStation(after) && field === 'queue' && isStation(before) && sameValue({ ...before.queue, capacity: 0 }, { ...after.queue, capacity: 0 })) {
      patch.queueCapacity = after.queue.capacity;
    } else return null;
  }
  return patch;
}

const isStation = (n: NodeSpec): n is Extract<NodeSpec, { queue: unknown }> => n.kind === 'service' || n.kind === 'database' || n.kind === 'external';

const DIRECTION_FIELDS = ['latency', 'capacityPerSec', 'buffer', 'loss'] as const;

/** patchLink sets both directions alike, so a change is live only where they stay alike. */
function linkPatch(before: LinkSpec, after: LinkSpec): LinkPatch | null {
  const patch: LinkPatch = {};
  for (const field of changedFields(before, after)) {
    if (field === 'up') patch.up = after.up;
    else if (field !== 'forward' && field !== 'back') return null;
  }
  for (const field of DIRECTION_FIELDS) {
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
