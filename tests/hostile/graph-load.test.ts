// Hostile input at the editor's door (graphActions.load, src/store/graph-store.ts): a bad value
// is refused with a reason and the current graph stays; a loadable one never throws, whatever
// its fields hold, and nothing reaches Object.prototype.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import { validateDocument } from '../../src/store/graph/validate-document.ts';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { builtinDocuments, deeplyNestedValue, hostileValue, mutate, mutation, prototypesUntouched } from './hostile-values.ts';

graphActions.setValidator(validateDocument); // as the editor does at start (src/ui/start-editor.tsx)

const current = () => useGraphStore.getState().document;

beforeEach(() => {
  graphActions.load(findBuiltin('checkout')!.scenario, { resetHistory: true });
});
afterEach(() => {
  expect(prototypesUntouched()).toBe(true);
});

/** Loads `value`; a refusal must say why and leave the graph as it was. */
function loadChecked(value: unknown): void {
  const before = current();
  const result = graphActions.load(value);
  if (result.ok) return;
  expect(result.reason.trim().length).toBeGreaterThan(0);
  expect(current()).toBe(before);
}

describe('graphActions.load under hostile input', () => {
  it('answers any JSON value with ok or a reason, keeping the graph on a refusal', () => {
    fc.assert(fc.property(hostileValue, loadChecked), { seed: 4501, numRuns: 300 });
  });

  it('answers every built-in scenario mutated at random', () => {
    const docs = builtinDocuments();
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        loadChecked(mutate(structuredClone(docs[index]), mutations));
        graphActions.validateNow(); // the inline validation must cope with whatever was loaded
      }),
      { seed: 4502, numRuns: 150 },
    );
  });

  it('refuses a document nested 100,000 deep with a reason, keeping the graph', () => {
    const before = current();
    const result = graphActions.load({ format: 'faultline.scenario/v1', name: 'deep', nodes: [{ id: 'a', kind: 'service', workers: deeplyNestedValue(100_000) }] });
    expect(result).toEqual({ ok: false, reason: 'objects and lists are nested more than 64 levels deep under nodes[0].workers… (a Faultline limit)' });
    expect(current()).toBe(before);
  });
});
