import { describe, expect, it } from 'vitest';
import { builtinVariants, compareReports, diffDocuments, formatValue, pathEditVariant, runSide, sameTraffic, suggestChanges, type Comparison } from '../../src/compare';
import type { RunReport } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { findBuiltin } from '../../src/scenarios';

const builtin = (id: string): Record<string, unknown> => structuredClone(findBuiltin(id)?.scenario) as Record<string, unknown>;

function run(doc: Record<string, unknown>): RunReport {
  const result = runSide(doc);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.report;
}

function compare(a: Record<string, unknown>, b: Record<string, unknown>): { ra: RunReport; rb: RunReport; comparison: Comparison } {
  const parsed = parseScenario(a);
  if (!parsed.ok) throw new Error('A is invalid');
  const ra = run(a);
  const rb = run(b);
  return { ra, rb, comparison: compareReports(ra, rb, parsed.spec.faults) };
}

const row = (c: Comparison, label: string) => {
  const found = c.rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row "${label}" among ${c.rows.map((r) => r.label).join(' | ')}`);
  return found;
};

describe('common random numbers: A and B see the same traffic', () => {
  const a = builtin('retry-storm');
  const noRetries = suggestChanges(a).find((v) => v.label === 'clients: retries 1 → none');
  if (!noRetries) throw new Error('the "retries → none" suggestion is missing');
  const { ra, rb, comparison } = compare(a, noRetries.doc);

  it('S4 against its no-retry variant: the clients\' arrivals per second are identical over the whole run', () => {
    expect(rb.series.clients.clients.generated).toEqual(ra.series.clients.clients.generated);
    expect(ra.series.clients.clients.generated.length).toBe(120);
    expect(ra.clients.clients.generated).toBeGreaterThan(4000);
    expect(sameTraffic(a, diffDocuments(a, noRetries.doc))).toEqual({ same: true, reasons: [] });
  });

  it('while the outcome differs: without retries it recovers, with one retry it does not', () => {
    expect(ra.series.clients.clients.attempts).not.toEqual(rb.series.clients.clients.attempts);
    expect(row(comparison, 'clients: recovered after the fault ends').a).toBe(Infinity);
    expect(row(comparison, 'clients: recovered after the fault ends').b).toBeLessThan(10);
  });

  it('a change to the clients\' rate is flagged as different traffic, and it is', () => {
    const faster = pathEditVariant(a, 'nodes.clients.rate', '45');
    if (!faster.ok) throw new Error(faster.errors.join('\n'));
    expect(sameTraffic(a, diffDocuments(a, faster.variant.doc)).same).toBe(false);
    expect(run(faster.variant.doc).series.clients.clients.generated).not.toEqual(ra.series.clients.clients.generated);
  });

  it('a closed-loop client never counts as the same traffic', () => {
    const closed = { ...a, nodes: (a.nodes as Record<string, unknown>[]).map((n) => (n.id === 'clients' ? { id: 'clients', kind: 'client', users: 50, think: '1s', target: 'server', timeout: '3s' } : n)) };
    expect(sameTraffic(closed, []).same).toBe(false);
  });
});

describe('retry-storm against retry-storm-fixed reports what REFERENCE-SCENARIOS.md S4 describes', () => {
  const a = builtin('retry-storm');
  const fix = builtinVariants(a).find((v) => v.id === 'builtin:retry-storm-fixed');
  if (!fix) throw new Error('the built-in fix is missing');
  const { comparison } = compare(a, fix.doc);

  it('A collapses and stays collapsed: ~80 attempts/s (every request tried twice), no goodput, ~400 in flight', () => {
    const attempts = row(comparison, 'clients: attempts/s, last 20 s');
    expect(attempts.a).toBeGreaterThan(80 * 0.93);
    expect(attempts.a).toBeLessThan(80 * 1.07);
    expect(row(comparison, 'clients: recovered after the fault ends').a).toBe(Infinity);
    const inSystem = row(comparison, 'server: in system at the end');
    expect(inSystem.a).toBeGreaterThan(300);
    expect(inSystem.a).toBeLessThan(550);
  });

  it('B recovers about 5–6 s after the trigger ends, at one attempt per request and 40 attempts/s', () => {
    const recovery = row(comparison, 'clients: recovered after the fault ends').b;
    expect(recovery).toBeGreaterThanOrEqual(3);
    expect(recovery).toBeLessThanOrEqual(9);
    expect(row(comparison, 'clients: attempts per request').b).toBe(1);
    expect(row(comparison, 'clients: attempts/s, last 20 s').b).toBeGreaterThan(40 * 0.9);
    expect(row(comparison, 'clients: attempts/s, last 20 s').b).toBeLessThan(40 * 1.1);
    expect(row(comparison, 'server: in system at the end').b).toBeLessThan(150);
  });

  it('the reading says the success rate after the fault, B against A', () => {
    const after = row(comparison, 'clients: success rate after the fault');
    expect(after.b - after.a).toBeGreaterThan(0.5);
    expect(comparison.reading).toBe(`With the change, the success rate of clients after the fault at 20s is ${formatValue(Math.round(after.b * 100) / 100, 'share')} instead of ${formatValue(Math.round(after.a * 100) / 100, 'share')}.`);
  });

  it('draws successes/s of the client and the server\'s backlog, with the fault at 20 s', () => {
    expect(comparison.charts.map((c) => c.id)).toEqual(['succeeded', 'in-system']);
    expect(comparison.charts[0].a).toHaveLength(120);
    expect(comparison.markers).toEqual([{ atSec: 20, label: 'setRate clients' }]);
  });
});

describe('the table for a validator scenario', () => {
  it('key-removal-2021 (first hour) with keep-last-known-good on every validator: no rejections in B where A rejects', () => {
    const a = builtin('key-removal-2021');
    a.duration = '1h';
    let b: Record<string, unknown> = a;
    for (const id of ['teams-like', 'office-like', 'xbox-like', 'dynamics-like']) { // portal-like keeps it already
      const edited = pathEditVariant(b, `nodes.${id}.auth.keepLastKnownGood`, 'true');
      if (!edited.ok) throw new Error(edited.errors.join('\n'));
      b = edited.variant.doc;
    }
    const { comparison } = compare(a, b);
    const rejected = comparison.rows.filter((r) => r.label.endsWith(': rejected token share'));
    expect(rejected.map((r) => r.label.split(':')[0]).sort()).toEqual(['dynamics-like', 'office-like', 'portal-like', 'teams-like', 'xbox-like']);
    expect(rejected.every((r) => r.b === 0)).toBe(true);
    expect(rejected.find((r) => r.label.startsWith('teams-like'))!.a).toBeGreaterThan(0);
    expect(comparison.charts.map((c) => c.id)).toContain('auth-rejected');
  });
});
