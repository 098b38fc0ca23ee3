/**
 * src/compare's zod-free door: what the Compare dialog's page reads — the diff of two documents,
 * the traffic check, the two reports side by side and their formatting. Choosing B (variants,
 * suggestions, built-in fixes: each parsed) and running a side happen in a compare worker
 * (workers/compare-host.ts), so the page carries no parser (issue 16); index.ts is the whole.
 */
import type { FaultSpec, RunReport } from '../engine/index.ts';
import { compareRows, type CompareRow } from './compare-table.ts';
import { alertSpans, faultMarkers, faultSpan, overlaidCharts, type AlertSpan, type FaultMarker, type OverlaidChart } from './chart-data.ts';
import { readComparison } from './reading.ts';

export { describeEdit, diffDocuments, type FieldEdit } from './doc-diff.ts';
export { sameTraffic, type TrafficVerdict } from './traffic.ts';
export { formatDifference, formatValue, improvement } from './format.ts';
export type { Variant, VariantResult, VariantSource } from './variant.ts';
export type { AlertSpan, CompareRow, FaultMarker, OverlaidChart };

export interface Comparison {
  rows: CompareRow[];
  reading: string;
  charts: OverlaidChart[];
  markers: FaultMarker[];
  /** Each run's alert firings; null when the scenario has no alerts. */
  alerts: { a: AlertSpan[]; b: AlertSpan[] } | null;
}

/** Everything the panel shows for two finished runs of the same scenario (A's faults). */
export function compareReports(a: RunReport, b: RunReport, faults: readonly FaultSpec[]): Comparison {
  const context = faultSpan(faults, a.simulatedMs);
  return {
    rows: compareRows(a, b, context),
    reading: readComparison(a, b, context),
    charts: overlaidCharts(a, b),
    markers: faultMarkers(faults, a.simulatedMs),
    alerts: a.alerts === undefined && b.alerts === undefined ? null : { a: alertSpans(a), b: alertSpans(b) },
  };
}
