// Runs the REAL worker module (workers/simulation.worker.ts) in a Node worker thread: gives the
// thread the globals a Web Worker has (addEventListener/postMessage on the global scope), then
// imports the module, whose comlink `expose` listens on them.
import { parentPort } from 'node:worker_threads';
import { nodeEndpoint } from './node-endpoint.ts';

if (parentPort === null) throw new Error('worker-bootstrap.ts runs only as a worker thread');
const endpoint = nodeEndpoint(parentPort);
Object.assign(globalThis, {
  addEventListener: endpoint.addEventListener,
  removeEventListener: endpoint.removeEventListener,
  postMessage: endpoint.postMessage,
});
await import('../../workers/simulation.worker.ts');
