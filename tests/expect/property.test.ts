/**
 * Any `expect` list — random entries built from real and broken path pieces, windows and bounds —
 * is either refused with problems at `expect…` paths, or evaluates to one pass/fail/error result
 * per entry; nothing throws (fast-check, fixed seeds).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { evaluateExpect } from '../../src/expect';

const base = {
  format: 'faultline.scenario/v1', name: 'prop', duration: '5s',
  nodes: [
    { id: 'users', kind: 'client', rate: 20, target: 'api', classes: [{ name: 'ios', weight: 1 }] },
    { id: 'api', kind: 'service', workers: 2, serviceTime: '20ms' },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api' }],
};
const plain = parseScenario(structuredClone(base));
if (!plain.ok) throw new Error('base scenario');
const report = runToEnd(plain.spec);

const piece = fc.constantFrom('clients', 'nodes', 'links', 'users', 'api', 'users-api', 'latencyMs', 'p99', 'goodputShare', 'successShare', 'classes', 'ios', 'generated',
  'queueDepth', 'utilization', 'dropped', 'queueFull', 'cache', 'kind', '__proto__', 'constructor', '[api]', '', 'series');
const metric = fc.oneof(fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.').replace('.[', '[')), fc.string());
const time = fc.oneof(fc.constantFrom('0', '1s', '2.5s', '5s', '6s', '1m', 'soon', -1, 1500), fc.nat(6000));
/** Mostly entries the parser takes (some whose value the report lacks), so evaluation is exercised. */
const plausible = fc.record({
  metric: fc.constantFrom('clients.users.latencyMs.p99', 'clients.users.goodputShare', 'clients.users.classes.ios.successShare', 'clients.users.generated.ios',
    'nodes.api.queueDepth', 'nodes.api.utilization', 'nodes.api.cache.hitRatio', 'nodes.api.dropped.queueFull', 'links.users-api.utilization', 'nodes[api].kind', 'nodes.api.hits'),
  window: fc.option(fc.tuple(fc.nat(4000), fc.nat(1000)).map(([from, length]) => ({ from, to: from + length + 1 }))),
  bound: fc.oneof(fc.record({ atMost: fc.double({ noNaN: true, noDefaultInfinity: true }) }), fc.record({ atLeast: fc.double({ noNaN: true, noDefaultInfinity: true }) }), fc.record({ equals: fc.oneof(fc.integer(), fc.constant('service')) })),
}).map(({ metric, window, bound }) => ({ metric, ...(window ?? {}), ...bound }));
const entry = fc.oneof(
  { weight: 12, arbitrary: plausible },
  fc.record({
    metric, from: time, to: time, of: fc.constantFrom('sum', 'max', 'mean', 'min', 'median'), name: fc.string(),
    atMost: fc.oneof(fc.double(), fc.constant('1')), atLeast: fc.double(), equals: fc.oneof(fc.double(), fc.boolean(), fc.string(), fc.constant(null)),
  }, { requiredKeys: ['metric'] }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('random expect lists', () => {
  it('are refused at expect paths, or give one result per entry with a known status', () => {
    const seen = { refused: 0, evaluated: 0, errors: 0 };
    fc.assert(
      fc.property(fc.array(entry, { minLength: 0, maxLength: 4 }), (list) => {
        const parsed = parseScenario({ ...structuredClone(base), expect: list });
        if (!parsed.ok) {
          seen.refused++;
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const error of parsed.errors) expect(error.path).toMatch(/^expect(\[|\.|$)/);
          return;
        }
        expect(parsed.spec).toEqual(plain.spec);
        const section = evaluateExpect(report, parsed.expect!);
        seen.evaluated++;
        seen.errors += section.errors;
        expect(section.results).toHaveLength(list.length);
        expect(section.passed + section.failed + section.errors).toBe(list.length);
        for (const r of section.results) {
          expect(['pass', 'fail', 'error']).toContain(r.status);
          if (r.status === 'error') expect([r.value, typeof r.message]).toEqual([null, 'string']);
        }
      }),
      { seed: 14, numRuns: 400 },
    );
    // both branches are exercised, errors at evaluation included
    expect(seen.refused).toBeGreaterThan(50);
    expect(seen.evaluated).toBeGreaterThan(20);
    expect(seen.errors).toBeGreaterThan(0);
  });
});
