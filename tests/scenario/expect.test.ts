/** The `expect` list of the format: what it normalises to, and a message at the entry for each mistake. */
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioIssue } from '../../src/scenario';

const doc = (expectList: unknown, extra: Record<string, unknown> = {}) => ({
  format: 'faultline.scenario/v1', name: 'expect', duration: '2m',
  nodes: [
    { id: 'users', kind: 'client', rate: 10, target: 'api.v2' },
    { id: 'api.v2', kind: 'service', workers: 2, serviceTime: '10ms', calls: [{ to: 'api' }] },
    { id: 'api', kind: 'service', workers: 'unbounded', serviceTime: '1ms' },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api.v2' }, { id: 'v2-api', from: 'api.v2', to: 'api' }],
  expect: expectList,
  ...extra,
});

function errors(list: unknown): ScenarioIssue[] {
  const result = parseScenario(doc(list));
  if (result.ok) throw new Error('expected problems');
  return result.errors;
}

describe('a valid expect list', () => {
  it('is normalised: group, id, field below it, window in ms, bounds; the spec is unchanged', () => {
    const result = parseScenario(doc([
      { metric: 'clients.users.latencyMs.p99', atMost: 500 },
      { name: 'goodput holds', metric: 'clients.users.goodputShare', from: '30s', to: 60_000, atLeast: 0.99 },
      { metric: 'nodes.api.queueDepth', from: '1m', of: 'mean', atLeast: 0, atMost: 3 },
      { metric: 'links[users-api].utilization', equals: 0 },
    ]));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.expect).toEqual([
      { kind: 'metric', index: 0, metric: 'clients.users.latencyMs.p99', group: 'clients', id: 'users', field: ['latencyMs', 'p99'], atMost: 500 },
      { kind: 'metric', index: 1, name: 'goodput holds', metric: 'clients.users.goodputShare', group: 'clients', id: 'users', field: ['goodputShare'], window: { fromMs: 30_000, toMs: 60_000 }, atLeast: 0.99 },
      { kind: 'metric', index: 2, metric: 'nodes.api.queueDepth', group: 'nodes', id: 'api', field: ['queueDepth'], window: { fromMs: 60_000, toMs: 120_000, of: 'mean' }, atMost: 3, atLeast: 0 },
      { kind: 'metric', index: 3, metric: 'links[users-api].utilization', group: 'links', id: 'users-api', field: ['utilization'], equals: 0 },
    ]);
    const { expect: _none, ...withoutExpect } = doc(undefined);
    const plain = parseScenario(withoutExpect);
    if (!plain.ok) throw new Error('plain doc');
    expect(result.spec).toEqual(plain.spec);
    expect(plain.expect).toBeUndefined();
  });

  it('an id with dots is the longest id the path starts with: nodes.api.v2.… is api.v2, nodes.api.… is api', () => {
    const result = parseScenario(doc([{ metric: 'nodes.api.v2.utilization', atMost: 1 }, { metric: 'nodes.api.arrived', atLeast: 1 }]));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.expect!.map((a) => [a.id, a.field])).toEqual([['api.v2', ['utilization']], ['api', ['arrived']]]);
  });
});

describe('every mistake is named at its entry', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['an unknown client, with a suggestion', { metric: 'clients.usres.latencyMs.p99', atMost: 1 }, 'expect[0].metric', /no client "usres".*users/],
    ['a node under the wrong group', { metric: 'clients.api.arrived', atMost: 1 }, 'expect[0].metric', /"api" is not under clients: its report is under nodes/],
    ['a path outside the report', { metric: 'series.users', atMost: 1 }, 'expect[0].metric', /starting with "clients\.", "nodes\.", "links\."/],
    ['a field the report does not have', { metric: 'clients.users.latncyMs.p99', atMost: 1 }, 'expect[0].metric', /no field "latncyMs" under clients\.users.*latencyMs/],
    ['a path that stops at the id', { metric: 'clients.users', atMost: 1 }, 'expect[0].metric', /expected a field after clients\.users/],
    ['no bound', { metric: 'clients.users.goodput' }, 'expect[0]', /expected a bound/],
    ['equals with a bound', { metric: 'clients.users.goodput', equals: 3, atMost: 4 }, 'expect[0].equals', /alone/],
    ['atMost below atLeast', { metric: 'clients.users.goodput', atMost: 1, atLeast: 2 }, 'expect[0].atMost', /atMost ≥ atLeast \(2\), got 1/],
    ['a bound that is not a number', { metric: 'clients.users.goodput', atMost: '5' }, 'expect[0].atMost', /expected a number, got "5"/],
    ['a window after the end of the run', { metric: 'clients.users.goodput', from: '3m', atLeast: 1 }, 'expect[0].from', /3m is after the end of the run \(2m\)/],
    ['an empty window', { metric: 'clients.users.goodput', from: '1m', to: '30s', atLeast: 1 }, 'expect[0].to', /after from \(1m\), got 30s/],
    ['a window that is not a duration', { metric: 'clients.users.goodput', from: 'soon', atLeast: 1 }, 'expect[0].from', /expected a duration/],
    ['"of" without a window', { metric: 'clients.users.goodput', of: 'max', atLeast: 1 }, 'expect[0].of', /only with a window/],
    ['an unknown aggregate', { metric: 'clients.users.goodput', from: '1m', of: 'median', atLeast: 1 }, 'expect[0].of', /"sum", "mean", "max", "min"/],
    ['an unknown field, with a suggestion', { metric: 'clients.users.goodput', atLeast: 1, atmost: 3 }, 'expect[0].atmost', /unknown field.*atMost/],
    ['an alert, which does not exist yet', { alert: 'high-latency', fired: false }, 'expect[0].alert', /alerts do not exist yet/],
  ];
  for (const [what, entry, path, message] of cases) {
    it(what, () => {
      const found = errors([entry]);
      expect(found.map((e) => e.path)).toContain(path);
      expect(found.find((e) => e.path === path)!.message).toMatch(message);
    });
  }

  it('a list that is not a list, or is empty, is one problem at "expect"', () => {
    expect(errors({ metric: 'clients.users.goodput' })).toEqual([{ path: 'expect', message: expect.stringMatching(/^expected a list of 1–200 assertions/) }]);
    expect(errors([])[0].path).toBe('expect');
  });

  it('every broken entry is reported, not just the first', () => {
    expect(errors([{ metric: 'nodes.nope.arrived', atMost: 1 }, { metric: 'clients.users.goodput', atMost: 1 }, { metric: 'links.x.sent', atMost: 1 }]).map((e) => e.path)).toEqual(['expect[0].metric', 'expect[2].metric']);
  });
});
