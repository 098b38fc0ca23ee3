import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine';
import { SeriesReader } from '../../workers/series-reader';
import { cache, client, exp, identity, keyset, link, scenario, service, validator } from '../support/spec-builder';

/** Issue 15: series columns declared with their kind and looked up by name, not inferred by the worker. */
const spec = () =>
  scenario({
    nodes: [
      client('users', 'edge', { ratePerSec: 40, auth: { issuer: 'idp', sessions: 50, refreshBeforeMs: 0 } }),
      cache('edge', 'api'),
      service('api', { workers: 4, serviceTime: exp(20), auth: validator('jwks') }),
      identity('idp', 'k1'),
      keyset('jwks', ['k1']),
    ],
    links: [link('users', 'edge'), link('users', 'idp'), link('edge', 'api'), link('api', 'jwks')],
    durationMs: 30_000,
    sampleEveryMs: 250, // 4 intervals a second: a count read as a rate is 4× its interval's number
  });

describe('series columns', () => {
  const sim = new Simulation(spec()).runToEnd();
  const report = sim.report();

  it('columnOf finds every column of the report by name, and -1 for none', () => {
    let checked = 0;
    for (const group of ['nodes', 'clients', 'links'] as const) {
      for (const [entity, metrics] of Object.entries(report.series[group])) {
        for (const [metric, values] of Object.entries(metrics)) {
          const column = sim.series.columnOf(group, entity, metric);
          expect(column, `${group}.${entity}.${metric}`).toBeGreaterThanOrEqual(0);
          expect(sim.series.latest(column)).toBe(values.at(-1));
          expect(sim.series.describe(column)).toMatchObject({ group, entity, metric, index: column });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(sim.series.columnOf('nodes', 'api', 'noSuchMetric')).toBe(-1);
    expect(sim.series.columnOf('clients', 'api', 'arrived')).toBe(-1); // api is a node, not a client
  });

  it('count columns add up to the report totals; levels do not', () => {
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const kind = (group: 'nodes' | 'clients', entity: string, metric: string) => sim.series.describe(sim.series.columnOf(group, entity, metric)).kind;
    expect(kind('clients', 'users', 'generated')).toBe('count');
    expect(sum(report.series.clients.users.generated)).toBe(report.clients.users.generated);
    expect(kind('nodes', 'api', 'completed')).toBe('count');
    expect(sum(report.series.nodes.api.completed)).toBe(report.nodes.api.completed);
    expect(kind('nodes', 'edge', 'hits')).toBe('count');
    expect(sum(report.series.nodes.edge.hits)).toBe(report.nodes.edge.cache?.hits);
    for (const [group, entity, metric] of [['nodes', 'api', 'queueDepth'], ['nodes', 'api', 'trustedKeys'], ['nodes', 'edge', 'entries'], ['clients', 'users', 'inFlight'], ['clients', 'users', 'rejectedTokenShare']] as const) {
      expect(kind(group, entity, metric), metric).toBe('level');
    }
  });

  it('a latency has no value without its count: the column names which', () => {
    const p99 = sim.series.describe(sim.series.columnOf('nodes', 'api', 'latencyP99Ms'));
    expect(p99.kind).toBe('level');
    expect(p99.noValueWithout).toBe(sim.series.columnOf('nodes', 'api', 'completed'));
    const clientP50 = sim.series.describe(sim.series.columnOf('clients', 'users', 'latencyP50Ms'));
    expect(clientP50.noValueWithout).toBe(sim.series.columnOf('clients', 'users', 'succeeded'));
    expect(sim.series.describe(sim.series.columnOf('nodes', 'api', 'queueDepth')).noValueWithout).toBe(-1);
  });

  it('the worker reads counts as rates and levels as they are, by the declared kind', () => {
    const slice = new SeriesReader(sim).read(['api', 'users'], 1, 1);
    const api = slice.entities.find((e) => e.id === 'api')!;
    const perSec = 1000 / report.series.intervalMs;
    expect(perSec).toBe(4);
    expect(api.group).toBe('nodes');
    expect(api.metrics.completed.at(-1)).toBe(report.series.nodes.api.completed.at(-1)! * perSec);
    // a key bitmask is a level: the reader once guessed "count" from its name and multiplied it
    expect(api.metrics.trustedKeys.at(-1)).toBe(1);
    expect(api.metrics.queueDepth.at(-1)).toBe(report.series.nodes.api.queueDepth.at(-1));
    expect(slice.system.generated.at(-1)).toBe(report.series.clients.users.generated.at(-1)! * perSec);
  });
});
