/**
 * The page's one simulation worker (created on first use, at module level so React's StrictMode
 * cannot start two): comlink for commands, a MessagePort for the live stream. Live arrays go
 * to the live-metrics store and the replaced buffer straight back to the worker's pool.
 * A watchdog (supervised-host.ts) replaces a worker that stops answering and says so in a notice.
 */
import { transfer, wrap } from 'comlink';
import type { LiveLayout } from '../engine/index.ts';
import type { LiveMessage, RunProgress, SimulationHost } from '../../workers/protocol.ts';
import { useGraphStore } from './graph-store.ts';
import { publishLive } from './live-metrics.ts';
import { superviseHost, type HostHandle, type SupervisedHost, type WorkerConnection } from './supervised-host.ts';
import { WATCHDOG_LIMITS } from './worker-watchdog.ts';

export type { HostHandle };

let supervised: SupervisedHost | null = null;
const progressListeners = new Set<(progress: RunProgress) => void>();

function startWorker(onProgress: (progress: RunProgress) => void): WorkerConnection {
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
    onProgress(message);
  };
  const ready = remote.connectLive(transfer(port2, [port2]));
  return {
    ready,
    call: (method, args) => (remote as unknown as Record<string, (...a: readonly unknown[]) => Promise<unknown>>)[method](...args),
    terminate() {
      port1.close();
      worker.terminate();
    },
  };
}

export function simulationHost(): HostHandle {
  if (supervised === null) {
    const host = superviseHost({
      start: startWorker,
      nowMs: () => performance.now(),
      onRestart: (text) => useGraphStore.setState({ notice: { tone: 'error', text } }),
    });
    host.onProgress((progress) => {
      for (const listener of [...progressListeners]) listener(progress);
    });
    setInterval(() => host.check(), WATCHDOG_LIMITS.checkEveryMs);
    supervised = host;
  }
  return supervised.handle;
}

/** Every live message's run state (status, clock, revision), up to ~30 times a second. */
export function onRunProgress(listener: (progress: RunProgress) => void): () => void {
  progressListeners.add(listener);
  return () => {
    progressListeners.delete(listener);
  };
}
