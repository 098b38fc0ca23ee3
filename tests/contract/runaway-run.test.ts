// The worker's watchdog (workers/run-guard.ts) on the real worker: a valid scenario that loops
// with zero delay is stopped with a message that says what to change, and the worker still
// answers commands afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RUN_GUARD_LIMITS } from '../../workers/run-guard.ts';
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
});
