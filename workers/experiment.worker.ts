// A sweep's Web Worker (src/experiments/browser-pool.ts): exposes experiment-host.ts with comlink,
// like the other two; one whole (value, seed) run per call, several side by side.
import { expose } from 'comlink';
import { createExperimentHost } from './experiment-host.ts';

expose(createExperimentHost());
