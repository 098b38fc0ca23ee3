// The Compare dialog's runPair over the REAL compare worker module in two Node worker threads:
// its progress calls travel on their own comlink port and can still be queued when the pair is
// cancelled or finishes. None may reach the caller afterwards: a late one put the cancelled dialog
// back to "running" (the compare e2e's Cancel test timed out on it).
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { WorkerThread } from '../../src/experiments/worker-pool.ts';
import { runPair, type PairProgress } from '../../src/ui/compare/run-pair.ts';
import { nodeEndpoint } from '../../src/experiments/node-endpoint.ts';
import { sleep, waitFor } from './worker-harness.ts';

const startCompareThread = (): WorkerThread => {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { worker: 'compare' } });
  return { endpoint: nodeEndpoint(worker), terminate: () => worker.terminate() };
};

/** Two sides that post progress every 100 ms for seconds: an hour at 2,000 requests/s. */
const longDoc = (rate: number) => ({
  format: 'faultline.scenario/v1',
  name: 'long pair',
  duration: '1h',
  nodes: [
    { id: 'c', kind: 'client', rate, target: 's' },
    { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' },
  ],
  links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
});

/** Holds this thread as a busy page does (a render): the workers' progress calls queue up meanwhile. */
function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

describe('runPair', () => {
  it('Cancel: the outcome is "cancelled" and no progress call reaches the caller after it, even ones queued before the cancel', async () => {
    const abort = new AbortController();
    const calls: PairProgress[] = [];
    const pair = runPair(longDoc(2000), longDoc(2001), { signal: abort.signal, onProgress: (p) => calls.push(p), start: startCompareThread });
    await waitFor(() => (calls.length > 0 ? true : undefined), 20_000, 'a first progress call');
    busyFor(450); // ~4 progress calls per side land in the port's queue, undelivered
    abort.abort();
    const outcome = await pair;
    const callsAtOutcome = calls.length;
    await sleep(300); // the queued calls are delivered now, if anything still listens
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(calls.length).toBe(callsAtOutcome);
    expect(callsAtOutcome).toBeGreaterThan(0);
  });

  it('a finished pair: both reports, and no progress call after the outcome', async () => {
    const doc = (rate: number) => ({ ...longDoc(rate), duration: '20m', name: 'short pair', seed: 5 });
    const calls: PairProgress[] = [];
    const outcome = await runPair(doc(400), doc(500), { signal: new AbortController().signal, onProgress: (p) => calls.push(p), start: startCompareThread });
    const callsAtOutcome = calls.length;
    await sleep(300);
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.a.clients.c?.generated).toBeLessThan(outcome.b.clients.c?.generated ?? 0); // 400/s against 500/s
    expect(calls.length).toBe(callsAtOutcome);
    for (const call of calls) {
      expect(call.a).toBeGreaterThanOrEqual(0);
      expect(call.b).toBeLessThanOrEqual(1);
    }
  });
});
