/**
 * src/experiments: sweeps of a scenario's parameter over seeds (the `experiment` of the format).
 * Host-free except the pools: node-pool.ts (worker_threads, the CLI) and browser-pool.ts (Web
 * Workers). See README.md and docs/experiments.md.
 */
export { planExperiment, runTask, type ExperimentPlan, type RunResult, type RunTask, type PlanResult } from './plan.ts';
export { runAll, inlineExecutor, type RunExecutor, type SweepOutcome, type SweepProgress } from './scheduler.ts';
export { summarise, stats, type ExperimentResults, type Stats, type ValueSummary } from './summary.ts';
export { resultsToJson, runsToCsv, summaryToCsv } from './writers.ts';
export { outcome } from './outcomes.ts';
export { plotData, numericValue, type PlotData, type PlotSpec } from './plot-data.ts';
