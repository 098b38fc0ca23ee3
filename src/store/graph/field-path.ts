/**
 * Immutable reads and writes at a path inside a document value: ["retry", "backoff", "base"],
 * ["calls", 0, "timeout"]. Writing `undefined` removes the field, which in the format means "use
 * the default" — the inspector's way to clear a field.
 */
import { ownValue, setOwnValue } from '../../scenario/facts.ts';

export type FieldPath = readonly (string | number)[];

export function getIn(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = ownValue(current, key); // an inherited `constructor` is not a field
  }
  return current;
}

export function setIn<T>(value: T, path: FieldPath, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path;
  const container: unknown = value;
  if (typeof key === 'number') {
    const list = Array.isArray(container) ? [...container] : [];
    if (rest.length === 0 && next === undefined) list.splice(key, 1);
    else list[key] = setIn(list[key], rest, next);
    return list as T;
  }
  const record = typeof container === 'object' && container !== null && !Array.isArray(container) ? { ...(container as Record<string, unknown>) } : {};
  if (rest.length === 0 && next === undefined) delete record[key];
  else setOwnValue(record, key, setIn(ownValue(record, key), rest, next)); // `__proto__` stays a field, never a prototype
  return record as T;
}

/** "nodes[2].calls[0].to" → ["nodes", 2, "calls", 0, "to"]; the parser's own notation (src/scenario/errors.ts). */
export function parseIssuePath(text: string): (string | number)[] {
  const path: (string | number)[] = [];
  const pattern = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([A-Za-z_$][A-Za-z0-9_$]*)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (match[1] !== undefined) path.push(Number(match[1]));
    else if (match[2] !== undefined) path.push(JSON.parse(`"${match[2]}"`) as string);
    else if (match[3] !== undefined) path.push(match[3]);
  }
  return path;
}

/** ["calls", 0, "to"] → "calls[0].to": how the inspector names a field when it looks up messages. */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`;
  return text;
}
