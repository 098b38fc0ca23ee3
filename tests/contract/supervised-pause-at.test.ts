// The page's watchdog wrapper (src/store/supervised-host.ts) and the pause-at: the command is
// forwarded to the worker, and a restarted worker gets the last pause-at again after the reload,
// so the guide still stops at its next step. A scripted worker and a fake clock: no Worker.
import { describe, expect, it } from 'vitest';
import { superviseHost, type WorkerConnection } from '../../src/store/supervised-host.ts';
import { WATCHDOG_LIMITS } from '../../src/store/worker-watchdog.ts';
import type { RunProgress } from '../../workers/simulation-host.ts';

const progress = (pauseAtMs?: number): RunProgress => ({ status: 'paused', speed: 1, revision: 1, runId: 1, simulatedMs: 0, durationMs: 1000, eventsPerSec: 0, ...(pauseAtMs === undefined ? {} : { pauseAtMs }) });

class ScriptedWorker implements WorkerConnection {
  hung = false;
  calls: { method: string; args: readonly unknown[] }[] = [];
  call(method: string, args: readonly unknown[]): Promise<unknown> {
    this.calls.push({ method, args });
    if (this.hung) return new Promise(() => {});
    if (method === 'load') return Promise.resolve({ ok: true, revision: 1, layout: [], durationMs: 1000, sampleEveryMs: 100, faults: [], warnings: [] });
    if (method === 'setPauseAt') return Promise.resolve(progress((args[0] as number | null) ?? undefined));
    return Promise.resolve(progress());
  }
  terminate(): void {}
}

function harness() {
  let nowMs = 0;
  const workers: ScriptedWorker[] = [];
  const host = superviseHost({
    start: () => {
      const worker = new ScriptedWorker();
      workers.push(worker);
      return worker;
    },
    nowMs: () => nowMs,
    onRestart: () => {},
  });
  const hangAndRestart = async (lost: () => Promise<unknown>) => {
    workers.at(-1)!.hung = true;
    const answer = lost();
    for (let t = 0; t < WATCHDOG_LIMITS.commandTimeoutMs + 2 * WATCHDOG_LIMITS.checkEveryMs; t += WATCHDOG_LIMITS.checkEveryMs) {
      nowMs += WATCHDOG_LIMITS.checkEveryMs;
      host.check();
      await Promise.resolve();
    }
    await answer;
  };
  return { host, workers, hangAndRestart };
}

const doc = { name: 'a' };

describe('the supervised host and the pause-at', () => {
  it('forwards setPauseAt with its argument and returns the worker’s progress', async () => {
    const h = harness();
    const answer = (await h.host.handle.setPauseAt(1_800_000)) as RunProgress;
    expect(h.workers[0].calls).toEqual([{ method: 'setPauseAt', args: [1_800_000] }]);
    expect(answer.pauseAtMs).toBe(1_800_000);
  });

  it('a restarted worker gets the last pause-at again, after the reloaded document', async () => {
    const h = harness();
    await h.host.handle.load(doc);
    await h.host.handle.setPauseAt(60_000);
    await h.host.handle.setPauseAt(1_800_000);
    await h.hangAndRestart(() => h.host.handle.step());
    expect(h.workers).toHaveLength(2);
    expect(h.workers[1].calls.slice(0, 2)).toEqual([
      { method: 'load', args: [doc] },
      { method: 'setPauseAt', args: [1_800_000] },
    ]);
  });

  it('a pause-at lost with the stuck worker is the one the fresh worker gets; a cleared one is not sent', async () => {
    const h = harness();
    await h.host.handle.load(doc);
    await h.hangAndRestart(() => h.host.handle.setPauseAt(900_000));
    expect(h.workers[1].calls.filter((c) => c.method === 'setPauseAt')).toEqual([{ method: 'setPauseAt', args: [900_000] }]);

    await h.host.handle.setPauseAt(null);
    await h.hangAndRestart(() => h.host.handle.step());
    expect(h.workers).toHaveLength(3);
    expect(h.workers[2].calls.map((c) => c.method)).not.toContain('setPauseAt');
  });

  it('answers a check the stuck worker never answered with a refusal naming why, not with a progress', async () => {
    const h = harness();
    let answer: unknown;
    await h.hangAndRestart(async () => (answer = await h.host.handle.check({ name: 'a' })));
    expect(h.workers).toHaveLength(2);
    expect(answer).toMatchObject({ ok: false, errors: [{ path: '(file)' }] });
    expect((answer as { errors: { message: string }[] }).errors[0].message).toMatch(/^the simulation stopped responding before it checked this scenario \(.+\) and was restarted; edit or open it again to check it$/);
  });
});
