/**
 * A v1 fault object from the page ({ target, action, …arguments }) → the engine's FaultSpec.
 * src/scenario exports no single-fault parser, so the fault is read the only public way: as the
 * sole fault of the running document. That also checks its target exists and has a kind the
 * action fits. It costs a parse of the document (≈1 ms for a small graph, ~45 ms for 1,000 nodes);
 * a `parseFault(raw, kindOf)` export from src/scenario would make it constant time.
 */
import type { FaultSpec } from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';
import type { ValidationError } from './protocol.ts';

export type FaultResult = { ok: true; fault: FaultSpec } | { ok: false; errors: ValidationError[] };

export function normaliseFault(document: Record<string, unknown>, fault: unknown): FaultResult {
  if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) {
    return { ok: false, errors: [{ path: 'fault', message: 'expected a fault object ({ "target": …, "action": … })' }] };
  }
  // `at` is ignored by a live injection (it happens now) but the format requires one.
  const wrapped = { ...document, faults: [{ at: 0, ...fault }], guide: [] };
  const parsed = parseScenario(wrapped);
  if (parsed.ok) return { ok: true, fault: parsed.spec.faults[0] };
  // Problems of the document itself would have stopped its load; what is left is the fault's.
  const errors = parsed.errors.filter((e) => e.path.startsWith('faults[0]')).map((e) => ({ path: e.path.replace('faults[0]', 'fault'), message: e.message }));
  return { ok: false, errors: errors.length > 0 ? errors : parsed.errors };
}
