/**
 * Compare mode, the pure parts: choose B ("with one change") from A, run both on the same seed,
 * and read the two reports side by side. The panel is src/ui/compare, the worker
 * workers/compare.worker.ts; docs/compare.md is the user's guide. facts.ts is the zod-free part
 * the page reads (issue 16).
 */
export { compareReports, type AlertSpan, type Comparison, type CompareRow, type FaultMarker, type OverlaidChart } from './facts.ts';
export { builtinOf, builtinVariants, BUILTIN_FIXES } from './builtin-fixes.ts';
export { describeEdit, diffDocuments, type FieldEdit } from './doc-diff.ts';
export { normalisePath, readAt, writeAt } from './doc-path.ts';
export { pathEditVariant, readJsonValue } from './path-edit.ts';
export { suggestChanges } from './suggestions.ts';
export { sameTraffic, type TrafficVerdict } from './traffic.ts';
export { buildVariant, type Variant, type VariantResult } from './variant.ts';
export { capDuration, runSide, type SideResult } from './run-side.ts';
export { formatDifference, formatValue, improvement } from './format.ts';
