// Property tests for prototype pollution (issue 17): paths and documents built from scenario
// fields and `__proto__` / `constructor` / `prototype` (and toString, valueOf…) at random, with
// fixed seeds. Whatever the path, no walker writes outside the document; an unsafe step is
// always refused; a document holding an unsafe key is never valid.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { readAt, writeAt } from '../../src/compare/doc-path.ts';
import { setIn } from '../../src/store/graph/field-path.ts';
import { builtinDocuments, hasUnsafeStep, hostilePath, mutate, POLLUTING_KEYS, prototypesUntouched, tiny, UNSAFE_NAMES } from './hostile-values.ts';


const untouched = () => prototypesUntouched() && ({} as Record<string, unknown>).ref === undefined && (Object as unknown as Record<string, unknown>).polluted === undefined;

afterEach(() => expect(untouched()).toBe(true));

describe('hostile paths', () => {
  it('experiment paths: an unsafe step is refused by name, and nothing outside the document changes', () => {
    fc.assert(
      fc.property(hostilePath, fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const result = parseScenario(tiny({ experiment: { vary: { path, values: [value] }, collect: ['p99(a)'] } }));
        if (hasUnsafeStep(path)) {
          expect(result.ok).toBe(false);
          expect(!result.ok && result.errors[0].message).toMatch(/"(__proto__|constructor|prototype)" is not a scenario field/);
        }
        expect(untouched()).toBe(true);
      }),
      { seed: 17, numRuns: 400 },
    );
  });

  it('Compare paths: writeAt refuses an unsafe step, readAt never returns an inherited member', () => {
    fc.assert(
      fc.property(hostilePath, fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const written = writeAt(tiny(), path, value);
        if (hasUnsafeStep(path)) expect(written.ok).toBe(false);
        const read = readAt(tiny(), path);
        expect(typeof read).not.toBe('function');
        expect(untouched()).toBe(true);
      }),
      { seed: 1717, numRuns: 400 },
    );
  });

  it('inspector field paths: setIn keeps every key as data and the prototypes as they were', () => {
    const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.constantFrom('retry', 'queue', 'rate'), fc.nat({ max: 3 }));
    fc.assert(
      fc.property(fc.constantFrom(...POLLUTING_KEYS, 'nodes'), fc.array(key, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }), (first, rest, value) => {
        const next = setIn(tiny(), [first, ...rest], value) as Record<string, unknown>;
        expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
        expect(untouched()).toBe(true);
      }),
      { seed: 2026, numRuns: 400 },
    );
  });
});

describe('hostile keys', () => {
  it('a built-in with an unsafe key anywhere is never valid, and the key is named as an unknown field', () => {
    const docs = builtinDocuments();
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.nat(), fc.constantFrom(...UNSAFE_NAMES), fc.jsonValue({ maxDepth: 2 }), (index, at, key, value) => {
        const doc = mutate(structuredClone(docs[index]), [{ op: 'pollute', at, key, value }]);
        const hasKey = JSON.stringify(doc).includes(`"${key}":`);
        const result = parseScenario(doc);
        if (hasKey) {
          expect(result.ok).toBe(false);
          expect(!result.ok && result.errors.some((e) => e.message.startsWith(`unknown field ("${key}" is reserved by JavaScript`))).toBe(true);
        }
        expect(untouched()).toBe(true);
      }),
      { seed: 1917, numRuns: 200 },
    );
  });
});
