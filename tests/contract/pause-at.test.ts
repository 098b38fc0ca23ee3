// The worker's pause-at (setPauseAt), on the real worker: the run stops with its clock exactly at
// the given simulated time — no event at or after it has run — at 'max' as at a paced speed; play
// goes on past it; a cleared pause-at lets the run reach its end. What the guide panel relies on
// to stop exactly at its steps.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { useWorkers, waitFor, type WorkerUnderTest } from './worker-harness.ts';

/** M/M/1 at 80% for an hour: its events fall at fractional milliseconds, never on a round minute. */
const mm1 = {
  format: 'faultline.scenario/v1',
  name: 'M/M/1 at 80%',
  seed: 7,
  duration: '1h',
  nodes: [
    { id: 'users', kind: 'client', rate: 8, arrival: 'poisson', target: 'api', timeout: '30s', retry: { attempts: 1 } },
    { id: 'api', kind: 'service', workers: 1, serviceTime: { dist: 'exponential', mean: '100ms' } },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api', latency: 0 }],
};
const HOUR_MS = 3_600_000;

function simulation(): Simulation {
  const parsed = parseScenario(mm1);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return new Simulation(parsed.spec);
}

/** How many events the engine runs before `atMs`, counted in Node without the worker. */
function eventsBefore(atMs: number): number {
  const sim = simulation();
  while (!sim.done && sim.queue.peekTimeMs() < atMs) sim.advance(1);
  return sim.eventCount;
}

const worker = useWorkers();

function settled(w: WorkerUnderTest, status: 'paused' | 'finished', what: string) {
  return waitFor(async () => {
    const progress = await w.host.getProgress();
    return progress.status === status ? progress : undefined;
  }, 60_000, what);
}

describe('pause at a simulated time', () => {
  it("at 'max' the run pauses with its clock exactly at the pause-at, having run every event before it and none after", async () => {
    const pauseAtMs = 30 * 60_000;
    const w = await worker();
    await w.host.load(mm1);
    await w.host.setSpeed('max');
    const set = await w.host.setPauseAt(pauseAtMs);
    expect(set.pauseAtMs).toBe(pauseAtMs);
    const { revision } = await w.host.play();
    expect(revision).toBeGreaterThan(set.revision);
    const paused = await settled(w, 'paused', 'the pause at 30:00');
    expect(paused.simulatedMs).toBe(pauseAtMs);
    expect(paused.pauseAtMs).toBe(pauseAtMs);
    expect(paused.eventsPerSec).toBe(0);
    const report = (await w.host.getReport())!;
    expect(report.events).toBe(eventsBefore(pauseAtMs));
    expect(report.events).toBeLessThan(eventsBefore(pauseAtMs + 1_000)); // the count would differ had it run on
    // it stays there, and the live stream says so with the clock in its header
    const frame = await waitFor(() => w.frames.find((f) => f.revision >= revision && f.status === 'paused' && f.values !== null), 5_000, 'a paused frame');
    expect(frame.values![0]).toBe(pauseAtMs);
    expect(frame.simulatedMs).toBe(pauseAtMs);
    expect((await w.host.getProgress()).simulatedMs).toBe(pauseAtMs);

    // play goes on past it (the pause-at is still set) to the end, with the same run the engine makes in one go
    await w.host.play();
    const done = await settled(w, 'finished', 'the run to finish');
    expect(done.simulatedMs).toBe(HOUR_MS);
    expect({ ...(await w.host.getReport())!, wallMs: 0 }).toEqual({ ...simulation().runToEnd().report(), wallMs: 0 });
  });

  it('at a paced speed (100×) it pauses exactly at the pause-at too', async () => {
    const pauseAtMs = 2_345.5;
    const w = await worker();
    await w.host.load(mm1);
    await w.host.setSpeed(100);
    await w.host.setPauseAt(pauseAtMs);
    await w.host.play();
    const paused = await settled(w, 'paused', 'the pause at 2.3455 s');
    expect(paused.simulatedMs).toBe(pauseAtMs);
    expect((await w.host.getReport())!.events).toBe(eventsBefore(pauseAtMs));
  });

  it('a cleared pause-at lets the run reach its end; one already passed does nothing; reset keeps it', async () => {
    const w = await worker();
    await w.host.load(mm1);
    await w.host.setSpeed('max');
    await w.host.setPauseAt(10 * 60_000);
    const cleared = await w.host.setPauseAt(null);
    expect(cleared.pauseAtMs).toBeUndefined();
    const { revision } = await w.host.play();
    const done = await settled(w, 'finished', 'the run to finish');
    expect(done.simulatedMs).toBe(HOUR_MS);
    expect(w.frames.filter((f) => f.revision >= revision && f.status === 'paused')).toEqual([]);

    // from 0 again: a pause-at behind the clock is ignored, one ahead stops the run
    await w.host.reset();
    await w.host.setPauseAt(5 * 60_000);
    await w.host.play();
    expect((await settled(w, 'paused', 'the pause at 5:00')).simulatedMs).toBe(5 * 60_000);
    await w.host.setPauseAt(60_000); // already passed
    await w.host.play();
    expect((await settled(w, 'finished', 'the run to finish')).simulatedMs).toBe(HOUR_MS);
    // the pause-at stays set across a reset: the next run stops there as well
    await w.host.reset();
    await w.host.play();
    expect((await settled(w, 'paused', 'the pause at 1:00 after reset')).simulatedMs).toBe(60_000);
  });
});
