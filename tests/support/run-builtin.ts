import { Simulation } from '../../src/engine';
import type { RunReport } from '../../src/engine/report-types';
import { formatIssue, parseScenario } from '../../src/scenario';
import { findBuiltin } from '../../src/scenarios';

export type RawScenario = Record<string, unknown> & { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };

/**
 * Runs a built-in scenario through the real format parser, after `edit` changes its raw document
 * (a seed, a duration, a parameter) as a user would in the file.
 */
export function runBuiltin(id: string, edit: (doc: RawScenario) => void = () => {}): { report: RunReport; sim: Simulation } {
  const builtin = findBuiltin(id);
  if (!builtin) throw new Error(`no built-in scenario "${id}"`);
  const doc = structuredClone(builtin.scenario) as RawScenario;
  edit(doc);
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  const sim = new Simulation(parsed.spec).runToEnd();
  return { report: sim.report(), sim };
}

export function node(doc: RawScenario, id: string): Record<string, unknown> {
  const found = doc.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node "${id}"`);
  return found;
}

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** |actual / expected − 1| — what the reference tolerances are stated in. */
export const relativeError = (actual: number, expected: number): number => Math.abs(actual / expected - 1);
