/**
 * Compare mode, the pure parts: choose B ("with one change") from A, run both on the same seed,
 * and read the two reports side by side. The panel is src/ui/compare, the worker
 * workers/compare.worker.ts; docs/compare.md is the user's guide.
 */
import type { FaultSpec, RunReport } from '../engine/index.ts';
import { compareRows, type CompareRow } from './compare-table.ts';
import { alertSpans, faultMarkers, faultSpan, overlaidCharts, type AlertSpan, type FaultMarker, type OverlaidChart } from './chart-data.ts';
import { readComparison } from './reading.ts';

export { builtinOf, builtinVariants, BUILTIN_FIXES } from './builtin-fixes.ts';
export { describeEdit, diffDocuments, type FieldEdit } from './doc-diff.ts';
export { normalisePath, readAt, writeAt } from './doc-path.ts';
export { pathEditVariant, readJsonValue } from './path-edit.ts';
export { suggestChanges } from './suggestions.ts';
export { sameTraffic, type TrafficVerdict } from './traffic.ts';
export { buildVariant, type Variant, type VariantResult } from './variant.ts';
export { capDuration, runSide, type SideResult } from './run-side.ts';
export { formatDifference, formatValue, improvement } from './format.ts';
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
