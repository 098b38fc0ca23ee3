/**
 * src/experiments as the page's panels read it: everything but the planners and the runs
 * (plan.ts, single-failures.ts, pool-job.ts), which carry the scenario parser and run in the
 * experiment workers — the page asks them for a plan (browser-pool.ts). Zod-free: a page that
 * imported index.ts would bundle the parser again (issue 16; the build fails if it does).
 */
export { runAll, inlineExecutor, type RunExecutor, type SweepOutcome, type SweepProgress } from './scheduler.ts';
export { summarise, summariseRuns, sweepFrame, stats, type ExperimentResults, type Stats, type ValueSummary, type SweepFrame } from './summary.ts';
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
  type SweepForm,
  type SweepPlanner,
  type ValuesMode,
} from './sweep-form.ts';
export { SINGLE_FAILURE_DEFAULTS, type SingleFailureRequest } from './single-failure-request.ts';
export { rankWeakPoints, impactBand, IMPACT_BANDS, type ImpactBand, type WeakPoint, type WeakPointsResults } from './weak-points.ts';
export type { ExperimentPlan, RunResult, RunTask, PlanResult } from './plan.ts';
export type { SingleFailurePlan, SingleFailurePlanResult } from './single-failures.ts';
export type { PoolPlan } from './pool-job.ts';
