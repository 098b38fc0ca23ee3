/**
 * The API of one experiment worker (workers/experiment.worker.ts), free of comlink and worker
 * globals: `load` the document once, then `run` whole runs by index.
 */
import type { RunResult } from './plan.ts';
import { planPoolJob, type PlannedJob } from './pool-job.ts';
import type { SingleFailureRequest } from './single-failures.ts';

export interface ExperimentRunner {
  /** Plans the experiment (or the single-failures analysis); the number of runs, or every problem with its path. */
  load(doc: unknown, singleFailures?: SingleFailureRequest): { ok: true; runs: number } | { ok: false; errors: string[] };
  run(index: number): RunResult;
}

export function createExperimentRunner(): ExperimentRunner {
  let job: PlannedJob | null = null;
  return {
    load(doc, singleFailures) {
      job = planPoolJob(doc, singleFailures);
      return job.ok ? { ok: true, runs: job.runs } : { ok: false, errors: job.errors };
    },
    run(index) {
      if (job === null || !job.ok) throw new Error('load an experiment first');
      return job.run(index);
    },
  };
}
