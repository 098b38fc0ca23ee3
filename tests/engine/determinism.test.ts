import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine';
import type { RunReport } from '../../src/engine/report-types';
import type { ScenarioSpec } from '../../src/engine/spec';
import { balancer, call, client, exp, link, retry, scenario, service } from '../support/spec-builder';

function busySystem(seed: number): ScenarioSpec {
  return scenario({
    seed,
    nodes: [
      client('web', 'lb', { ratePerSec: 120, timeoutMs: 400, retry: retry(3, 10, 'full'), classes: [{ name: 'read', weight: 3 }, { name: 'write', weight: 1 }] }),
      client('batch', 'lb', { loop: 'closed', ratePerSec: 0, users: 20, think: exp(200) }),
      balancer('lb', ['a', 'b'], { policy: 'powerOfTwo', detectAfterMs: 2000 }),
      service('a', { workers: 3, serviceTime: exp(20), calls: [call('db', { when: ['write'], timeoutMs: 300, retry: retry(2) })] }),
      service('b', { workers: 3, serviceTime: exp(20), errorRate: 0.02, calls: [call('db', { when: ['write'], timeoutMs: 300, retry: retry(2) })] }),
      service('db', { workers: 4, serviceTime: exp(15) }),
    ],
    links: [link('web', 'lb', {}, { latency: exp(20) }), link('batch', 'lb'), link('lb', 'a'), link('lb', 'b'), link('a', 'db', {}, { loss: 0.01 }), link('b', 'db', {}, { latency: exp(1) })],
    faults: [{ atMs: 20_000, forMs: 10_000, target: 'a', action: 'crash', params: {} }],
  });
}

const withoutWallTime = (r: RunReport): string => JSON.stringify({ ...r, wallMs: 0 });

describe('determinism', () => {
  it('the same scenario and seed give identical results, however the run is sliced', () => {
    const whole = new Simulation(busySystem(5)).runToEnd().report();
    const sliced = new Simulation(busySystem(5));
    while (!sliced.advance(997));
    expect(withoutWallTime(sliced.report())).toBe(withoutWallTime(whole));
    expect(whole.clients.web.generated).toBeGreaterThan(6000);
  });

  it('a different seed gives different traffic', () => {
    const a = new Simulation(busySystem(5)).runToEnd().report();
    const b = new Simulation(busySystem(6)).runToEnd().report();
    expect(b.clients.web.generated).not.toBe(a.clients.web.generated);
  });

  it("changing one node's parameters does not change another client's arrivals (common random numbers)", () => {
    const base = busySystem(8);
    const changed = busySystem(8);
    const b = changed.nodes.find((n) => n.id === 'b');
    const batch = changed.nodes.find((n) => n.id === 'batch');
    if (b?.kind !== 'service' || batch?.kind !== 'client') throw new Error('fixture changed');
    b.serviceTime = exp(45); // slower server: more timeouts and retries everywhere
    batch.users = 60;
    // and a node added elsewhere in the graph
    changed.nodes.push(client('extra', 'db', { ratePerSec: 30 }));
    changed.links.push(link('extra', 'db'));
    const r1 = new Simulation({ ...base, sampleEveryMs: 100 }).runToEnd().report();
    const r2 = new Simulation({ ...changed, sampleEveryMs: 100 }).runToEnd().report();
    // web's arrivals, interval by interval, are untouched...
    expect(r2.series.clients.web.generated).toEqual(r1.series.clients.web.generated);
    // ...while what happens to them did change
    expect(r2.clients.web.attempts).not.toBe(r1.clients.web.attempts);
  });
});
