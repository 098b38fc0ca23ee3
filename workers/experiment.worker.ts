// A sweep's Web Worker (src/experiments/browser-pool.ts): exposes the experiment host with comlink,
// like the other two; one whole (value, seed) run per call, several side by side. The CLI's worker
// thread (src/experiments/node-worker.ts) exposes the same host.
import { expose } from 'comlink';
import { createExperimentHost } from '../src/experiments/experiment-host.ts';

expose(createExperimentHost());
