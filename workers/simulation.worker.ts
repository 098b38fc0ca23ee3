// The Web Worker: exposes simulation-host.ts with comlink (DESIGN.md §5). In Node's
// worker_threads (the contract test) a bootstrap gives the thread the same globals first.
import { expose } from 'comlink';
import { createSimulationHost } from './simulation-host.ts';

expose(createSimulationHost());
