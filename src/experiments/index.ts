/**
 * src/experiments: sweeps of a scenario's parameter over seeds (the `experiment` of the format).
 * Host-free except the pools, imported by path: node-pool.ts (worker_threads, the CLI),
 * browser-pool.ts (Web Workers) and worker-pool.ts (the abortable pool over comlink workers,
 * compare's too). See README.md and docs/experiments.md.
 */
// what the page's panels read (zod-free), then the planners, runs and writers that parse
export * from './panel.ts';
export { planExperiment, runTask } from './plan.ts';
export { parseShard, shardRunIndices, type Shard } from './shard.ts';
export { resultsToJson, runsToCsv, summaryToCsv } from './writers.ts';
export { outcome } from './outcomes.ts';
export {
  planSingleFailures,
  runFailureTask,
  failureDocument,
  failureOutcomes,
  FAILURE_ACTION,
  FAILURE_OUTCOMES,
  type FailureComponent,
} from './single-failures.ts';
export { weakPointsToJson, weakPointsToCsv } from './weak-points-writers.ts';
