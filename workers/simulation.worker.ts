// The Web Worker host: a thin comlink adapter over simulation-host.ts (DESIGN.md §5).
import { expose } from 'comlink';
import { createSimulationHost } from './simulation-host.ts';

expose(createSimulationHost());
