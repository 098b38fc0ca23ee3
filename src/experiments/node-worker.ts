/**
 * Inside a worker thread of node-pool.ts: plans the experiment (or the single-failures analysis,
 * pool-job.ts) once from `workerData`, then
 * says `{ ready: true }` and answers `{ index }` with `{ index, result }` (or `{ index, error }`),
 * one whole run at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planPoolJob } from './pool-job.ts';
import type { SingleFailureRequest } from './single-failures.ts';
import { nodeHeapProbe } from '../cli/heap-probe.ts';

if (parentPort === null) throw new Error('node-worker.ts runs only as a worker thread');
const port = parentPort;
const { doc, singleFailures } = workerData as { doc: unknown; singleFailures?: SingleFailureRequest };
const planned = planPoolJob(doc, singleFailures);
// The engine is loaded and the experiment planned: the pool times start-up apart from the runs.
port.postMessage({ ready: true });

port.on('message', ({ index }: { index: number }) => {
  try {
    if (!planned.ok) throw new Error(planned.errors.join('\n'));
    port.postMessage({ index, result: planned.run(index, { heapProbe: nodeHeapProbe }) });
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
});
