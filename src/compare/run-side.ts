/**
 * One side of a comparison, run to its end: parse, cap the duration if asked, simulate in slices
 * (so a worker can report progress between them), report. Pure: the same code runs in the
 * compare worker and in tests.
 */
import { Simulation, type FaultSpec, type RunReport } from '../engine/index.ts';
import { formatIssue, parseScenario } from '../scenario/index.ts';

/** Events per slice: a few tens of milliseconds of work, so progress moves and Cancel is prompt. */
export const SLICE_EVENTS = 100_000;

/** The document with its duration cut to `capMs` (when it is longer); the same for A and B. */
export function capDuration(doc: Record<string, unknown>, capMs: number | null): Record<string, unknown> {
  if (capMs === null) return doc;
  const parsed = parseScenario(doc);
  if (!parsed.ok || parsed.spec.durationMs <= capMs) return doc;
  return { ...doc, duration: capMs };
}

/** The report, with the faults of the document as run (the charts mark them). */
export type SideResult = { ok: true; report: RunReport; faults: FaultSpec[] } | { ok: false; errors: string[] };

export function runSide(doc: Record<string, unknown>, onProgress?: (simulatedMs: number, totalMs: number) => void): SideResult {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatIssue) };
  const sim = new Simulation(parsed.spec);
  while (!sim.advance(SLICE_EVENTS)) onProgress?.(sim.nowMs, sim.endMs);
  onProgress?.(sim.endMs, sim.endMs);
  return { ok: true, report: sim.report(), faults: parsed.spec.faults };
}
