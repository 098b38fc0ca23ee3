// Starts workers/simulation.worker.ts in a Node worker thread and talks to it as the page does:
// comlink for commands, a MessagePort for the live stream (buffers go back, as the page's do).
import { transfer, wrap, type Remote } from 'comlink';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { LiveLayout } from '../../src/engine/index.ts';
import type { LiveMessage, SimulationHost } from '../../workers/simulation-host.ts';
import { afterEach } from 'vitest';
import { nodeEndpoint } from '../../src/experiments/node-endpoint.ts';

export interface LiveFrame extends Omit<LiveMessage, 'values'> {
  /** A copy: the buffer itself went back to the worker. */
  values: Float64Array | null;
  receivedMs: number;
  /** The layout in force when the frame came (sent with a run's first frame only). */
  currentLayout: LiveLayout | null;
}

export interface WorkerUnderTest {
  host: Remote<SimulationHost>;
  frames: LiveFrame[];
  /** While true, buffers are kept instead of returned (to see the pool run dry). */
  holdBuffers: boolean;
  held: Float64Array[];
  /** Sends the held buffers back and stops holding. */
  release(): void;
  close(): Promise<void>;
}

/** A test file's worker starter: every worker it started is closed after each test. */
export function useWorkers(): () => Promise<WorkerUnderTest> {
  const running: WorkerUnderTest[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((w) => w.close()));
  });
  return async () => {
    const w = await startWorker();
    running.push(w);
    return w;
  };
}

export async function startWorker(): Promise<WorkerUnderTest> {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
  const host = wrap<SimulationHost>(nodeEndpoint(worker));
  const { port1, port2 } = new MessageChannel();
  let layout: LiveLayout | null = null;
  const under: WorkerUnderTest = {
    host,
    frames: [],
    holdBuffers: false,
    held: [],
    release() {
      under.holdBuffers = false;
      for (const values of under.held.splice(0)) port1.postMessage(values, [values.buffer as ArrayBuffer]);
    },
    async close() {
      port1.close();
      await worker.terminate();
    },
  };
  port1.on('message', (message: LiveMessage) => {
    if (message.layout) layout = message.layout;
    const values = message.values;
    under.frames.push({ ...message, values: values ? values.slice() : null, receivedMs: performance.now(), currentLayout: layout });
    if (values === null) return;
    if (under.holdBuffers) under.held.push(values);
    else port1.postMessage(values, [values.buffer as ArrayBuffer]);
  });
  await host.connectLive(transfer(port2, [port2 as unknown as Transferable]) as unknown as MessagePort);
  return under;
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
