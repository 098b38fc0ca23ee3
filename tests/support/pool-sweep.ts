// A sweep for the pools' abort tests (tests/contract/worker-pool.test.ts, tests/experiments/
// node-pool.test.ts): run 0 is tiny (36 requests); runs 1–4 are 2,000 requests/s for an hour,
// seconds of work each, so they are still running when a test aborts.
import { planExperiment, type ExperimentPlan } from '../../src/experiments/index.ts';

export function poolSweepPlan(): ExperimentPlan {
  const planned = planExperiment({
    format: 'faultline.scenario/v1',
    name: 'pool abort',
    duration: '1h',
    nodes: [
      { id: 'c', kind: 'client', rate: 0.01, target: 's' },
      { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' },
    ],
    links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
    experiment: { vary: { path: 'nodes[c].rate', values: [0.01, 2000, 2001, 2002, 2003] }, seeds: 1, collect: ['p50(c)'] },
  });
  if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
  return planned.plan;
}
