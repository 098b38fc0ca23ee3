// The page's handle on the simulation worker. One worker per page, created on first use
// (module-level, so React's StrictMode double effects cannot start two).
import { proxy, wrap, type Remote } from 'comlink';
import type { ProgressListener, RunOutcome, SimulationHost } from '../../workers/simulation-host.ts';

let host: Remote<SimulationHost> | null = null;

function simulationHost(): Remote<SimulationHost> {
  host ??= wrap<SimulationHost>(
    new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module' }),
  );
  return host;
}

export function runScenario(scenarioText: string, onProgress: ProgressListener): Promise<RunOutcome> {
  return simulationHost().run(scenarioText, proxy(onProgress));
}

export function cancelRun(): void {
  void simulationHost().cancel();
}
