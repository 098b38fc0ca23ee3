/**
 * What one document changes against another, as field edits at the deepest path that differs:
 * `nodes[users].retry.attempts: 2 → 1`. Lists of objects with ids (nodes, links) are matched by id,
 * other lists by position. Text and layout that do not change a run (name, description, guide,
 * canvas positions, labels) are left out.
 */
import { formatDuration, parseDuration } from '../scenario/facts.ts';

export interface FieldEdit {
  /** In the experiments' path notation, e.g. `nodes[api].calls[0].timeout`. */
  path: string;
  /** undefined: the field is absent on that side. */
  before: unknown;
  after: unknown;
}

const COSMETIC_TOP = new Set(['name', 'description', 'guide', '$schema', 'experiment']);
const COSMETIC_ITEM = new Set(['position', 'label']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasId = (value: unknown): value is { id: string } => isObject(value) && typeof value.id === 'string';

export function diffDocuments(a: unknown, b: unknown): FieldEdit[] {
  const edits: FieldEdit[] = [];
  diffValue(a, b, '', edits, 0);
  return edits;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function diffValue(a: unknown, b: unknown, path: string, edits: FieldEdit[], depth: number): void {
  if (isObject(a) && isObject(b)) {
    const skip = depth === 0 ? COSMETIC_TOP : depth === 2 ? COSMETIC_ITEM : null;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (skip?.has(key)) continue;
      diffValue(a[key], b[key], join(path, key), edits, depth + 1);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every(hasId) && b.every(hasId)) {
      const before = new Map(a.map((item) => [item.id, item]));
      const after = new Map(b.map((item) => [item.id, item]));
      for (const id of new Set([...before.keys(), ...after.keys()])) diffValue(before.get(id), after.get(id), `${path}[${id}]`, edits, depth + 1);
      return;
    }
    if (a.length === b.length) {
      a.forEach((item, i) => diffValue(item, b[i], `${path}[${i}]`, edits, depth + 1));
      return;
    }
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) edits.push({ path, before: a, after: b });
}

/** `30s`, `1`, `{"ratio":0.1}`, or "none" for an absent field. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** One short diff line: `nodes[users].retry.attempts: 2 → 1`. */
export function describeEdit(edit: FieldEdit): string {
  if (edit.before === undefined) return `${edit.path}: added ${describeValue(edit.after)}`;
  if (edit.after === undefined) return `${edit.path}: removed (was ${describeValue(edit.before)})`;
  return `${edit.path}: ${describeValue(edit.before)} → ${describeValue(edit.after)}`;
}

/** A duration field as milliseconds, or undefined when it is absent or unreadable. */
export function durationMs(value: unknown): number | undefined {
  return parseDuration(value) ?? undefined;
}

/** "30s" / 30000 → "30 s"; used in suggestion labels. */
export function humanDuration(ms: number): string {
  return formatDuration(ms).replace(/^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/, '$1 $2');
}
