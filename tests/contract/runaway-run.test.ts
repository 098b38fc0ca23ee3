// The engine's run guard (src/engine/run-guard.ts) on the real worker: a valid scenario that loops
// with zero delay, or piles requests up in memory, is stopped with a message that says what grew,
// where, and what to change; the worker answers commands meanwhile and afterwards.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RUN_GUARD_LIMITS } from '../../src/engine/index.ts';
import { ZERO_DELAY_STORM as zeroDelayStorm } from '../support/zero-delay-storm.ts';
import { startWorker, waitFor, type WorkerUnderTest } from './worker-harness.ts';

describe('the runaway-run watchdog in the worker', () => {
  let worker: WorkerUnderTest;
  beforeEach(async () => {
    worker = await startWorker();
  });
  afterEach(async () => {
    await worker.close();
  });

  it("stops a zero-delay event storm at 'max' with status failed and a message naming the cause and the fix", async () => {
    const loaded = await worker.host.load(zeroDelayStorm);
    expect(loaded.ok).toBe(true);
    await worker.host.setSpeed('max');
    await worker.host.play();
    const failed = await waitFor(async () => {
      const progress = await worker.host.getProgress();
      return progress.status === 'failed' ? progress : undefined;
    }, 80_000, 'the storm to be stopped');
    expect(failed.simulatedMs).toBe(0);
    expect(failed.message).toMatch(/without simulated time moving/);
    expect(failed.message).toContain(RUN_GUARD_LIMITS.maxEventsWithoutProgress.toLocaleString('en-US'));
    expect(failed.message).toMatch(/latency|think time/);
    // the status reached the live stream too, and a reset gives a fresh paused run
    await waitFor(() => worker.frames.find((frame) => frame.status === 'failed' && frame.message === failed.message), 5000, 'the failed status on the live stream');
    const reset = await worker.host.reset();
    expect(reset.status).toBe('paused');
    expect(reset.message).toBeUndefined();
  });

  it('a step into a zero-delay storm ends (the step has no wall-clock deadline) with status failed', async () => {
    await worker.host.load(zeroDelayStorm);
    const stepped = await worker.host.step();
    expect(stepped.status).toBe('failed');
    expect(stepped.message).toMatch(/without simulated time moving/);
    expect((await worker.host.play()).status).toBe('failed'); // a failed run does not resume
  });

  it('stops a link that loses every request in front of a client with no timeout (real limits), naming both, and keeps answering', async () => {
    const doc = JSON.parse(readFileSync(new URL('../hostile/corpus/runaway-link-no-buffer.json', import.meta.url), 'utf8')) as unknown;
    expect((await worker.host.load(doc)).ok).toBe(true);
    await worker.host.setSpeed('max');
    await worker.host.play();
    let answers = 0;
    let slowestAnswerMs = 0;
    const failed = await waitFor(async () => {
      const asked = performance.now();
      const progress = await worker.host.getProgress();
      slowestAnswerMs = Math.max(slowestAnswerMs, performance.now() - asked);
      answers++;
      return progress.status === 'failed' ? progress : undefined;
    }, 150_000, 'the runaway link to be stopped');
    expect(failed.message).toContain(`(a Faultline limit: ${RUN_GUARD_LIMITS.maxCallsInFlight.toLocaleString('en-US')}, to protect memory)`);
    expect(failed.message).toMatch(/Client `users` is waiting for [\d.]+ M requests with no answer\. Link `users-api` lost [\d.]+ M messages \(buffer full\)/);
    expect(answers).toBeGreaterThan(3);
    // commands land between slices while it grows (a full GC can take a while on a shared machine)
    expect(slowestAnswerMs).toBeLessThan(5000);
    const reset = await worker.host.reset();
    expect(reset.status).toBe('paused');
  }, 180_000);
});
