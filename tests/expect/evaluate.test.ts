/**
 * An `expect` list checked against a real run: a constant-rate client (10/s) through an unbounded
 * service of 100 ms, whose series are known interval by interval (the first interval holds 9
 * arrivals, later ones 10; class a/b shares come from the client's own stream).
 */
import { describe, expect, it } from 'vitest';
import { runToEnd, type RunReport } from '../../src/engine';
import { parseScenario, type Assertion } from '../../src/scenario';
import { evaluateExpect, expectPassed, formatExpectTable } from '../../src/expect';

const scenario = {
  format: 'faultline.scenario/v1', name: 'constant', duration: '10s',
  nodes: [
    { id: 'users', kind: 'client', rate: 10, arrival: 'constant', target: 'api', classes: [{ name: 'a', weight: 0.5 }, { name: 'b', weight: 0.5 }] },
    { id: 'api', kind: 'service', workers: 'unbounded', serviceTime: '100ms' },
  ],
  links: [{ id: 'l', from: 'users', to: 'api' }],
};

function check(list: unknown[]): { report: RunReport; assertions: Assertion[]; section: ReturnType<typeof evaluateExpect> } {
  const parsed = parseScenario({ ...structuredClone(scenario), expect: list });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const report = runToEnd(parsed.spec);
  return { report, assertions: parsed.expect!, section: evaluateExpect(report, parsed.expect!) };
}

const { report } = check([{ metric: 'clients.users.generated', atLeast: 0 }]);
const series = report.series.clients.users;
/** Σ of a client series over the intervals ending at these sample times. */
const sumAt = (name: string, ends: number[]) => ends.reduce((s, t) => s + series[name][report.series.t.indexOf(t)], 0);

describe('values from the report', () => {
  it('a path reads the report\'s own number; bounds are inclusive', () => {
    const { section } = check([
      { metric: 'clients.users.latencyMs.p99', atMost: report.clients.users.latencyMs.p99 },
      { metric: 'clients.users.latencyMs.p99', atMost: report.clients.users.latencyMs.p99 - 0.1 },
      { metric: 'clients.users.generated', atLeast: report.clients.users.generated, atMost: report.clients.users.generated },
    ]);
    expect(section.results.map((r) => [r.value, r.status])).toEqual([
      [report.clients.users.latencyMs.p99, 'pass'],
      [report.clients.users.latencyMs.p99, 'fail'],
      [report.clients.users.generated, 'pass'],
    ]);
    expect([section.passed, section.failed, section.errors, expectPassed(section)]).toEqual([2, 1, 0, false]);
  });

  it('derived shares: goodputShare = goodput / generated, classes.<name>.successShare per class', () => {
    const { section } = check([{ metric: 'clients.users.goodputShare', atLeast: 0 }, { metric: 'clients.users.classes.a.successShare', atLeast: 0 }]);
    const { goodput, generated, classes } = report.clients.users;
    expect(section.results.map((r) => r.value)).toEqual([goodput / generated, classes.a.succeeded / classes.a.generated]);
    expect(goodput / generated).toBeLessThan(1); // the run ends with requests in flight
  });

  it('equals compares strings and numbers exactly', () => {
    const { section } = check([{ metric: 'nodes.api.kind', equals: 'service' }, { metric: 'nodes.api.kind', equals: 'cache' }, { metric: 'links.l.dropped.linkLoss', equals: 0 }]);
    expect(section.results.map((r) => r.status)).toEqual(['pass', 'fail', 'pass']);
  });

  it('a value the report lacks is an error naming the path, not a pass or a crash', () => {
    const { section } = check([
      { metric: 'nodes.api.cache.hitRatio', atLeast: 0.5 },
      { metric: 'nodes.api.utilization', atMost: 1 },
      { metric: 'clients.users.classes.c.successShare', atLeast: 1 },
      { metric: 'clients.users.latencyMs', atMost: 1 },
    ]);
    expect(section.results.map((r) => [r.status, r.value])).toEqual([['error', null], ['error', null], ['error', null], ['error', null]]);
    const messages = section.results.map((r) => r.message);
    expect(messages[0]).toMatch(/^the report has no nodes\.api\.cache \(fields of nodes\.api: kind, arrived/);
    expect(messages[1]).toMatch(/nodes\.api\.utilization is null.*unbounded/);
    expect(messages[2]).toMatch(/sends no class "c" \(classes: a, b\)/);
    expect(messages[3]).toMatch(/clients\.users\.latencyMs is an object \(fields: mean, p50, p95, p99\)/);
    expect(section.errors).toBe(4);
  });
});

describe('windows over the series', () => {
  it('[2s, 5s) holds the intervals ending at 3, 4 and 5 s: counts are summed', () => {
    const { section } = check([{ metric: 'clients.users.generated', from: '2s', to: '5s', atLeast: 30, atMost: 30 }, { metric: 'clients.users.generated', to: '1s', equals: 9 }]);
    expect(sumAt('generated', [3000, 4000, 5000])).toBe(30);
    expect(section.results.map((r) => [r.value, r.status, r.of, r.fromMs, r.toMs])).toEqual([[30, 'pass', 'sum', 2000, 5000], [9, 'pass', 'sum', 0, 1000]]);
  });

  it('shares over a window are ratios of the sums', () => {
    const { section } = check([{ metric: 'clients.users.goodputShare', to: '1s', atLeast: 0 }, { metric: 'clients.users.classes.a.successShare', from: '1s', to: '3s', atLeast: 0 }]);
    expect(section.results.map((r) => [r.value, r.of])).toEqual([
      [sumAt('goodput', [1000]) / sumAt('generated', [1000]), 'share'],
      [sumAt('succeeded.a', [2000, 3000]) / sumAt('generated.a', [2000, 3000]), 'share'],
    ]);
    expect(section.results[0].value).toBe(8 / 9);
  });

  it('a level is read as its largest sample unless "of" says sum, mean or min', () => {
    const inService = report.series.nodes.api.inService;
    const { section } = check(['max', 'sum', 'mean', 'min', undefined].map((of) => ({ metric: 'nodes.api.inService', from: 0, ...(of ? { of } : {}), atLeast: 0 })));
    const total = inService.reduce((s, v) => s + v, 0);
    expect(section.results.map((r) => [r.of, r.value])).toEqual([['max', Math.max(...inService)], ['sum', total], ['mean', total / inService.length], ['min', Math.min(...inService)], ['max', Math.max(...inService)]]);
  });

  it('a window with no whole interval, or a series the entity lacks, is an error saying so', () => {
    const { section } = check([{ metric: 'clients.users.generated', from: '1.5s', to: '2.5s', atLeast: 0 }, { metric: 'nodes.api.hits', from: 0, atLeast: 0 }]);
    expect(section.results.map((r) => r.status)).toEqual(['error', 'error']);
    expect(section.results[0].message).toMatch(/1\.5s–2\.5s holds no whole interval of the series \(one every 1s\)/);
    expect(section.results[1].message).toMatch(/nodes\.api has no series "hits" \(series: arrived, completed/);
  });
});

describe('the table', () => {
  it('one row per assertion with its status word, value and bound; counts in the heading', () => {
    const { assertions, section } = check([{ name: 'fast enough', metric: 'clients.users.latencyMs.p99', atMost: 50 }, { metric: 'clients.users.generated', from: '2s', to: '5s', equals: 30 }]);
    const lines = formatExpectTable(assertions, section).split('\n');
    expect(lines[0]).toBe('Expectations — 1 passed, 1 failed');
    expect(lines[3]).toMatch(/^FAIL\s+fast enough\s+100\s+≤ 50$/);
    expect(lines[4]).toMatch(/^pass\s+clients\.users\.generated over 2s–5s\s+30\s+= 30$/);
  });
});
