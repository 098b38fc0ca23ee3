/**
 * The page's one simulation worker (created on first use, at module level so React's StrictMode
 * cannot start two): comlink for commands, a MessagePort for the live stream. Live arrays go
 * to the live-metrics store and the replaced buffer straight back to the worker's pool.
 */
import { transfer, wrap, type Remote } from 'comlink';
import type { LiveLayout } from '../engine/index.ts';
import type { LiveMessage, RunProgress, SimulationHost } from '../../workers/simulation-host.ts';
import { publishLive } from './live-metrics.ts';

/** What the run store needs of the worker: its command API, already promise-returning. */
export type HostHandle = Remote<SimulationHost>;

let host: HostHandle | null = null;
const progressListeners = new Set<(progress: RunProgress) => void>();

function createWorkerHost(): HostHandle {
  const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module' });
  const remote = wrap<SimulationHost>(worker);
  const { port1, port2 } = new MessageChannel();
  let layout: LiveLayout | null = null;
  port1.onmessage = (event: MessageEvent<LiveMessage>) => {
    const message = event.data;
    if (message.layout) layout = message.layout;
    if (message.values !== null || message.layout) {
      const replaced = publishLive(layout, message.values);
      if (replaced !== null) port1.postMessage(replaced, [replaced.buffer]);
    }
    for (const listener of [...progressListeners]) listener(message);
  };
  void remote.connectLive(transfer(port2, [port2]));
  return remote;
}

export function simulationHost(): HostHandle {
  host ??= createWorkerHost();
  return host;
}

/** Every live message's run state (status, clock, revision), up to ~30 times a second. */
export function onRunProgress(listener: (progress: RunProgress) => void): () => void {
  progressListeners.add(listener);
  return () => {
    progressListeners.delete(listener);
  };
}
