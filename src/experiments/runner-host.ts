/**
 * The API of one experiment worker (workers/experiment.worker.ts), free of comlink and worker
 * globals: `load` the document once, then `run` whole runs by index.
 */
import { formatIssue } from '../scenario/index.ts';
import { planExperiment, runTask, type ExperimentPlan, type RunResult } from './plan.ts';

export interface ExperimentRunner {
  /** Plans the experiment; the number of runs, or every problem with its path. */
  load(doc: unknown): { ok: true; runs: number } | { ok: false; errors: string[] };
  run(index: number): RunResult;
}

export function createExperimentRunner(): ExperimentRunner {
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
