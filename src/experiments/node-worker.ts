/**
 * Inside a worker thread of node-pool.ts: plans the experiment once from `workerData.doc`, then
 * says `{ ready: true }` and answers `{ index }` with `{ index, result }` (or `{ index, error }`),
 * one whole run at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatIssue } from '../scenario/index.ts';
import { planExperiment, runTask } from './plan.ts';
import { nodeHeapProbe } from '../cli/heap-probe.ts';

if (parentPort === null) throw new Error('node-worker.ts runs only as a worker thread');
const port = parentPort;
const planned = planExperiment((workerData as { doc: unknown }).doc);
// The engine is loaded and the experiment planned: the pool times start-up apart from the runs.
port.postMessage({ ready: true });

port.on('message', ({ index }: { index: number }) => {
  try {
    if (!planned.ok) throw new Error(planned.errors.map(formatIssue).join('\n'));
    port.postMessage({ index, result: runTask(planned.plan, index, { heapProbe: nodeHeapProbe }) });
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
});
