import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from '../../src/scenario';
import { setAtPath } from '../../src/scenario';

const base = () => ({
  format: 'faultline.scenario/v1',
  name: 'sweep me',
  duration: '60s',
  nodes: [
    { id: 'users', kind: 'client', rate: 5, target: 'api' },
    { id: 'api', kind: 'service', workers: 1, serviceTime: { dist: 'exponential', mean: '100ms' } },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api' }],
  faults: [{ at: '10s', for: '5s', target: 'users', action: 'setRate', rate: 8 }],
});

function errors(experiment: unknown): string[] {
  const result = parseScenario({ ...base(), experiment });
  return result.ok ? [] : result.errors.map(formatIssue);
}

describe('the experiment field of the format', () => {
  it('normalises a range, a seed count from the scenario seed, and metric labels with durations', () => {
    const result = parseScenario({ ...base(), seed: 7, experiment: { vary: { path: 'nodes[users].rate', range: { from: 1, to: 2, step: 0.1 } }, seeds: 3, collect: ['p99(api)', 'goodput(users, 10000, 1m)'] } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.experiment?.vary.values).toEqual([1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2]);
    expect(result.experiment?.seeds).toEqual([7, 8, 9]);
    expect(result.experiment?.collect.map((m) => m.label)).toEqual(['p99(api)', 'goodput(users, 10s, 1m)']);
    expect(result.experiment?.collect[1]).toMatchObject({ name: 'goodput', target: 'users', fromMs: 10_000, toMs: 60_000 });
  });

  it('a scenario without an experiment parses exactly as before', () => {
    const result = parseScenario(base());
    expect(result.ok && result.experiment).toBe(undefined);
  });

  it('names the path of every problem', () => {
    expect(errors({ vary: { path: 'nodes[x].rate', values: [1] }, collect: ['p99(api)'] })).toContain('experiment.vary.path: no node "x"');
    expect(errors({ vary: { path: 'links[nope].loss', values: [0.1] }, collect: ['p99(api)'] })).toContain('experiment.vary.path: no link "nope"');
    expect(errors({ vary: { path: 'nodes[users].rate', values: [1, -2] }, collect: ['p99(api)'] })[0]).toMatch(/^experiment\.vary\.values\[1\]: with nodes\[users\]\.rate = -2 the scenario is invalid: nodes\[0\]\.rate: /);
    expect(errors({ vary: { path: 'nodes[users].rate', values: [1] }, collect: ['p90(api)', 'goodput(api)', 'rejectingShare(api, 5s)', 'p99(ghost)'] })).toEqual([
      'experiment.collect[0]: unknown metric "p90" (did you mean "p50"?) (known: goodput, goodputShare, meanLatency, p50, p95, p99, utilization, attemptsPerRequest, collapsed, recoverySeconds, rejectingShare, everRejectingShare, detectSeconds, detected)',
      'experiment.collect[1]: "api" is a service; goodput needs a client',
      'experiment.collect[2]: "api" is a service; rejectingShare needs a validator (a node with `auth`)',
      'experiment.collect[3]: no node "ghost"',
    ]);
    expect(errors({ vary: { path: 'nodes[users].rate', values: [1] }, collect: ['recoverySeconds(users, 2m)'] })).toEqual(['experiment.collect[0]: after: 2m is after the end of the run (1m)']);
    expect(errors({ vary: { path: 'seed', values: [1] }, collect: ['p99(api)'] })).toEqual(['experiment.vary.path: the seed is not varied by a path: use experiment.seeds']);
    expect(errors({ vary: { path: 'nodes[users].rate', values: [1], range: { from: 1, to: 2, step: 1 } }, seeds: 0, collect: ['p99(api)'], colect: [] })).toEqual([
      'experiment.colect: unknown field (did you mean "collect"?)',
      'experiment.vary: expected exactly one of "values" (a list) and "range" ({ "from", "to", "step" })',
      'experiment.seeds: expected a whole number of seeds from 1 to 1000, or a list of seeds, got 0',
    ]);
    expect(errors({ vary: { path: 'nodes[users].rate', values: [1, 2], with: [{ path: 'duration', values: ['1m'] }] }, collect: ['p99(api)'] })).toEqual([
      'experiment.vary.with[0].values: expected 2 values, one for each value of experiment.vary, got 1',
    ]);
  });

  it('a path reaches nodes and links by id, list items by index, and creates missing fields', () => {
    const doc = base() as Record<string, unknown>;
    setAtPath(doc, 'nodes[users].retry.attempts', 3);
    setAtPath(doc, 'faults[0].for', '8s');
    setAtPath(doc, 'links[users-api].latency', '5ms');
    expect(doc).toMatchObject({ nodes: [{ retry: { attempts: 3 } }, {}], faults: [{ for: '8s' }], links: [{ latency: '5ms' }] });
    expect(base().nodes[0]).not.toHaveProperty('retry'); // copies, never the original
  });
});
