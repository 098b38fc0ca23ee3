// Runs a REAL worker module (workers/*.worker.ts; `workerData.worker` names it, the simulation's
// by default) in a Node worker thread: gives the thread the globals a Web Worker has
// (addEventListener/postMessage on the global scope), then imports the module, whose comlink
// `expose` listens on them.
import { parentPort, workerData } from 'node:worker_threads';
import { nodeEndpoint } from '../../src/experiments/node-endpoint.ts';

const WORKER_MODULES = {
  simulation: () => import('../../workers/simulation.worker.ts'),
  experiment: () => import('../../workers/experiment.worker.ts'),
  compare: () => import('../../workers/compare.worker.ts'),
};
export type WorkerName = keyof typeof WORKER_MODULES;

if (parentPort === null) throw new Error('worker-bootstrap.ts runs only as a worker thread');
const endpoint = nodeEndpoint(parentPort);
Object.assign(globalThis, {
  addEventListener: endpoint.addEventListener,
  removeEventListener: endpoint.removeEventListener,
  postMessage: endpoint.postMessage,
});
const name = (workerData as { worker?: WorkerName } | null)?.worker ?? 'simulation';
await WORKER_MODULES[name]();
