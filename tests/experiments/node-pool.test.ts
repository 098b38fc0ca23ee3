// The CLI's worker threads (src/experiments/node-pool.ts) through the one abortable pool: the real
// sweep thread (node-worker.ts, comlink over the thread's port) runs a plan's runs placed by run
// index, a shard's too; an abort keeps the finished run and drops the rest; a thread that cannot
// start fails its task with a message naming it, instead of leaving the pool waiting.
import { describe, expect, it } from 'vitest';
import { runTask, type RunResult } from '../../src/experiments/index.ts';
import { nodeThread, runInThreads } from '../../src/experiments/node-pool.ts';
import { PoolTaskError, runPool } from '../../src/experiments/worker-pool.ts';
import { poolSweepPlan } from '../support/pool-sweep.ts';

/** The pools' sweep: run 0 tiny, runs 1–4 seconds of work each (tests/support/pool-sweep.ts). */
const sweepPlan = poolSweepPlan;

describe("the CLI's worker threads", () => {
  it('an abort after the first finished run: cancelled, that run kept as computed in-process, the others undefined; ready before any run', async () => {
    const plan = sweepPlan();
    const abort = new AbortController();
    const seen: string[] = [];
    const outcome = await runInThreads(plan, 2, {
      signal: abort.signal,
      onReady: () => seen.push('ready'),
      onProgress: (p) => {
        seen.push(`done ${p.done}`);
        abort.abort(); // run 0 is done; a long run is on the other thread and the next one just went out
      },
    });
    expect(seen).toEqual(['ready', 'done 1']);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.results[0]).toEqual(runTask(plan, 0));
    expect(outcome.results.slice(1)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a shard runs only its runs, each placed at its own run index', async () => {
    const plan = sweepPlan();
    const outcome = await runInThreads(plan, 1, { indices: [0] });
    expect(outcome.cancelled).toBe(false);
    expect(outcome.results).toEqual([runTask(plan, 0), undefined, undefined, undefined, undefined]);
  });

  it('a thread whose script cannot load fails its task, naming the thread', async () => {
    const missing = new URL('./no-such-worker-entry.mjs', import.meta.url);
    const pool = runPool<{ run(index: number): RunResult }, RunResult>({
      size: 1,
      total: 2,
      start: () => nodeThread(missing, 'a test thread'),
      run: (remote, index) => remote.run(index),
    });
    const error = await pool.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PoolTaskError);
    expect((error as PoolTaskError).index).toBe(0);
    expect((error as PoolTaskError).message).toMatch(/^a test thread failed: .*no-such-worker-entry\.mjs/);
  });
});
