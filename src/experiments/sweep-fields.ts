/**
 * The numeric fields of a scenario document that a sweep can vary, as `experiment.vary.path`
 * strings (`nodes[api].workers`, `links[users-api].latency`, `faults[0].for`, `duration`): every
 * number and duration the document holds for a node, a link, a fault or the scenario itself.
 * Host-free: the Experiments panel lists them; the parser (src/scenario/experiment.ts) still has
 * the last word on each path and value.
 */
import { parseDuration, parseVaryPath } from '../scenario/facts.ts';

export type SweepFieldGroup = 'node' | 'link' | 'fault' | 'scenario';

export interface SweepField {
  /** As `experiment.vary.path` writes it. */
  path: string;
  /** How a person reads it: "api › serviceTime.mean". */
  label: string;
  group: SweepFieldGroup;
  /** The node, link or fault it belongs to: a node's or link's id, a fault's index. */
  owner: string;
  /** The value in the document now: a number, or a duration as written ("100ms"). */
  value: number | string;
}

/** Canvas layout and the run's identity: numbers, but not parameters of the system. */
const SKIPPED_TOP_LEVEL = new Set(['format', 'seed', 'experiment', 'guide', 'story', 'nodes', 'links', 'faults', 'name', 'description', '$schema']);
const SKIPPED_ITEM_FIELDS = new Set(['position', 'id', 'label']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A number or a duration string: what a sweep can step through. */
export function isSweepable(value: unknown): value is number | string {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && parseDuration(value) !== null;
}

/** An id can go between brackets in a path only if it has none of the path's own punctuation. */
const pathSafeId = (id: string): boolean => id !== '' && !/[.[\]]/.test(id);

function collect(value: unknown, path: string, into: (path: string, value: number | string) => void): void {
  if (isSweepable(value)) into(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => collect(item, `${path}[${i}]`, into));
  else if (isRecord(value)) for (const [key, inner] of Object.entries(value)) collect(inner, `${path}.${key}`, into);
}

function itemFields(item: unknown, prefix: string, group: SweepFieldGroup, owner: string, shown: string, out: SweepField[]): void {
  if (!isRecord(item)) return;
  for (const [key, value] of Object.entries(item)) {
    if (SKIPPED_ITEM_FIELDS.has(key)) continue;
    collect(value, `${prefix}.${key}`, (path, v) => out.push({ path, label: `${shown} › ${path.slice(prefix.length + 1)}`, group, owner, value: v }));
  }
}

export function sweepableFields(doc: unknown): SweepField[] {
  if (!isRecord(doc)) return [];
  const out: SweepField[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (!SKIPPED_TOP_LEVEL.has(key) && isSweepable(value)) out.push({ path: key, label: `scenario › ${key}`, group: 'scenario', owner: '', value });
  }
  for (const [list, group] of [['nodes', 'node'], ['links', 'link']] as const) {
    const items = Array.isArray(doc[list]) ? (doc[list] as unknown[]) : [];
    for (const item of items) {
      if (!isRecord(item) || typeof item.id !== 'string' || !pathSafeId(item.id)) continue;
      itemFields(item, `${list}[${item.id}]`, group, item.id, item.id, out);
    }
  }
  const faults = Array.isArray(doc.faults) ? doc.faults : [];
  faults.forEach((fault, i) => {
    if (!isRecord(fault)) return;
    const what = [fault.action, fault.target].filter((v) => typeof v === 'string').join(' ');
    itemFields(fault, `faults[${i}]`, 'fault', String(i), `fault ${i + 1}${what ? ` (${what})` : ''}`, out);
  });
  // the parser's path grammar is the judge: a field name it cannot write is not offered
  return out.filter((field) => typeof parseVaryPath(field.path) !== 'string');
}

/**
 * The vary path of a field of a node or link in the inspector: `nodes[api].retry.attempts`, or
 * undefined when the id cannot be written in a path.
 */
export function itemVaryPath(list: 'nodes' | 'links', id: string, fieldPath: readonly (string | number)[]): string | undefined {
  if (!pathSafeId(id) || fieldPath.length === 0) return undefined;
  let path = `${list}[${id}]`;
  for (const key of fieldPath) path += typeof key === 'number' ? `[${key}]` : `.${key}`;
  return typeof parseVaryPath(path) === 'string' ? undefined : path;
}
