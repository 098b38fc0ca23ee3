/**
 * The one-sentence reading of a comparison, about the first client: its success rate after the
 * first fault (or over the whole run when there is none), A against B.
 */
import type { RunReport } from '../engine/index.ts';
import { formatSimTime } from '../format/sim-time.ts';
import { successShare, type CompareContext } from './compare-table.ts';

const percent = (share: number): string => (Number.isNaN(share) ? 'undefined' : `${Math.round(share * 100)}%`);

export function readComparison(a: RunReport, b: RunReport, context: CompareContext): string {
  const id = Object.keys(a.clients)[0];
  if (id === undefined) return 'The scenario has no client, so there is no success rate to compare.';
  const from = context.faultStartMs ?? 0;
  const shareA = successShare(a, id, from, a.simulatedMs);
  const shareB = successShare(b, id, from, b.simulatedMs);
  const when = context.faultStartMs !== null ? ` after the fault at ${formatSimTime(from)}` : '';
  if (percent(shareA) === percent(shareB)) return `With the change, the success rate of ${id}${when} stays at ${percent(shareB)}.`;
  return `With the change, the success rate of ${id}${when} is ${percent(shareB)} instead of ${percent(shareA)}.`;
}
