/**
 * Paths into a scenario document, in the experiments' notation (`nodes[users].retry.attempts`,
 * `nodes[api].calls[0].timeout`), plus the dotted form people type (`nodes.users.retry.attempts`).
 * Reads never throw; writes return a new document and leave the given one untouched.
 */
import { isPlainObject as isObject } from '../scenario/facts.ts';
import { listItemIds, listItemIndex, parseVaryPath, type PathStep } from '../scenario/facts.ts';
import { ownValue, setOwnValue } from '../scenario/facts.ts';

const ID_LISTS = new Set(['nodes', 'links', 'faults', 'guide']);

/** `nodes.api.workers` → `nodes[api].workers`: the segment after a top-level list names an item. */
export function normalisePath(text: string): string {
  const trimmed = text.trim();
  const parts = trimmed.split('.');
  if (parts.length >= 2 && ID_LISTS.has(parts[0]) && !parts[0].includes('[')) {
    return [`${parts[0]}[${parts[1]}]`, ...parts.slice(2)].join('.');
  }
  return trimmed;
}

export function parsePath(text: string): PathStep[] | string {
  return parseVaryPath(normalisePath(text));
}

/** The value at `path`, or undefined where the path leads nowhere. */
export function readAt(doc: unknown, path: string): unknown {
  const steps = parsePath(path);
  if (typeof steps === 'string') return undefined;
  let current = doc;
  for (const step of steps) {
    if ('field' in step) {
      if (!isObject(current)) return undefined;
      current = ownValue(current, step.field);
    } else {
      if (!Array.isArray(current)) return undefined;
      const index = listItemIndex(current, step.item);
      if (index < 0) return undefined;
      current = current[index];
    }
  }
  return current;
}

/**
 * A copy of `doc` with `value` at `path` (`undefined` removes the field or list item; a list item
 * that does not exist is appended). Missing objects on the way are created; a message instead
 * when the path crosses something that is not an object or list.
 */
export function writeAt<T>(doc: T, path: string, value: unknown): { ok: true; doc: T } | { ok: false; message: string } {
  const steps = parsePath(path);
  if (typeof steps === 'string') return { ok: false, message: steps };
  const copy = structuredClone(doc);
  let parent: unknown = copy;
  let where = '';
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const last = i === steps.length - 1;
    if ('field' in step) {
      if (!isObject(parent)) return { ok: false, message: `${where || 'the document'} is not an object, so it has no field "${step.field}"` };
      if (last) {
        if (value === undefined) delete parent[step.field];
        else setOwnValue(parent, step.field, structuredClone(value));
        break;
      }
      if (ownValue(parent, step.field) === undefined) {
        if ('item' in steps[i + 1]) return { ok: false, message: `${where || 'the document'} has no list "${step.field}"` };
        setOwnValue(parent, step.field, {});
      }
      parent = ownValue(parent, step.field);
      where = where ? `${where}.${step.field}` : step.field;
    } else {
      if (!Array.isArray(parent)) return { ok: false, message: `${where} is not a list` };
      const index = listItemIndex(parent, step.item);
      if (last) {
        if (value === undefined) {
          if (index >= 0) parent.splice(index, 1);
        } else if (index >= 0) parent[index] = structuredClone(value);
        else parent.push(structuredClone(value));
        break;
      }
      if (index < 0) {
        const ids = listItemIds(parent);
        return { ok: false, message: `${where} has no item "${step.item}"${ids.length > 0 ? ` (there are: ${ids.join(', ')})` : ''}` };
      }
      parent = parent[index];
      where = `${where}[${step.item}]`;
    }
  }
  return { ok: true, doc: copy };
}
