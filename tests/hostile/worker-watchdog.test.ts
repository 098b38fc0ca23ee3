// The page's watchdog over the simulation worker (src/store/supervised-host.ts and
// worker-watchdog.ts) with a fake worker factory and a fake clock: no Worker, no waiting.
import { describe, expect, it } from 'vitest';
import { superviseHost, type WorkerConnection } from '../../src/store/supervised-host.ts';
import { WATCHDOG_LIMITS } from '../../src/store/worker-watchdog.ts';
import type { RunProgress } from '../../workers/simulation-host.ts';

const progress = (status: RunProgress['status']): RunProgress => ({ status, speed: 1, revision: 1, runId: 1, simulatedMs: 0, durationMs: 1000, eventsPerSec: 0 });

/** A scripted worker: answers at once unless `hung`, records what it was asked. */
class FakeWorker implements WorkerConnection {
  hung = false;
  terminated = false;
  /** Set for a worker whose script never loads (never settles). */
  ready?: Promise<unknown>;
  calls: { method: string; args: readonly unknown[] }[] = [];
  constructor(readonly live: (progress: RunProgress) => void) {}
  call(method: string, args: readonly unknown[]): Promise<unknown> {
    this.calls.push({ method, args });
    if (this.hung) return new Promise(() => {});
    if (method === 'load') return Promise.resolve({ ok: true, revision: 1, layout: [], durationMs: 1000, sampleEveryMs: 100, faults: [], warnings: [] });
    if (method === 'play') return Promise.resolve(progress('running'));
    return Promise.resolve(progress('paused'));
  }
  terminate(): void {
    this.terminated = true;
  }
}

function harness(setup: { firstWorkerNeverStarts?: boolean } = {}) {
  let nowMs = 0;
  const workers: FakeWorker[] = [];
  const notices: string[] = [];
  const options = { nextWorkerHung: false, nextWorkerNeverStarts: setup.firstWorkerNeverStarts ?? false };
  const host = superviseHost({
    start: (live) => {
      const worker = new FakeWorker(live);
      worker.hung = options.nextWorkerHung || options.nextWorkerNeverStarts;
      if (options.nextWorkerNeverStarts) worker.ready = new Promise(() => {});
      options.nextWorkerNeverStarts = false;
      workers.push(worker);
      return worker;
    },
    nowMs: () => nowMs,
    onRestart: (text) => notices.push(text),
  });
  /** Advances the fake clock in check-sized steps, checking after each, as the page's timer does. */
  const elapse = async (ms: number) => {
    for (let t = 0; t < ms; t += WATCHDOG_LIMITS.checkEveryMs) {
      nowMs += WATCHDOG_LIMITS.checkEveryMs;
      host.check();
      await Promise.resolve();
    }
  };
  /** One check after a long gap, as after a main-thread block or in a background tab. */
  const jump = (ms: number) => {
    nowMs += ms;
    host.check();
  };
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { host, workers, notices, options, elapse, jump, flush, current: () => workers[workers.length - 1] };
}

const doc = { name: 'a' };

/** Long enough for an unanswered command to count: the timeout and two checks. */
const PAST_TIMEOUT_MS = WATCHDOG_LIMITS.commandTimeoutMs + 2 * WATCHDOG_LIMITS.checkEveryMs;

/** A harness whose worker loaded `doc` and then stopped answering. */
async function hungAfterLoad() {
  const h = harness();
  await h.host.handle.load(doc);
  h.current().hung = true;
  return h;
}

describe('the simulation worker watchdog', () => {
  it('leaves a worker alone that answers its commands', async () => {
    const h = harness();
    await h.host.handle.load(doc);
    await h.elapse(60_000);
    expect(h.workers).toHaveLength(1);
    expect(h.notices).toEqual([]);
  });

  it('replaces a worker stuck on a command, reloads the last good document and answers the lost command', async () => {
    const h = await hungAfterLoad();
    const lost = h.host.handle.step();
    await h.elapse(PAST_TIMEOUT_MS);
    expect(h.workers).toHaveLength(2);
    expect(h.workers[0].terminated).toBe(true);
    expect(h.workers[1].calls[0]).toEqual({ method: 'load', args: [doc] });
    await expect(lost).resolves.toMatchObject({ status: 'paused' });
    expect(h.notices).toEqual([expect.stringMatching(/^The simulation stopped responding \(it did not answer "step" for \d+ s\) and was restarted; the scenario was reloaded, paused at t = 0\.$/)]);
  });

  it('does not restart before the command timeout', async () => {
    const h = harness();
    h.current().hung = true;
    void h.host.handle.load(doc);
    await h.elapse(WATCHDOG_LIMITS.commandTimeoutMs - WATCHDOG_LIMITS.checkEveryMs);
    expect(h.workers).toHaveLength(1);
  });

  it('a document whose load hung is refused with a message, and not loaded into the fresh worker', async () => {
    const h = await hungAfterLoad();
    const huge = { name: 'huge' };
    const lost = h.host.handle.load(huge);
    await h.elapse(PAST_TIMEOUT_MS);
    await h.flush();
    const answer = (await lost) as { ok: boolean; errors: { path: string; message: string }[] };
    expect(answer.ok).toBe(false);
    expect(answer.errors[0].message).toMatch(/stopped responding while loading this scenario/);
    expect(h.workers[1].calls.map((c) => c.args[0])).toEqual([doc]); // the old good one, not `huge`
  });

  it('pings a running worker that has gone silent, and restarts it when the ping goes unanswered', async () => {
    const h = harness();
    await h.host.handle.load(doc);
    await h.host.handle.play();
    h.current().live(progress('running'));
    h.current().hung = true;
    await h.elapse(WATCHDOG_LIMITS.silentRunMs + WATCHDOG_LIMITS.checkEveryMs);
    expect(h.workers[0].calls.at(-1)?.method).toBe('getProgress');
    expect(h.workers).toHaveLength(1);
    await h.elapse(WATCHDOG_LIMITS.commandTimeoutMs + WATCHDOG_LIMITS.checkEveryMs);
    expect(h.workers).toHaveLength(2);
  });

  it('a paused worker may stay silent for ever', async () => {
    const h = await hungAfterLoad(); // it would not answer, but nobody asks
    await h.elapse(120_000);
    expect(h.workers).toHaveLength(1);
  });

  it('gives no verdict after the page itself was frozen longer than the timeout (answers may be queued)', async () => {
    const h = await hungAfterLoad();
    void h.host.handle.pause();
    h.jump(WATCHDOG_LIMITS.commandTimeoutMs * 2);
    expect(h.workers).toHaveLength(1);
    await h.elapse(PAST_TIMEOUT_MS); // still unanswered: now it counts
    expect(h.workers).toHaveLength(2);
  });

  it('stops reloading a document that hangs the fresh worker too', async () => {
    const h = await hungAfterLoad();
    void h.host.handle.play();
    h.options.nextWorkerHung = true; // the reload in the second worker never answers
    await h.elapse(PAST_TIMEOUT_MS);
    h.options.nextWorkerHung = false;
    await h.elapse(PAST_TIMEOUT_MS);
    expect(h.workers).toHaveLength(3);
    expect(h.workers[2].calls.filter((c) => c.method === 'load')).toEqual([]);
    expect(h.notices.at(-1)).toMatch(/no scenario was reloaded/);
  });

  it('a worker whose script never ran is started again and sent every command again, in order', async () => {
    const h = harness({ firstWorkerNeverStarts: true });
    const loaded = h.host.handle.load(doc);
    const played = h.host.handle.play();
    await h.elapse(PAST_TIMEOUT_MS);
    expect(h.workers).toHaveLength(2);
    expect(h.workers[1].calls.map((c) => c.method)).toEqual(['load', 'play']);
    expect(h.workers[1].calls[0].args).toEqual([doc]);
    await expect(loaded).resolves.toMatchObject({ ok: true });
    await expect(played).resolves.toMatchObject({ status: 'running' });
    expect(h.notices).toEqual([expect.stringMatching(/^The simulation worker did not start \(it did not answer "load" for \d+ s\) and was started again\.$/)]);
  });
});

