/**
 * Keys a person chooses (path steps, field names in a file) must never reach JavaScript's object
 * machinery: `obj["__proto__"] = v` replaces a prototype, `obj.constructor.prototype.x = v`
 * pollutes every object in the page, and a read of `obj["constructor"]` finds a function where a
 * field was expected. Everything that walks or assigns user-chosen keys goes through here:
 * unsafe names are refused, reads see own fields only, writes define own fields.
 */

/** The names no path may walk and no document may use as a field (docs/security.md). */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

export function isUnsafeKey(key: string | number): boolean {
  return typeof key === 'string' && UNSAFE_KEYS.has(key);
}

/** `record[key]` if the record itself holds it; inherited members (`constructor`, `toString`) read as absent. */
export function ownValue(record: object, key: string | number): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string | number, unknown>)[key] : undefined;
}

/** Sets an own, plain data field even where the name is `__proto__` (which `=` would turn into a prototype change). */
export function setOwnValue(record: object, key: string | number, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The message for a path or document that names an unsafe key. */
export function unsafeKeyMessage(key: string): string {
  return `"${key}" is not a scenario field (the name is reserved by JavaScript and refused, see docs/security.md)`;
}

/**
 * Where `value` holds an unsafe key as an own field (JSON.parse makes `"__proto__": {…}` an own
 * field, which zod's strict objects silently skip). Iterative, with parent links instead of path
 * copies, so a 100,000-deep value costs no stack and linear memory. At most `max` paths.
 */
export function unsafeKeyPaths(value: unknown, max: number): (string | number)[][] {
  type Visit = { item: unknown; key: string | number; up: Visit | null };
  const pathOf = (visit: Visit, last: string): (string | number)[] => {
    const path: (string | number)[] = [last];
    for (let at: Visit | null = visit; at !== null && at.up !== null; at = at.up) path.unshift(at.key);
    return path;
  };
  const found: (string | number)[][] = [];
  const stack: Visit[] = [{ item: value, key: '', up: null }];
  while (stack.length > 0 && found.length < max) {
    const visit = stack.pop() as Visit;
    const { item } = visit;
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push({ item: item[i], key: i, up: visit });
      continue;
    }
    const keys = Object.keys(item);
    for (const key of keys) if (UNSAFE_KEYS.has(key) && found.length < max) found.push(pathOf(visit, key));
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ item: (item as Record<string, unknown>)[keys[i]], key: keys[i], up: visit });
  }
  return found;
}
