// Generators of hostile scenario input for the property tests in this folder: random JSON and
// text, deep nesting, prototype-pollution keys, number-like strings, and mutations of built-ins.
import fc from 'fast-check';
import { builtinScenarios } from '../../src/scenarios/index.ts';

export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];
/** Paths through JavaScript's object machinery (issue 17): every path walker must refuse them. */
export const POLLUTING_PATHS = ['__proto__.ref', '__proto__.polluted', 'constructor.prototype.ref', 'nodes[a].__proto__', 'nodes[a].serviceTime.__proto__.ref', 'prototype.ref', 'nodes[u].retry.constructor.prototype'];
export const NUMBER_LIKE = ['NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x10', '1_000', '', ' ', '5m30s', '-5m', '1e3ms', 'null', 'undefined', '∞'];

/** Arrays (or objects) nested `depth` deep as JSON text, built without recursion. */
export function deeplyNestedText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** The same as a value, built iteratively (JSON.parse would do, but this is clearer). */
export function deeplyNestedValue(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A JSON object literal with a key JSON.parse turns into an own property named `__proto__`. */
export const protoKeyText = (inner: string) => `{"__proto__": ${inner}, "constructor": {"prototype": {"polluted": 1}}}`;

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(...NUMBER_LIKE, ...POLLUTING_KEYS, '<script>window.__pwned=1</script>', 'javascript:alert(1)', '\u0000', '\ud800', '💥'.repeat(50)),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, -1e308) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...POLLUTING_KEYS), fc.jsonValue({ maxDepth: 2 })) },
);

export const builtinDocuments = (): Record<string, unknown>[] => builtinScenarios.map((b) => structuredClone(b.scenario) as Record<string, unknown>);

type Container = Record<string, unknown> | unknown[];
type Spot = { parent: Container; key: string | number };

/** Every (parent, key) in a document, in a stable order. */
function spotsOf(doc: unknown): Spot[] {
  const spots: Spot[] = [];
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const parent = value as Container;
    for (const key of Object.keys(parent)) {
      const k = Array.isArray(parent) ? Number(key) : key;
      spots.push({ parent, key: k });
      stack.push((parent as Record<string, unknown>)[key]);
    }
  }
  return spots;
}

export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'wrongType'; at: number }
  | { op: 'pollute'; at: number; key: string; value: unknown }
  | { op: 'swapNodeIds'; a: number; b: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ op: fc.constant('wrongType' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('pollute' as const), at: fc.nat(), key: fc.constantFrom(...POLLUTING_KEYS), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ op: fc.constant('swapNodeIds' as const), a: fc.nat(), b: fc.nat() }),
);

const WRONG_TYPE: Record<string, unknown> = { string: 42, number: '42', boolean: 'true', object: 'an object', undefined: null };

/** Applies mutations in place (the document is a fresh copy). */
export function mutate(doc: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  for (const m of mutations) {
    if (m.op === 'swapNodeIds') {
      const nodes = doc.nodes;
      if (!Array.isArray(nodes) || nodes.length < 2) continue;
      const a = nodes[m.a % nodes.length] as Record<string, unknown>;
      const b = nodes[m.b % nodes.length] as Record<string, unknown>;
      if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) continue;
      [a.id, b.id] = [b.id, a.id];
      continue;
    }
    const spots = spotsOf(doc);
    if (spots.length === 0) continue;
    const { parent, key } = spots[m.at % spots.length];
    const record = parent as Record<string | number, unknown>;
    const current = record[key];
    if (m.op === 'drop') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete record[key];
    } else if (m.op === 'duplicate') {
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
      else record[`${key}Copy`] = structuredClone(current); // an unknown sibling field
    } else if (m.op === 'replace') record[key] = m.value;
    else if (m.op === 'wrongType') record[key] = Array.isArray(current) ? { length: current.length } : WRONG_TYPE[typeof current] ?? [];
    else if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
      // defineProperty: an own key named "__proto__", as JSON.parse makes it (plain assignment would set the prototype)
      Object.defineProperty(current, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    }
  }
  return doc;
}

/** Object.prototype and Array.prototype carry no property they did not have before. */
export function prototypesUntouched(): boolean {
  const probe = {} as Record<string, unknown>;
  return ['polluted', 'id', 'kind', 'a', 'length', 'value', 'format'].every((key) => probe[key] === undefined) && Object.keys(Object.prototype).length === 0 && ([] as unknown as Record<string, unknown>).polluted === undefined;
}

/** The keys that reach JavaScript's object machinery; a path or a document naming one must be refused. */
export const UNSAFE_NAMES = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Paths in the experiments' notation built from scenario fields, list items and unsafe names:
 * `nodes[a].__proto__.ref`, `constructor.prototype.polluted`, `retry.toString`.
 */
export const hostilePath: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom('nodes[a]', 'nodes[u]', 'links[l]', 'retry', 'serviceTime', 'rate', 'ref', 'polluted', 'x') },
      { weight: 2, arbitrary: fc.constantFrom(...UNSAFE_NAMES) },
      { weight: 1, arbitrary: fc.constantFrom(...POLLUTING_KEYS) },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((segments) => segments.join('.'));

/** Whether a path has an unsafe name as a field step (an id in brackets is a value, not a step). */
export const hasUnsafeStep = (path: string): boolean => path.split('.').some((segment) => (UNSAFE_NAMES as readonly string[]).includes(segment.replace(/\[.*$/, '')));

/** The smallest scenario that runs: one client, one service (plus `extra` top-level fields). */
export const tiny = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 'faultline.scenario/v1',
  name: 'p',
  duration: '1s',
  nodes: [
    { id: 'u', kind: 'client', rate: 1, target: 'a' },
    { id: 'a', kind: 'service', serviceTime: '1ms' },
  ],
  links: [{ id: 'l', from: 'u', to: 'a' }],
  ...extra,
});
