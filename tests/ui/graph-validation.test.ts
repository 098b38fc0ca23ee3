// Who validates the graph store's document (issue 16): the editor registers the parser
// (src/store/graph/validate-document.ts) and gets per-field messages; the embed registers none —
// its page carries no parser — and files the warnings its worker returned instead, under the
// same nodes and fields the editor's validation would.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import { validateDocument } from '../../src/store/graph/validate-document.ts';

/** The checkout scenario with a retry budget on a client that never retries: one warning, on "shoppers". */
function withWarning(): Record<string, unknown> {
  const doc = structuredClone(findBuiltin('checkout')!.scenario) as { nodes: Record<string, unknown>[] };
  doc.nodes[0].retry = { attempts: 1, budget: { ratio: 0.1 } };
  return doc;
}

const validation = () => useGraphStore.getState().validation;

describe('validation without a registered validator (the embed)', () => {
  it('leaves a broken document unvalidated: the page has no parser; the worker refuses it', () => {
    const broken = structuredClone(findBuiltin('checkout')!.scenario) as { nodes: Record<string, unknown>[] };
    broken.nodes[2].workers = -3;
    expect(graphActions.load(broken, { resetHistory: true }).ok).toBe(true);
    graphActions.validateNow();
    expect(validation().runnable).toBe(true);
    expect(validation().errorCount).toBe(0);
    expect(validation().nodes.size).toBe(0);
  });

  it("files the worker's warnings under the node and field, exactly as the editor's validation does", () => {
    const doc = withWarning();
    const parsed = parseScenario(doc); // what the worker returns (workers/simulation-host.ts)
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings).toEqual(['nodes[0].retry.budget: has no effect with "attempts": 1 (no retries to limit)']);
    graphActions.load(doc, { resetHistory: true });
    graphActions.fileIssues({ ok: true, warnings: parsed.warnings });
    expect(validation().warningCount).toBe(1);
    expect(validation().nodes.get('shoppers')).toEqual([{ field: 'retry.budget', message: 'has no effect with "attempts": 1 (no retries to limit)', severity: 'warning' }]);
    expect(validation()).toEqual(validateDocument(useGraphStore.getState().document));
  });
});

describe('validation with the editor’s validator registered', () => {
  it('validates the current document at once, then every load', () => {
    graphActions.load(withWarning(), { resetHistory: true });
    graphActions.fileIssues({ ok: true, warnings: [] });
    expect(validation().warningCount).toBe(0);
    graphActions.setValidator(validateDocument);
    expect(validation().warningCount).toBe(1); // at once, not after the next edit
    const broken = structuredClone(findBuiltin('checkout')!.scenario) as { nodes: Record<string, unknown>[] };
    broken.nodes[2].workers = -3;
    graphActions.load(broken, { resetHistory: true });
    expect(validation().runnable).toBe(false);
    expect(validation().nodes.get('api-1')?.map((i) => i.field)).toEqual(['workers']);
  });
});
