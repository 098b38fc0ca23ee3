// A sweep's Web Worker (src/experiments/browser-pool.ts): one whole (value, seed) run per call,
// exposed with comlink. Several run side by side, one per core.
import { expose } from 'comlink';
import { createExperimentRunner } from '../src/experiments/runner-host.ts';

expose(createExperimentRunner());
