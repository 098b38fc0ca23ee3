/**
 * A sweep's worker host: `load` the document (and, for a single-failures analysis, its request)
 * once, then `run` whole runs by index. The page's Web Worker (workers/experiment.worker.ts) and
 * the CLI's worker thread (node-worker.ts) both expose it with comlink and run it through the
 * abortable pool (worker-pool.ts). Free of comlink and worker globals so either can host it; the
 * CLI's adds the Node heap probe to the run guard. The page also asks one for a plan before it
 * starts a pool (`planSweep`, `planSingleFailures`): its own bundle has no parser (issue 16).
 */
import type { RunGuardOptions } from '../engine/index.ts';
import type { ExperimentHost } from '../../workers/protocol.ts';
// pool-job.ts, not the index: the worker chunk holds the planners and the engine, not the panel's helpers
import { planPoolJob, type PlannedJob } from './pool-job.ts';
import { planExperiment } from './plan.ts';
import { planSingleFailures } from './single-failures.ts';

export function createExperimentHost(guard?: RunGuardOptions): ExperimentHost {
  let job: PlannedJob | null = null;
  return {
    load(doc, singleFailures) {
      job = planPoolJob(doc, singleFailures);
      return job.ok ? { ok: true, runs: job.runs } : { ok: false, errors: job.errors };
    },
    run(index) {
      if (job === null || !job.ok) throw new Error('load an experiment first');
      return job.run(index, guard);
    },
    planSweep: (doc) => planExperiment(doc),
    planSingleFailures: (doc, request) => planSingleFailures(doc, request),
  };
}
