// Speed 'story' and seek on the real worker: the clock follows the scenario's pacing plan and
// never runs ahead of it; a seek lands exactly on its time and leaves the run as it was (paused
// stays paused; backward starts the run over); a load carries the story the page shows.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { planStory, playbackAt, storySimAfter } from '../../src/story/index.ts';
import { useWorkers, waitFor, type WorkerUnderTest } from './worker-harness.ts';

const crash = {
  format: 'faultline.scenario/v1',
  name: 'one crash',
  duration: '30m',
  sampleEvery: '10s',
  nodes: [
    { id: 'users', kind: 'client', rate: 20, target: 'api' },
    { id: 'api', kind: 'service', workers: 4, serviceTime: { dist: 'exponential', mean: '50ms' } },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api' }],
  faults: [{ at: '10m', target: 'api', action: 'crash', for: '1m' }],
  guide: [{ at: '10m', title: 'api crashes', text: 'Watch the drops.' }],
};
const parsed = parseScenario(crash);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const plan = planStory(parsed.spec);

const worker = useWorkers();

function settled(w: WorkerUnderTest, test: (p: Awaited<ReturnType<WorkerUnderTest['host']['getProgress']>>) => boolean, what: string) {
  return waitFor(async () => {
    const progress = await w.host.getProgress();
    return test(progress) ? progress : undefined;
  }, 60_000, what);
}

describe("speed 'story'", () => {
  it('a load carries the plan, captions and timeline marks', async () => {
    const w = await worker();
    const loaded = await w.host.load(crash);
    if (!loaded.ok) throw new Error('not loaded');
    expect(loaded.story.plan).toEqual(plan);
    expect(loaded.story.captions).toEqual([{ atMs: 600_000, text: 'api crashes' }]);
    expect(loaded.story.markers).toEqual([
      { atMs: 600_000, kind: 'fault', text: 'api crashes' },
      { atMs: 660_000, kind: 'fault', text: 'api is back' },
    ]);
  });

  it('the clock follows the plan and is never ahead of it', async () => {
    const w = await worker();
    await w.host.load(crash);
    const set = await w.host.setSpeed('story');
    expect(set.speed).toBe('story');
    const startedMs = performance.now();
    await w.host.play();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const progress = await w.host.getProgress();
    const elapsedMs = performance.now() - startedMs;
    expect(progress.speed).toBe('story');
    expect(progress.simulatedMs).toBeGreaterThan(0);
    expect(progress.simulatedMs).toBeLessThanOrEqual(storySimAfter(plan, 0, elapsedMs) + 1e-6);
    // the opening plays at the readable rate (×10 here): far below a steady 100× would be
    expect(progress.simulatedMs).toBeLessThanOrEqual(10 * elapsedMs);
    await w.host.pause();
  });
});

describe('seek', () => {
  it('forward from a paused run lands exactly on the time and stays paused', async () => {
    const w = await worker();
    await w.host.load(crash);
    await w.host.seek(600_000);
    const landed = await settled(w, (p) => p.seekingToMs === undefined && p.simulatedMs === 600_000, 'the seek to 10:00');
    expect(landed.status).toBe('paused');
    expect(playbackAt(plan, landed.simulatedMs)).toBeGreaterThan(0);
  });

  it('backward starts the run over (a new run id) and lands on the time; a playing run plays on', async () => {
    const w = await worker();
    await w.host.load(crash);
    await w.host.seek(900_000);
    const ahead = await settled(w, (p) => p.seekingToMs === undefined && p.simulatedMs === 900_000, 'the seek to 15:00');
    await w.host.setSpeed(1);
    await w.host.play();
    await w.host.seek(300_000);
    const back = await settled(w, (p) => p.seekingToMs === undefined && p.simulatedMs >= 300_000 && p.runId > ahead.runId, 'the seek back to 5:00');
    expect(back.status).toBe('running');
    expect(back.simulatedMs).toBeLessThan(320_000); // playing on at 1× from 5:00, not from 15:00
    const report = (await w.host.getReport())!;
    expect(report.simulatedMs).toBeLessThan(320_000);
  });
});
