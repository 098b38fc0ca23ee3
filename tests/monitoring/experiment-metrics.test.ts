import { describe, expect, it } from 'vitest';
import { inlineExecutor, planExperiment, runAll, runTask, summarise } from '../../src/experiments';

/** A link that goes down at 2 m; a probe pings across it; the experiment varies how often. */
const doc = {
  format: 'faultline.scenario/v1',
  name: 'probe interval',
  duration: '10m',
  sampleEvery: '1s',
  nodes: [
    { id: 'edge', kind: 'service', workers: 'unbounded', serviceTime: 0 },
    { id: 'origin', kind: 'service', workers: 'unbounded', serviceTime: '1ms' },
  ],
  links: [{ id: 'edge-origin', from: 'edge', to: 'origin', latency: '5ms' }],
  faults: [{ at: '2m', target: 'edge-origin', action: 'down', for: '3m' }],
  probes: [{ id: 'ping', target: 'origin', via: 'edge', every: '1m', timeout: '5s' }],
  alerts: [
    { name: 'unreachable', target: 'ping', failures: 1 },
    { name: 'never', target: 'edge', metric: 'queueDepth', above: 1000 },
  ],
  experiment: {
    vary: { path: 'faults[0].for', values: ['3m'] },
    seeds: [1, 2, 3, 4, 5],
    collect: ['detectSeconds(unreachable, 2m)', 'detected(unreachable)', 'detected(never)', 'detectSeconds(never, 2m)'],
  },
};

describe('experiment metrics for alerts', () => {
  it('detectSeconds is the alert\'s first firing after `after` in seconds, detected 1 or 0', async () => {
    const planned = planExperiment(structuredClone(doc));
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const plan = planned.plan;
    const { results } = await runAll(plan.tasks.length, [inlineExecutor((i) => runTask(plan, i))]);
    const runs = summarise(plan, results).runs;
    expect(runs).toHaveLength(5);
    for (const run of runs) {
      const seconds = run.outcomes['detectSeconds(unreachable, 2m)'];
      // a probe every minute, failing at once into a link seen down; the alert at the sample's end
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(61);
      expect(run.outcomes['detected(unreachable)']).toBe(1);
      expect(run.outcomes['detected(never)']).toBe(0);
      expect(run.outcomes['detectSeconds(never, 2m)']).toBe(Infinity);
    }
    // the phase differs by seed: not every seed detects at the same moment
    expect(new Set(runs.map((r) => r.outcomes['detectSeconds(unreachable, 2m)'])).size).toBeGreaterThan(1);
  });

  it('names a missing alert', () => {
    const bad = structuredClone(doc);
    bad.experiment.collect = ['detected(unreachabel)'];
    const planned = planExperiment(bad);
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.errors.map((e) => e.message)).toContain('no alert named "unreachabel" (did you mean "unreachable"?)');
  });
});
