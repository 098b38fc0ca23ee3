/**
 * Inside a sweep's worker thread (node-pool.ts): the experiment host (experiment-host.ts), exposed
 * with comlink on the thread's port as the page's Web Worker exposes it, with the Node heap probe
 * in the run guard.
 */
import { expose } from 'comlink';
import { parentPort } from 'node:worker_threads';
import { nodeHeapProbe } from '../cli/heap-probe.ts';
import { createExperimentHost } from './experiment-host.ts';
import { nodeEndpoint } from './node-endpoint.ts';

if (parentPort === null) throw new Error('node-worker.ts runs only as a worker thread');
expose(createExperimentHost({ heapProbe: nodeHeapProbe }), nodeEndpoint(parentPort));
