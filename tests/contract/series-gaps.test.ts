// No data is a gap, not zero: the real worker (in a Node worker thread) serves a crashed
// service's latency as NaN — the charts draw a gap — while the engine's report keeps its 0 ms.
import { describe, expect, it } from 'vitest';
import { useWorkers, waitFor, type WorkerUnderTest } from './worker-harness.ts';

/** 8/s into one 100 ms worker for 2 minutes; `api` is down from 30 s to 60 s. */
const crashing = {
  format: 'faultline.scenario/v1',
  name: 'a crash in the middle',
  seed: 3,
  duration: '2m',
  sampleEvery: '1s',
  nodes: [
    { id: 'users', kind: 'client', rate: 8, arrival: 'poisson', target: 'api', timeout: '5s', retry: { attempts: 1 } },
    { id: 'api', kind: 'service', workers: 1, queue: { capacity: 50, discipline: 'fifo' }, serviceTime: { dist: 'exponential', mean: '100ms' } },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api', latency: 0 }],
  faults: [{ at: '30s', target: 'api', action: 'crash', for: '30s' }],
};

const worker = useWorkers();

async function runToEnd(w: WorkerUnderTest): Promise<void> {
  await w.host.load(crashing);
  await w.host.setSpeed('max');
  await w.host.play();
  await waitFor(async () => ((await w.host.getProgress()).status === 'finished' ? true : undefined), 60_000, 'the run to finish');
}

/** Indices of the intervals ending in (fromMs, toMs]. */
const rowsBetween = (t: Float64Array, fromMs: number, toMs: number) => Array.from(t.keys()).filter((i) => t[i] > fromMs && t[i] <= toMs);

describe('series gaps', () => {
  it("gives NaN for a crashed service's and its client's latency where nothing completed, and keeps the report's 0", async () => {
    const w = await worker();
    await runToEnd(w);
    const slice = (await w.host.getSeries(['api', 'users']))!;
    const report = (await w.host.getReport())!;
    const api = slice.entities.find((e) => e.id === 'api')!.metrics;
    const users = slice.entities.find((e) => e.id === 'users')!.metrics;
    // Well inside the crash (its first second may still finish the job in service).
    const down = rowsBetween(slice.t, 32_000, 60_000);
    expect(down.length).toBe(28);
    for (const i of down) {
      expect(api.completed[i]).toBe(0);
      expect(api.latencyP50Ms[i]).toBeNaN();
      expect(api.latencyP99Ms[i]).toBeNaN();
      expect(users.latencyP50Ms[i]).toBeNaN();
      expect(report.series.nodes.api.latencyP50Ms[i]).toBe(0); // the engine's report is unchanged
    }
    // Where requests completed, latency is a number, and the same as the report's.
    const up = rowsBetween(slice.t, 0, 30_000).filter((i) => api.completed[i] > 0);
    expect(up.length).toBeGreaterThan(25);
    for (const i of up) {
      expect(api.latencyP99Ms[i]).toBeGreaterThan(0);
      expect(api.latencyP99Ms[i]).toBe(report.series.nodes.api.latencyP99Ms[i]);
    }
    // Counts and levels are real zeros, not gaps.
    for (const i of down) expect(api.queueDepth[i]).toBe(0);
  });

  it('keeps a bucket that has some completions and leaves a bucket of none empty', async () => {
    const w = await worker();
    await runToEnd(w);
    const bucketed = (await w.host.getSeries(['api'], { maxPoints: 12 }))!; // 10 s buckets
    expect(bucketed.intervalMs).toBe(10_000);
    const api = bucketed.entities[0].metrics;
    const endsAt = (ms: number) => Array.from(bucketed.t).indexOf(ms);
    expect(api.latencyP50Ms[endsAt(50_000)]).toBeNaN(); // 40–50 s: down throughout
    expect(api.latencyP50Ms[endsAt(20_000)]).toBeGreaterThan(0);
    expect(api.latencyP50Ms[endsAt(70_000)]).toBeGreaterThan(0); // recovered at 60 s
  });
});
