/**
 * How big an inbound message is, roughly as JSON, measured without serialising it and giving
 * up as soon as it passes the limit — so a huge or deeply nested message costs little to
 * refuse. Structured clone lets a message carry cycles, Maps, Dates and Blobs; the protocol's
 * messages are JSON-like data, so anything else is refused here with its name.
 *
 * The same object reached twice (a DAG: one `serviceTime` object shared by two nodes) is fine
 * and counted each time, as JSON would write it out; only an object inside itself (a cycle:
 * it is its own ancestor) is refused. Counting every visit keeps a DAG that doubles at each
 * level within the size limit too.
 */

/** Deeper than any scenario (which nests a few levels): it is an attack or a mistake. */
export const MAX_NESTING = 64;

export type PayloadSize = { ok: true; bytes: number } | { ok: false; problem: string };

/** A value to measure, or (`leave`) the end of an object's children: it is no longer an ancestor. */
type Pending = { value: unknown; depth: number; leave?: undefined } | { leave: object };

export function measurePayload(root: unknown, limitBytes: number): PayloadSize {
  let bytes = 0;
  /** The objects on the path from the root to the value being measured. */
  const ancestors = new Set<object>();
  const stack: Pending[] = [{ value: root, depth: 0 }];
  // Iterative, not recursive: a hostile nesting cannot overflow the call stack.
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.leave !== undefined) {
      ancestors.delete(next.leave);
      continue;
    }
    const { value, depth } = next;
    if (typeof value === 'string') bytes += value.length + 2;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) bytes += 8;
    else if (typeof value === 'object') {
      if (depth >= MAX_NESTING) return { ok: false, problem: `is nested more than ${MAX_NESTING} levels deep` };
      if (ancestors.has(value)) return { ok: false, problem: 'refers to itself (a cycle); send JSON-like data' };
      ancestors.add(value);
      stack.push({ leave: value }); // popped after every child below
      const proto: unknown = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        bytes += 2 + value.length;
        // before walking it: a sparse array of length 5e7 is a few bytes on the wire
        if (bytes > limitBytes) return { ok: false, problem: `is larger than ${Math.round(limitBytes / 1024)} KB` };
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1 });
      } else if (proto === Object.prototype || proto === null) {
        const keys = Object.keys(value);
        bytes += 2;
        for (const key of keys) {
          bytes += key.length + 4;
          stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
        }
      } else return { ok: false, problem: `carries ${describeObject(value)}; send JSON-like data (objects, arrays, strings, numbers)` };
    } else return { ok: false, problem: `carries a ${typeof value}; send JSON-like data (objects, arrays, strings, numbers)` };
    if (bytes > limitBytes) return { ok: false, problem: `is larger than ${Math.round(limitBytes / 1024)} KB` };
  }
  return { ok: true, bytes };
}

function describeObject(value: object): string {
  const name = Object.prototype.toString.call(value).slice(8, -1);
  return /^[A-Za-z]{1,40}$/.test(name) ? `a ${name}` : 'an object of another kind';
}
