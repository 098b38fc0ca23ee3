/**
 * A sweep's worker host: `load` the document once, then `run` whole runs by index. The page's Web
 * Worker (workers/experiment.worker.ts) and the CLI's worker thread (node-worker.ts) both expose
 * it with comlink and run it through the abortable pool (worker-pool.ts). Free of comlink and
 * worker globals so either can host it; the CLI's adds the Node heap probe to the run guard.
 */
import type { RunGuardOptions } from '../engine/index.ts';
import { formatIssue } from '../scenario/index.ts';
import type { ExperimentHost } from '../../workers/protocol.ts';
// plan.ts, not the index: the worker chunk holds the planner and the engine, not the panel's helpers
import { planExperiment, runTask, type ExperimentPlan } from './plan.ts';

export function createExperimentHost(guard?: RunGuardOptions): ExperimentHost {
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
      return runTask(plan, index, guard);
    },
  };
}
