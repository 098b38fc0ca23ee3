/**
 * A sweep's worker (workers/experiment.worker.ts; src/experiments/browser-pool.ts runs several
 * through the abortable pool): `load` the document once, then `run` whole runs by index. Free of
 * comlink and worker globals so Node can drive it.
 */
// plan.ts, not the index: the worker chunk holds the planner and the engine, not the panel's helpers
import { planExperiment, runTask, type ExperimentPlan } from '../src/experiments/plan.ts';
import { formatIssue } from '../src/scenario/index.ts';
import type { ExperimentHost } from './protocol.ts';

export function createExperimentHost(): ExperimentHost {
  let plan: ExperimentPlan | null = null;
  return {
    load(doc) {
      const planned = planExperiment(doc);
      if (!planned.ok) {
        plan = null;
        return { ok: false, errors: planned.errors.map(formatIssue) };
      }
      plan = planned.plan;
      return { ok: true, runs: plan.tasks.length };
    },
    run(index) {
      if (plan === null) throw new Error('load an experiment first');
      return runTask(plan, index);
    },
  };
}
