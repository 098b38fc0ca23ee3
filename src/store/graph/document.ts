/**
 * The editor's document: a `faultline.scenario/v1` object exactly as it is saved (docs/format.md),
 * edited immutably. Field values stay `unknown` on purpose: while a person types, a field may hold
 * anything, and `parseScenario` (not the editor) says what is wrong with it.
 */
import { FORMAT_V1 } from '../../scenario/light.ts'; // zod-free: the embed's first frame reads documents
import { probeIds } from './monitoring-references.ts';

export interface CanvasPosition {
  x: number;
  y: number;
}

export interface DocumentNode {
  id: string;
  kind: string;
  label?: string;
  position?: CanvasPosition;
  [field: string]: unknown;
}

export interface DocumentLink {
  id: string;
  from: string;
  to: string;
  [field: string]: unknown;
}

/** A v1 fault object: `{ at, for?, target, action, …arguments }`. */
export interface DocumentFault {
  at: unknown;
  target: string;
  action: string;
  [field: string]: unknown;
}

export interface ScenarioDocument {
  format: typeof FORMAT_V1;
  name: string;
  duration: unknown;
  nodes: DocumentNode[];
  links: DocumentLink[];
  faults: DocumentFault[];
  [field: string]: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a document that is at least editable: an object whose nodes, links and faults (when
 * present) are lists of objects with string ids. Anything the parser would reject beyond that is
 * kept as it is, so the person sees the parser's message and their own text. Returns a reason
 * when the value cannot be edited at all (an autosave cut short, a file of another kind).
 */
export function readEditableDocument(value: unknown): { ok: true; document: ScenarioDocument } | { ok: false; reason: string } {
  if (!isObject(value)) return { ok: false, reason: 'not a scenario object' };
  if (value.format !== FORMAT_V1) return { ok: false, reason: `format is ${JSON.stringify(value.format)}, expected "${FORMAT_V1}"` };
  for (const key of ['nodes', 'links', 'faults'] as const) {
    const list = value[key] ?? (key === 'nodes' ? undefined : []);
    if (!Array.isArray(list) || !list.every(isObject)) return { ok: false, reason: `"${key}" is not a list of objects` };
  }
  const nodes = value.nodes as Record<string, unknown>[];
  if (!nodes.every((n) => typeof n.id === 'string' && typeof n.kind === 'string')) return { ok: false, reason: 'a node has no string id or kind' };
  const links = (value.links ?? []) as Record<string, unknown>[];
  if (!links.every((l) => typeof l.id === 'string' && typeof l.from === 'string' && typeof l.to === 'string')) {
    return { ok: false, reason: 'a link has no string id, from or to' };
  }
  return {
    ok: true,
    document: {
      ...value,
      name: typeof value.name === 'string' ? value.name : 'Untitled',
      links: links as DocumentLink[],
      faults: (value.faults ?? []) as DocumentFault[],
    } as ScenarioDocument,
  };
}

/** Every id in use: nodes, links and probes share one namespace (docs/format.md). */
export function usedIds(document: ScenarioDocument): Set<string> {
  const ids = new Set<string>();
  for (const node of document.nodes) ids.add(node.id);
  for (const link of document.links) ids.add(link.id);
  for (const id of probeIds(document)) ids.add(id); // one namespace with probes (docs/format.md)
  return ids;
}

/** `base`, or `base-2`, `base-3`… whichever is free. Ids are at most 64 characters. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, 58) || 'node';
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function emptyDocument(): ScenarioDocument {
  return { format: FORMAT_V1, name: 'Untitled', seed: 1, duration: '5m', sampleEvery: '1s', nodes: [], links: [], faults: [] };
}
