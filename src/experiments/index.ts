/**
 * src/experiments: sweeps of a scenario's parameter over seeds (the `experiment` of the format).
 * Host-free except the pools, imported by path: node-pool.ts (worker_threads, the CLI),
 * browser-pool.ts (Web Workers) and worker-pool.ts (the abortable pool over comlink workers,
 * compare's too). See README.md and docs/experiments.md.
 */
export { planExperiment, runTask, type ExperimentPlan, type RunResult, type RunTask, type PlanResult } from './plan.ts';
export { runAll, inlineExecutor, type RunExecutor, type SweepOutcome, type SweepProgress } from './scheduler.ts';
export { summarise, summariseRuns, sweepFrame, stats, type ExperimentResults, type Stats, type ValueSummary, type SweepFrame } from './summary.ts';
export { parseShard, shardRunIndices, type Shard } from './shard.ts';
export { resultsToJson, runsToCsv, summaryToCsv } from './writers.ts';
export { outcome } from './outcomes.ts';
export { plotData, numericValue, type PlotData, type PlotSpec } from './plot-data.ts';
export { sweepableFields, itemVaryPath, isSweepable, type SweepField, type SweepFieldGroup } from './sweep-fields.ts';
export {
  checkSweep,
  experimentFromForm,
  formFromExperiment,
  metricChoices,
  parseMetricLines,
  parseSeeds,
  parseValueList,
  suggestedForm,
  suggestedValues,
  withExperiment,
  EMPTY_FORM,
  type FormPart,
  type FormProblem,
  type RawExperiment,
  type SweepCheck,
  type SweepPlanner,
  type SweepForm,
  type ValuesMode,
} from './sweep-form.ts';
export {
  planSingleFailures,
  runFailureTask,
  failureDocument,
  failureOutcomes,
  FAILURE_ACTION,
  FAILURE_OUTCOMES,
  SINGLE_FAILURE_DEFAULTS,
  type FailureComponent,
  type SingleFailurePlan,
  type SingleFailureRequest,
} from './single-failures.ts';
export { rankWeakPoints, impactBand, IMPACT_BANDS, type ImpactBand, type WeakPoint, type WeakPointsResults } from './weak-points.ts';
export { weakPointsToJson, weakPointsToCsv } from './weak-points-writers.ts';
export type { PoolPlan } from './pool-job.ts';
