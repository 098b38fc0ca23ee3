import { describe, expect, it } from 'vitest';
import { builtinVariants, diffDocuments, readAt, suggestChanges, type Variant } from '../../src/compare';
import { parseScenario } from '../../src/scenario';
import { findBuiltin } from '../../src/scenarios';

const builtin = (id: string): Record<string, unknown> => {
  const found = findBuiltin(id);
  if (!found) throw new Error(`no built-in ${id}`);
  return structuredClone(found.scenario) as Record<string, unknown>;
};

const byLabel = (variants: Variant[], label: string): Variant => {
  const found = variants.find((v) => v.label === label);
  if (!found) throw new Error(`no suggestion "${label}" among: ${variants.map((v) => v.label).join(' | ')}`);
  return found;
};

describe('suggested changes', () => {
  it.each(['retry-storm', 'mfa-outage-2019', 'key-removal-2021', 'checkout', 'deadlines', 'cache-stampede'])(
    'on %s, each is a valid document that differs from A in exactly one field',
    (id) => {
      const a = builtin(id);
      const variants = suggestChanges(a);
      expect(variants.length).toBeGreaterThan(0);
      for (const v of variants) {
        expect(parseScenario(v.doc).ok).toBe(true);
        const edits = diffDocuments(a, v.doc);
        expect(edits).toHaveLength(1);
        expect(v.diff).toHaveLength(1);
        expect(v.diff[0].startsWith(`${edits[0].path}: `)).toBe(true);
        expect(v.id).toBe(`suggest:${edits[0].path}`); // the field the label describes is the one that changed
      }
    },
  );

  it('offers "retries → none" and "retries → budget 10%" for a client that retries', () => {
    const a = builtin('retry-storm');
    const variants = suggestChanges(a);
    const none = byLabel(variants, 'clients: retries 1 → none');
    expect(readAt(none.doc, 'nodes.clients.retry.attempts')).toBe(1);
    const budget = byLabel(variants, 'clients: retries → budget 10%');
    expect(readAt(budget.doc, 'nodes[clients].retry.budget')).toEqual({ ratio: 0.1 });
    expect(readAt(budget.doc, 'nodes[clients].retry.attempts')).toBe(2);
  });

  it('offers workers ×2, a breaker and a 3 s timeout on the MFA service calls', () => {
    const variants = suggestChanges(builtin('mfa-outage-2019'));
    expect(readAt(byLabel(variants, 'mfa-service: workers 50 → 100').doc, 'nodes[mfa-service].workers')).toBe(100);
    expect(readAt(byLabel(variants, 'mfa-service: timeout 30 s → 3 s on calls to apns').doc, 'nodes[mfa-service].calls[0].timeout')).toBe('3s');
    expect(readAt(byLabel(variants, 'mfa-service: add a circuit breaker on calls to apns').doc, 'nodes[mfa-service].calls[0].circuitBreaker.failureRatio')).toBe(0.5);
  });

  it("offers a validator's refresh in 5 min and keep-last-known-good, but not what it already has", () => {
    const variants = suggestChanges(builtin('key-removal-2021'));
    expect(readAt(byLabel(variants, 'office-like: refreshEvery 12 h → 5 m').doc, 'nodes[office-like].auth.refreshEvery')).toBe('5m');
    expect(readAt(byLabel(variants, 'xbox-like: keepLastKnownGood on').doc, 'nodes[xbox-like].auth.keepLastKnownGood')).toBe(true);
    expect(variants.some((v) => v.label.startsWith('teams-like: refreshEvery'))).toBe(false); // it refreshes every 5 min already
  });
});

describe('built-in fixes', () => {
  it("retry-storm's fixes: no retries, the budget and the breaker, written into A", () => {
    const variants = builtinVariants(builtin('retry-storm'));
    expect(variants.map((v) => v.id)).toEqual(['builtin:retry-storm-fixed', 'builtin:retry-budget', 'builtin:retry-breaker']);
    expect(variants[0].diff).toEqual(['nodes[clients].retry.attempts: 2 → 1']);
    // B is A with the fix's edits: A's name and narrative stay
    expect(variants[0].doc.name).toBe(builtin('retry-storm').name);
  });

  it("the MFA outage's four fixes; each parses and changes only the MFA service", () => {
    const variants = builtinVariants(builtin('mfa-outage-2019'));
    expect(variants.map((v) => v.id)).toEqual(['builtin:mfa-bulkhead', 'builtin:mfa-short-timeout', 'builtin:mfa-circuit-breaker', 'builtin:mfa-bypass']);
    for (const v of variants) {
      expect(parseScenario(v.doc).ok).toBe(true);
      expect(v.diff.every((line) => line.startsWith('nodes[mfa-service].'))).toBe(true);
    }
  });

  it('a fix applies to an edited copy too (the user moved the seed), and a fix offers its original', () => {
    const a = { ...builtin('deadlines'), seed: 99 };
    const [fixed] = builtinVariants(a);
    expect(fixed.doc.seed).toBe(99);
    expect(readAt(fixed.doc, 'nodes[frontend].propagateDeadline')).toBe(true);
    expect(builtinVariants(builtin('cache-stampede-coalesced')).map((v) => v.label)).toEqual([`Without the fix: ${findBuiltin('cache-stampede')?.title}`]);
  });

  it('"without the fix" removes what the fix added (retry-budget back to the plain storm)', () => {
    const [original] = builtinVariants(builtin('retry-budget'));
    expect(original.diff).toEqual(['nodes[clients].retry.attempts: 4 → 2', 'nodes[clients].retry.budget: removed (was {"bucket":{"capacity":10,"perRequest":0.1,"perRetry":1}})']);
    expect(readAt(original.doc, 'nodes[clients].retry')).toEqual({ attempts: 2 });
  });

  it('a document that is no built-in has no built-in fixes', () => {
    expect(builtinVariants({ ...builtin('retry-storm'), name: 'my own storm' })).toEqual([]);
  });
});
