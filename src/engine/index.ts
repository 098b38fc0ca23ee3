/**
 * The Faultline engine: a deterministic discrete-event simulator. Pure TypeScript — no DOM, no
 * React, no worker API, no clock — so the browser worker and the CLI run exactly the same code.
 */
import { Simulation } from './simulation.ts';
import type { RunReport } from './report-types.ts';
import type { ScenarioSpec } from './spec.ts';
import type { RunGuardOptions } from './run-guard.ts';

export { Simulation } from './simulation.ts';
export { RUN_GUARD_LIMITS, RunawayRunError, type HeapProbe, type RunawayKind, type RunawayReason, type RunGuardLimits, type RunGuardOptions } from './run-guard.ts';
export type { Culprit } from './run-guard-diagnosis.ts';
export { REASONS, type ReasonName } from './reasons.ts';
export {
  LIVE_LINK_FIELDS, LIVE_NODE_FIELDS, LIVE_HEADER, NODE_STRIDE, LINK_STRIDE, NODE_FIELD, LINK_FIELD, nodeFieldOffset, linkFieldOffset,
  type LiveLayout, type LiveLinkField, type LiveNodeField,
} from './live.ts';
export { PATCHABLE_LINK_FIELDS, PATCHABLE_NODE_FIELDS, type LinkPatch, type NodePatch } from './patch.ts';
export { LIVE_LINK_DIRECTION_FIELDS, type AnyLiveEdit, type NodePatchField } from './live-edits.ts';
export { liveEditsOf, NODE_KINDS } from './kinds/registry.ts';
export { KIND_FACTS, kindFacts, VALIDATOR_KINDS, type KindFacts } from './kind-facts.ts';
export type { SeriesColumn, SeriesGroup, SeriesKind } from './series.ts';
export { seriesMetricsOf } from './alerts/series-metrics.ts';
export { AlertEvaluator, type AlertTrack, type Firing } from './alerts/evaluator.ts';
export { BurnRateState, ThresholdState } from './alerts/rules.ts';
export { DEFAULT_IMPACT_OBJECTIVE } from './alerts/board.ts';
export type * from './spec.ts';
export type * from './report-types.ts';

export interface RunOptions {
  /** Called between slices with simulated progress. */
  onProgress?: (simulatedMs: number, totalMs: number) => void;
  /** A wall clock for the report's `wallMs` (the engine itself never reads one). */
  clockMs?: () => number;
  /** The run guard's limits and the host's heap probe (run-guard.ts); it throws RunawayRunError. */
  guard?: RunGuardOptions;
}

/** Runs a scenario from start to end and returns its report. */
export function runToEnd(spec: ScenarioSpec, options: RunOptions = {}): RunReport {
  const clock = options.clockMs;
  const started = clock ? clock() : 0;
  const sim = new Simulation(spec, { guard: options.guard });
  while (!sim.advance(250_000)) options.onProgress?.(sim.nowMs, sim.endMs);
  options.onProgress?.(sim.nowMs, sim.endMs);
  return sim.report(clock ? clock() - started : 0);
}
