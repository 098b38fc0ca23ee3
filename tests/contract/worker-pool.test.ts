// The abortable pool (src/experiments/worker-pool.ts) over the REAL experiment and compare worker
// modules, each in a Node worker thread spoken to over comlink as the page does: an abort hands
// out no queued run, terminates the workers mid-run and keeps the finished results.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { proxy } from 'comlink';
import { runSide } from '../../src/compare/index.ts';
import { runTask, type RunResult } from '../../src/experiments/index.ts';
import { runPool, type WorkerThread } from '../../src/experiments/worker-pool.ts';
import type { CompareHost, CompareRunResult, ExperimentHost } from '../../workers/protocol.ts';
import type { WorkerName } from './worker-bootstrap.ts';
import { nodeEndpoint } from '../../src/experiments/node-endpoint.ts';
import { sleep, waitFor } from './worker-harness.ts';
import { poolSweepPlan } from '../support/pool-sweep.ts';

/** Every thread a test started, with its exit code once it has ended. */
function threadStarter(name: WorkerName) {
  const started: { exit: Promise<number> }[] = [];
  const start = (): WorkerThread => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { worker: name } });
    started.push({ exit: new Promise<number>((resolve) => worker.once('exit', resolve)) });
    return { endpoint: nodeEndpoint(worker), terminate: () => worker.terminate() };
  };
  return { start, started };
}

/** The pools' sweep: run 0 tiny, runs 1–4 seconds of work each (tests/support/pool-sweep.ts). */
const sweepPlan = poolSweepPlan;

async function loadInto(remote: { load(doc: unknown): Promise<{ ok: boolean }> }, doc: unknown): Promise<void> {
  const loaded = await remote.load(doc);
  if (!loaded.ok) throw new Error('the experiment did not load');
}

describe('the abortable worker pool', () => {
  it('on abort: queued runs never start, running workers are terminated, finished results are kept', async () => {
    const plan = sweepPlan();
    const { start, started } = threadStarter('experiment');
    const abort = new AbortController();
    const handedOut: number[] = [];
    const answered: number[] = [];
    const outcome = await runPool<ExperimentHost, RunResult>({
      size: 2,
      total: plan.tasks.length,
      start,
      prepare: (remote) => loadInto(remote, plan.doc),
      run: (remote, index) => {
        handedOut.push(index);
        // run 0 has finished (its worker asks for more) while run 1 is still running
        if (index === 2) {
          setTimeout(() => abort.abort(), 200);
        }
        const answer = remote.run(index);
        void answer.then(() => answered.push(index));
        return answer;
      },
      signal: abort.signal,
    });

    expect(outcome.cancelled).toBe(true);
    expect([...handedOut].sort()).toEqual([0, 1, 2]); // 3 and 4 were queued: never handed out
    expect(outcome.results[0]).toEqual(runTask(plan, 0)); // the finished run, as computed in-process
    expect(outcome.results[0]?.events).toBeGreaterThan(0);
    expect(outcome.results.slice(1)).toEqual([undefined, undefined, undefined, undefined]);
    // Both threads ended by terminate() (exit code 1 in Node), not by finishing their runs...
    expect(started).toHaveLength(2);
    expect(await Promise.all(started.map((t) => t.exit))).toEqual([1, 1]);
    // ...so the running runs 1 and 2 never answered; a pool that waited for them would have seen their answers.
    expect(answered).toEqual([0]);
  });

  it('an abort while the workers load hands out nothing and ends every worker; one before the start starts none', async () => {
    const plan = sweepPlan();
    const { start, started } = threadStarter('experiment');
    const abort = new AbortController();
    const handedOut: number[] = [];
    const pool = runPool<ExperimentHost, RunResult>({
      size: 2,
      total: plan.tasks.length,
      start,
      prepare: (remote) => loadInto(remote, plan.doc),
      run: (remote, index) => {
        handedOut.push(index);
        return remote.run(index);
      },
      signal: abort.signal,
    });
    abort.abort(); // the threads are still loading tsx and the engine
    const outcome = await pool;
    expect(outcome).toEqual({ results: new Array(plan.tasks.length).fill(undefined), cancelled: true });
    expect(handedOut).toEqual([]);
    // A thread ended before its JavaScript ran exits with code 0, so the sign is that both ended at
    // all: a loaded worker left alone waits for messages forever.
    expect(started).toHaveLength(2);
    const ended = await Promise.race([Promise.all(started.map((t) => t.exit)).then(() => 'ended'), sleep(10_000).then(() => 'still running')]);
    expect(ended).toBe('ended');

    const none = threadStarter('experiment');
    const again = await runPool<ExperimentHost, RunResult>({ size: 2, total: 3, start: none.start, run: (remote, index) => remote.run(index), signal: abort.signal });
    expect(again.cancelled).toBe(true);
    expect(none.started).toHaveLength(0);
  });

  it('runs a comparison on two compare workers: the reports of an in-process run, progress through a comlink callback', async () => {
    const doc = (rate: number) => ({
      format: 'faultline.scenario/v1',
      name: 'pair',
      seed: 3,
      duration: '2m',
      nodes: [
        { id: 'c', kind: 'client', rate, target: 's' },
        { id: 's', kind: 'service', workers: 2, serviceTime: '20ms' },
      ],
      links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
    });
    const docs = [doc(20), doc(60)];
    const shares: number[][] = [[], []];
    const { start, started } = threadStarter('compare');
    const outcome = await runPool<CompareHost, CompareRunResult>({
      size: 2,
      total: 2,
      start,
      run: (remote, index) => remote.run(docs[index], proxy((simulatedMs: number, totalMs: number) => void shares[index].push(simulatedMs / totalMs))),
    });
    expect(outcome.cancelled).toBe(false);
    docs.forEach((d, i) => {
      const inProcess = runSide(d);
      if (!inProcess.ok) throw new Error('the document is valid');
      expect(outcome.results[i]).toEqual({ kind: 'done', report: inProcess.report, faults: inProcess.faults });
    });
    // the callback's calls travel on their own port: they may land just after the answer
    await waitFor(() => (shares.every((s) => s.length > 0) ? true : undefined), 5000, 'progress from both sides');
    for (const share of shares.flat()) {
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    expect(await Promise.all(started.map((t) => t.exit))).toEqual([1, 1]); // the pool ends its workers after the last run
  });

  it('a document the compare worker refuses comes back as its problems, not a thrown error', async () => {
    const { start } = threadStarter('compare');
    const outcome = await runPool<CompareHost, CompareRunResult>({
      size: 1,
      total: 1,
      start,
      run: (remote) => remote.run({ format: 'faultline.scenario/v1', name: 'bad', nodes: [{ id: 'c', kind: 'client', rate: -1, target: 'nowhere' }], links: [] }),
    });
    const result = outcome.results[0];
    expect(result?.kind).toBe('invalid');
    expect(result?.kind === 'invalid' && result.errors.join('\n')).toMatch(/nodes\[c\]|nowhere|rate/);
  });
});
