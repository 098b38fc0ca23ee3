import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario';

const base = {
  format: 'faultline.scenario/v1',
  name: 'monitored',
  duration: '1m',
  nodes: [
    { id: 'users', kind: 'client', rate: 1, target: 'api' },
    { id: 'api', kind: 'service', workers: 1, serviceTime: '1ms', calls: [{ to: 'db' }] },
    { id: 'db', kind: 'database', workers: 1, serviceTime: '1ms' },
  ],
  links: [
    { id: 'users-api', from: 'users', to: 'api' },
    { id: 'api-db', from: 'api', to: 'db' },
  ],
};

function problems(extra: Record<string, unknown>): string[] {
  const result = parseScenario({ ...base, ...extra });
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('probes and alerts in the format', () => {
  it('reads a probe and the three kinds of rule into the engine spec, with defaults', () => {
    const result = parseScenario({
      ...base,
      probes: [{ id: 'p', target: 'db', via: 'api', every: '30s' }],
      alerts: [
        { name: 'hot', target: 'api-db', metric: 'utilization', above: 0.7, for: '5m', severity: 'ticket' },
        { name: 'down', target: 'p', failures: 3 },
        { name: 'slo', target: 'users', slo: { objective: 0.999 } },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.probes).toEqual([{ id: 'p', target: 'db', via: 'api', everyMs: 30_000, timeoutMs: 10_000, className: null }]);
    expect(result.spec.alerts).toEqual([
      { name: 'hot', severity: 'ticket', rule: { rule: 'threshold', group: 'links', target: 'api-db', metric: 'utilization', op: 'above', value: 0.7, forMs: 300_000 } },
      { name: 'down', severity: 'page', rule: { rule: 'probeFailures', target: 'p', failures: 3 } },
      {
        name: 'slo',
        severity: 'page',
        rule: { rule: 'burnRate', target: 'users', objective: 0.999, windows: [{ longMs: 3_600_000, shortMs: 300_000, factor: 14.4 }, { longMs: 21_600_000, shortMs: 1_800_000, factor: 6 }] },
      },
    ]);
  });

  it('a file without them yields a spec without the fields (older specs and reports unchanged)', () => {
    const result = parseScenario(base);
    expect(result.ok && 'alerts' in result.spec).toBe(false);
    expect(result.ok && 'probes' in result.spec).toBe(false);
  });

  it('names an unknown target and an unknown metric, with what there is', () => {
    expect(problems({ alerts: [{ name: 'a', target: 'api-bd', metric: 'utilization', above: 1 }] })).toEqual([
      'alerts[0].target: unknown target "api-bd" (expected a node, link, client or probe id) (did you mean "api-db"?)',
    ]);
    const [metric] = problems({ alerts: [{ name: 'a', target: 'api-db', metric: 'utilisation', above: 0.7 }] });
    expect(metric).toContain('alerts[0].metric: unknown metric "utilisation" of "api-db" (did you mean "utilization"?)');
    expect(metric).toContain('(it has: sent, delivered, dropped, bufferDepth, utilization, backDelivered, backDropped)');
  });

  it('refuses a rule on the wrong kind of target, two rules at once, and duplicate names', () => {
    expect(problems({ alerts: [{ name: 'a', target: 'api', failures: 2 }] })).toEqual(['alerts[0].failures: "failures" counts a probe\'s failures in a row; "api" is a service']);
    expect(problems({ alerts: [{ name: 'a', target: 'api', slo: { objective: 0.99 } }] })).toEqual(['alerts[0].slo: an SLO burn-rate alert watches a client\'s goodput; "api" is a service']);
    expect(problems({ alerts: [{ name: 'a', target: 'api', metric: 'queueDepth', above: 1, failures: 2 }] })[0]).toContain('expected exactly one rule');
    expect(problems({ alerts: [{ name: 'a', target: 'api', above: 1 }] })).toEqual(['alerts[0].metric: a threshold needs the series metric it watches, e.g. "metric": "utilization"']);
    const twice = { name: 'same', target: 'api', metric: 'queueDepth', above: 1 };
    expect(problems({ alerts: [twice, twice] })).toEqual(['alerts[1].name: duplicate alert name "same"']);
  });

  it('refuses a probe with no route from `via` to its target, a taken id, or a client target', () => {
    expect(problems({ probes: [{ id: 'p', target: 'db', via: 'users', every: '1m' }] })).toEqual([
      'probes[0].via: no link from "users" to "db": a probe goes the way real traffic goes, over those links',
    ]);
    expect(problems({ probes: [{ id: 'api', target: 'db', via: 'api', every: '1m' }] })).toEqual(['probes[0].id: duplicate id "api" (ids are unique across nodes, links and probes)']);
    expect(problems({ probes: [{ id: 'p', target: 'users', via: 'api', every: '1m' }] })[0]).toBe('probes[0].target: a probe checks a node that answers; "users" is a client');
    expect(problems({ probes: [{ id: 'p', target: 'db', via: 'api' }] })[0]).toContain('probes[0].every');
  });
});
